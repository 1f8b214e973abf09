package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.imgcluster.linalg.NdArrays;
import org.junit.jupiter.api.Test;

class LogOfProductTest {
    @Test
    void equalsTheSumOfTheLogarithmsDownToTheSmallestFloats() {
        // 10,003 values: pieces of 4,096 and a tail that is no multiple of 16; every 97th the smallest subnormal float,
        // whose products would underflow a double within a handful of factors without the rescaling.
        int n = 10_003;
        float[] v = new float[n];
        SplittableRandom rng = new SplittableRandom(3);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            v[i] = i % 97 == 0 ? Float.MIN_VALUE : (float) (1 - rng.nextDouble());
            expected += Math.log(v[i]);
        }
        assertThat(LogOfProduct.of(NdArrays.matrix(v, 1, n))).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    @Test
    void aZeroGivesMinusInfinityAndNaNStaysNaN() {
        float[] v = {0.5f, 0f, 0.25f};
        assertThat(LogOfProduct.of(NdArrays.matrix(v, 1, 3))).isEqualTo(Double.NEGATIVE_INFINITY);
        float[] w = new float[40];
        Arrays.fill(w, 0.5f);
        w[17] = Float.NaN;
        assertThat(LogOfProduct.of(NdArrays.matrix(w, 1, 40))).isNaN();
        assertThat(LogOfProduct.of(NdArrays.matrix(new float[] {1f, 0.5f}, 1, 2)))
                .isCloseTo(Math.log(0.5), within(1e-15));
    }
}
