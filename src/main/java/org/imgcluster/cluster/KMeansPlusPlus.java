package org.imgcluster.cluster;

import java.util.SplittableRandom;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Greedy k-means++ seeding as scikit-learn's {@code _kmeans_plusplus}: each new centre is the best of
 * 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to the nearest chosen centre,
 * "best" meaning the lowest resulting potential. Candidate distances are one GEMM per step.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    static INDArray seed(DenseRows data, int k, SplittableRandom rng) {
        INDArray x = data.array();
        float[] xNorms = data.squaredNorms();
        int n = data.n();
        int trials = 2 + (int) Math.log(k);
        INDArray centers = Nd4j.create(DataType.FLOAT, k, x.columns());
        int first = rng.nextInt(n);
        centers.putRow(0, x.getRow(first));
        INDArray xNormsCol = data.squaredNormsColumn();
        float[] closest = Distances.squared(x, xNormsCol, x.getRow(first, true),
                Nd4j.create(new float[] {xNorms[first]}, new long[] {1, 1}, DataType.FLOAT)).data().asFloat();
        double potential = sum(closest);
        double[] cumulative = new double[n];
        for (int c = 1; c < k; c++) {
            int[] candidates = new int[trials];
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = searchSorted(cumulative, rng.nextDouble() * potential);
            }
            float[] d = Distances.squared(x, xNormsCol, Nd4j.pullRows(x, 1, candidates), Nd4j.pullRows(xNormsCol, 1, candidates))
                    .data().asFloat();
            int bestTrial = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += Math.min(closest[i], d[i * trials + t]);
                }
                if (p < bestPotential) {
                    bestPotential = p;
                    bestTrial = t;
                }
            }
            for (int i = 0; i < n; i++) {
                closest[i] = Math.min(closest[i], d[i * trials + bestTrial]);
            }
            potential = bestPotential;
            centers.putRow(c, x.getRow(candidates[bestTrial]));
        }
        return centers;
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

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
