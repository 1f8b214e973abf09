package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.imgcluster.TestData;
import org.imgcluster.data.ImageSet;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Point sets made by formulas that src/test/resources/cluster/sklearn_agglomerative_spectral_reference.py repeats
 * exactly (the C-library LCG, then one double → float rounding per value), so its scikit-learn numbers apply to them.
 */
final class ClusterFixtures {
    private ClusterFixtures() {
    }

    /** Points with their true groups. */
    record Points(INDArray x, int[] truth) {
    }

    /** The C-library LCG; Lcg in the Python script. */
    private static final class Lcg {
        private long state;

        Lcg(long seed) {
            state = seed;
        }

        long next() {
            state = (1103515245L * state + 12345) % (1L << 31);
            return state;
        }

        /** A double in [0, 1) on a grid of 2^-20. */
        double uniform() {
            return (next() >> 8) % (1 << 20) / (double) (1 << 20);
        }
    }

    /** n×5: five blob centres on an integer grid times scale, uniform noise in [-2, 2) per feature; uneven sizes. */
    static Points blobs(int n, double scale) {
        Lcg rng = new Lcg(42);
        float[] x = new float[n * 5];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int k = (int) (rng.next() % 7 % 5);
            truth[i] = k;
            for (int t = 0; t < 5; t++) {
                int centre = (k * 7 + t * 3) % 11 - 5;
                x[i * 5 + t] = (float) (scale * centre + 4 * rng.uniform() - 2);
            }
        }
        return new Points(Distances.matrix(x, n, 5), truth);
    }

    /** 600×2: concentric rings of radius 1, 2, 3 with 100, 200, 300 points, radial noise in [-0.1, 0.1). */
    static Points rings() {
        Lcg rng = new Lcg(7);
        float[] x = new float[600 * 2];
        int[] truth = new int[600];
        int i = 0;
        int[] sizes = {100, 200, 300};
        for (int k = 0; k < 3; k++) {
            for (int p = 0; p < sizes[k]; p++) {
                double angle = 2 * Math.PI * rng.uniform();
                double radius = k + 1 + 0.2 * rng.uniform() - 0.1;
                x[2 * i] = (float) (radius * Math.cos(angle));
                x[2 * i + 1] = (float) (radius * Math.sin(angle));
                truth[i++] = k;
            }
        }
        return new Points(Distances.matrix(x, 600, 2), truth);
    }

    /** 200×2: scikit-learn's two interleaved half circles (100 points each), noise in [-0.05, 0.05) per coordinate. */
    static Points moons() {
        Lcg rng = new Lcg(11);
        float[] x = new float[200 * 2];
        int[] truth = new int[200];
        for (int i = 0; i < 200; i++) {
            int k = i / 100;
            double angle = Math.PI * rng.uniform();
            double px = k == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
            double py = k == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
            x[2 * i] = (float) (px + 0.1 * rng.uniform() - 0.05);
            x[2 * i + 1] = (float) (py + 0.1 * rng.uniform() - 0.05);
            truth[i] = k;
        }
        return new Points(Distances.matrix(x, 200, 2), truth);
    }

    /** The first n MNIST test images as pixels / 255 with their digits; skips the calling test without the data. */
    static Points mnistTestHead(int n) {
        ImageSet images = TestData.split("mnist", "test")
                .select(IntStream.range(0, n).toArray(), "first " + n);
        return new Points(Distances.matrix(images.toUnitFloats(), n, images.imageLength()), images.labels());
    }

    /** Labels printed one digit per point by the Python script. */
    static int[] digits(String labels) {
        return labels.chars().map(c -> c - '0').toArray();
    }

    /** The two labelings group the points the same way (their label numbers may differ). */
    static void assertSamePartition(int[] actual, int[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        Map<Integer, Integer> forward = new HashMap<>();
        Map<Integer, Integer> backward = new HashMap<>();
        for (int i = 0; i < actual.length; i++) {
            int a = actual[i];
            int e = expected[i];
            assertThat(forward.computeIfAbsent(a, key -> e)).as("point %d: our cluster %d holds points of %d and %d", i,
                    a, forward.get(a), e).isEqualTo(e);
            assertThat(backward.computeIfAbsent(e, key -> a)).as("point %d: expected cluster %d is split", i, e)
                    .isEqualTo(a);
        }
    }

    /** The call fails with an IllegalArgumentException whose message is exactly {@code message}, on one line. */
    static void assertRefusedInOneLine(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
