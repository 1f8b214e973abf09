package org.imgcluster.features;

import java.util.Random;
import java.util.stream.IntStream;

import org.imgcluster.TestData;
import org.imgcluster.data.ImageSet;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Data for the network tests: slices of the real training sets (IMGCLUSTER_DATA), and seeded random rows. */
final class NetworkFixtures {

    private NetworkFixtures() {
    }

    /** The first {@code count} training images of {@code mnist} or {@code fashion-mnist}, with their labels. */
    static ImageSet train(String dataset, int count) {
        ImageSet all = TestData.split(dataset, "train");
        return all.select(IntStream.range(0, count).toArray(), all.source() + ", first " + count);
    }

    /** Fashion-MNIST training images {@code from..from+count-1} as {@link PixelMatrix} rows. */
    static INDArray fashionRows(int from, int count) {
        ImageSet images = train("fashion-mnist", from + count);
        return PixelMatrix.of(images.select(IntStream.range(from, from + count).toArray(), "slice"));
    }

    /**
     * The largest |a[k] − b[k]| of two arrays of one length (AssertJ's containsExactly with an offset compares every
     * pair, which takes minutes for a network's millions of parameters).
     */
    static float largestDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("arrays of " + a.length + " and " + b.length + " values");
        }
        float largest = 0;
        for (int k = 0; k < a.length; k++) {
            largest = Math.max(largest, Math.abs(a[k] - b[k]));
        }
        return largest;
    }

    /** n×d values uniform in (0, 1), the same for the same seed. */
    static INDArray uniformRows(int n, int d, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * d];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextFloat();
        }
        return NdArrays.matrix(values, n, d);
    }
}
