package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.imgcluster.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Images reach DL4J channels-first: pixel (r, c), channel ch of an ImageSet image lands at [i, ch, r, c]. */
class CnnLayoutTest {
    @Test
    void aHandMadeTwoByTwoRgbImageLandsChannelsFirst() {
        // Channels-last bytes: value = 50·(channel + 1) + 10·row + column, so each says where it belongs.
        byte[] pixels = new byte[2 * 2 * 3];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    pixels[(r * 2 + c) * 3 + ch] = (byte) (50 * (ch + 1) + 10 * r + c);
                }
            }
        }
        ImageSet image = new ImageSet(pixels, 1, 2, 2, 3, null, List.of(), "hand-made");

        INDArray nchw = ChannelsFirst.of(PixelMatrix.of(image), ImageShape.of(image));

        assertThat(nchw.shape()).containsExactly(1, 3, 2, 2);
        for (int ch = 0; ch < 3; ch++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(nchw.getFloat(0, ch, r, c) * 255).as("channel %d, row %d, column %d", ch, r, c)
                            .isCloseTo(50 * (ch + 1) + 10 * r + c, within(1e-3f));
                }
            }
        }
        assertThat(nchw.ordering()).isEqualTo('c');
    }
}
