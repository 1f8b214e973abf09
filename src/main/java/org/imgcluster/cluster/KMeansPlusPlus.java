package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RowChunks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Greedy k-means++ seeding as scikit-learn's {@code _kmeans_plusplus}: each new centre is the best of
 * 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to the nearest chosen centre,
 * "best" meaning the lowest resulting potential. Each step is one GEMM of the data against the candidates, into
 * buffers reused across steps; the rest is plain Java on the products.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    static INDArray seed(DenseRows data, int k, SplittableRandom rng) {
        int n = data.n();
        int d = data.d();
        float[] values = data.values();
        float[] norms = data.squaredNorms();
        int trials = 2 + (int) Math.log(k);
        float[] centers = new float[k * d];
        float[] candidateRows = new float[trials * d];
        float[] dots = new float[n * trials];
        INDArray candidates = Nd4j.createUninitialized(DataType.FLOAT, trials, d);
        INDArray products = Nd4j.createUninitialized(DataType.FLOAT, n, trials);

        int first = rng.nextInt(n);
        System.arraycopy(values, first * d, centers, 0, d);
        float[] closest = new float[n];
        INDArray firstRow = NdArrays.matrix(Arrays.copyOfRange(values, first * d, first * d + d), 1, d);
        float[] firstDots = NdArrays.values(NdArrays.timesTransposed(data.array(), firstRow));
        double potential = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = Math.max(0f, norms[i] + norms[first] - 2 * firstDots[i]);
            potential += closest[i];
        }
        double[] cumulative = new double[n];
        int[] picked = new int[trials];
        for (int c = 1; c < k; c++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            for (int t = 0; t < trials; t++) {
                picked[t] = searchSorted(cumulative, rng.nextDouble() * potential);
                System.arraycopy(values, picked[t] * d, candidateRows, t * d, d);
            }
            NdArrays.fill(candidates, candidateRows);
            NdArrays.read(NdArrays.timesTransposed(data.array(), candidates, products), dots);
            double[] trialPotential = RowChunks.sum(n, trials, (from, to, s) -> {
                for (int i = from; i < to; i++) {
                    for (int t = 0; t < trials; t++) {
                        float dist = Math.max(0f, norms[i] + norms[picked[t]] - 2 * dots[i * trials + t]);
                        s[t] += Math.min(closest[i], dist);
                    }
                }
            });
            int best = 0;
            for (int t = 1; t < trials; t++) {
                if (trialPotential[t] < trialPotential[best]) {
                    best = t;
                }
            }
            int chosen = best;
            RowChunks.forEach(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    float dist = Math.max(0f, norms[i] + norms[picked[chosen]] - 2 * dots[i * trials + chosen]);
                    closest[i] = Math.min(closest[i], dist);
                }
            });
            potential = trialPotential[best];
            System.arraycopy(values, picked[best] * d, centers, c * d, d);
        }
        return NdArrays.matrix(centers, k, d);
    }

    /** The first index whose cumulative value exceeds {@code value}, clipped to the last index (as numpy + clip). */
    private static int searchSorted(double[] cumulative, double value) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
