package org.imgcluster.cluster;

import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Nearest-centre assignment of every row, shared by k-means' last step, mini-batch k-means and prediction. */
final class Assignment {
    private Assignment() {
    }

    /**
     * Sets {@code labels[i]} to the nearest centre of row i and {@code minDist[i]} to its squared distance, in row
     * blocks of at most {@code blockBytes} of distances; returns the inertia (sum of minDist, in double).
     */
    static double assign(INDArray x, float[] xNorms, INDArray centers, int[] labels, float[] minDist, long blockBytes) {
        int n = (int) x.rows();
        int k = (int) centers.rows();
        float[] cNorms = Distances.rowSquaredNorms(centers).data().asFloat();
        INDArray centersT = centers.transpose().dup('c');
        int block = Distances.blockRows(k, blockBytes);
        double inertia = 0;
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            float[] dots = Distances.rows(x, from, to).mmul(centersT).data().asFloat();
            for (int i = from; i < to; i++) {
                int base = (i - from) * k;
                int best = 0;
                float bestValue = Float.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    float v = cNorms[j] - 2 * dots[base + j];
                    if (v < bestValue) {
                        bestValue = v;
                        best = j;
                    }
                }
                labels[i] = best;
                minDist[i] = Math.max(0f, xNorms[i] + bestValue);
                inertia += minDist[i];
            }
        }
        return inertia;
    }
}
