package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.imgcluster.data.BadInputException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class IsomapTest {
    @Test
    void unrollsASwissRoll() {
        EmbeddingFixtures.Rolled roll = EmbeddingFixtures.swissRoll(1500, 4);
        Embedding embedding = Isomap.of(2).withNNeighbors(10).fit(roll.points());

        assertThat(embedding.rows()).hasSize(1500);
        double[] first = EmbeddingFixtures.column(embedding.coordinates(), 0);
        assertThat(Math.abs(EmbeddingFixtures.spearman(first, roll.angle()))).isGreaterThan(0.95);
    }

    @Test
    void eachAxisHasItsLargestCoordinatePositive() {
        INDArray coordinates = Isomap.of(2).withNNeighbors(10).fit(EmbeddingFixtures.swissRoll(300, 9).points())
                .coordinates();

        for (int j = 0; j < 2; j++) {
            double[] axis = EmbeddingFixtures.column(coordinates, j);
            double max = Arrays.stream(axis).max().orElseThrow();
            double min = Arrays.stream(axis).min().orElseThrow();
            assertThat(max).isGreaterThanOrEqualTo(-min);
        }
    }

    @Test
    void aGraphInPiecesKeepsItsLargestPieceAndSaysWhichRows() {
        // 40 points along a wavy line and 10 more far away: with 5 neighbours the two groups never meet.
        float[] values = new float[50 * 3];
        for (int i = 0; i < 50; i++) {
            values[i * 3] = i < 40 ? i : 1000 + i;
            values[i * 3 + 1] = (float) Math.sin(i);
        }
        Embedding embedding = Isomap.of(2).fit(Nd4j.create(values, new long[] {50, 3}));

        assertThat(embedding.rows()).containsExactly(IntStream.range(0, 40).toArray());
        assertThat(embedding.trainingRows()).isEqualTo(50);
        assertThat(embedding.coordinates().rows()).isEqualTo(embedding.rows().length);
    }

    @Test
    void aSubsampleLargerThanTheHeapAllowsIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> QuadraticHeap.require("Isomap (two matrices)", 16, 100_000, 4L << 30))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Isomap (two matrices) of 100,000 points needs 149.0 GiB of heap (16 bytes per pair "
                        + "of points) but 4.0 GiB is free; set subsample to at most 16,384 (or give Java more heap "
                        + "with -Xmx)");
    }
}
