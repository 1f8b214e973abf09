package org.imgcluster.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded samples from Gaussian mixtures with known components, for recovery tests. */
record GaussianBlobs(INDArray points, int[] truth) {

    /**
     * {@code perComponent} points around each centre, shuffled. Each component's covariance is A·Aᵀ with A =
     * {@code scale}·(I + a random matrix of entries in ±0.3): anisotropic and different; when not {@code correlated},
     * A keeps only its diagonal, so the covariances are diagonal.
     */
    static GaussianBlobs sample(double[][] centers, int perComponent, double scale, boolean correlated, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = centers.length;
        int d = centers[0].length;
        int n = k * perComponent;
        double[][] shapes = new double[k][d * d];
        for (int m = 0; m < k; m++) {
            for (int t = 0; t < d * d; t++) {
                boolean diagonal = t % (d + 1) == 0;
                double noise = 0.6 * (rng.nextDouble() - 0.5);
                shapes[m][t] = diagonal ? scale * (1 + noise) : correlated ? scale * noise : 0;
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] values = new float[n * d];
        int[] truth = new int[n];
        double[] z = new double[d];
        for (int s = 0; s < n; s++) {
            int m = s / perComponent;
            int row = order[s];
            truth[row] = m;
            for (int j = 0; j < d; j++) {
                z[j] = normal(rng);
            }
            for (int j = 0; j < d; j++) {
                double v = centers[m][j];
                for (int l = 0; l < d; l++) {
                    v += shapes[m][j * d + l] * z[l];
                }
                values[row * d + j] = (float) v;
            }
        }
        return new GaussianBlobs(Nd4j.create(values, new long[] {n, d}, DataType.FLOAT), truth);
    }

    /** k random centres in d dimensions, every pair at least {@code separation} apart. */
    static double[][] separatedCenters(int k, int d, double separation, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centers = new double[k][];
        int found = 0;
        while (found < k) {
            double[] c = new double[d];
            for (int j = 0; j < d; j++) {
                c[j] = 4 * separation * rng.nextDouble();
            }
            boolean farEnough = true;
            for (int m = 0; m < found; m++) {
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    sq += (c[j] - centers[m][j]) * (c[j] - centers[m][j]);
                }
                farEnough &= Math.sqrt(sq) >= separation;
            }
            if (farEnough) {
                centers[found++] = c;
            }
        }
        return centers;
    }

    /** Whether two labelings are the same partition up to renaming (adjusted Rand index 1). */
    static boolean samePartition(int[] a, int[] b) {
        Map<Integer, Integer> aToB = new HashMap<>();
        Map<Integer, Integer> bToA = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            int x = a[i];
            int y = b[i];
            if (aToB.computeIfAbsent(x, key -> y) != y || bToA.computeIfAbsent(y, key -> x) != x) {
                return false;
            }
        }
        return true;
    }

    private static double normal(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
