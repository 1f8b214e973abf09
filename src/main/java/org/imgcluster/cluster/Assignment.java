package org.imgcluster.cluster;

import org.imgcluster.linalg.Distances;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RowChunks;
import org.imgcluster.linalg.Vectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Nearest-centre assignment, shared by k-means' last step, mini-batch k-means and prediction. */
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
        float[] cNorms = NdArrays.values(Distances.rowSquaredNorms(centers));
        CentreProducts products = new CentreProducts(k, (int) centers.columns());
        products.setCenters(NdArrays.values(centers));
        int block = Distances.blockRows(k, blockBytes);
        double inertia = 0;
        for (int from = 0; from < n; from += block) {
            int start = from;
            int to = Math.min(n, from + block);
            float[] dots = products.times(Distances.rows(x, from, to));
            inertia += RowChunks.sum(to - from, 1, (a, b, sum) ->
                    sum[0] += nearest(dots, start, a + start, b + start, to - start, k, cNorms, xNorms, labels,
                            minDist))[0];
        }
        return inertia;
    }

    /**
     * Σᵢ ‖xᵢ − c_label(i)‖² from the differences themselves in double (the GEMM expansion's float rounding adds up
     * over many points), in parallel over row chunks.
     */
    static double exactInertia(float[] x, int d, int[] labels, float[] centers) {
        return RowChunks.sum(labels.length, 1, (from, to, sum) -> {
            for (int i = from; i < to; i++) {
                sum[0] += Vectors.squaredDistance(x, i * d, centers, labels[i] * d, d);
            }
        })[0];
    }

    /**
     * The nearest centre of rows from..to-1 given the dot products of rows first.. with the k centres as
     * {@link CentreProducts} lays them out (row i and centre j at {@code dots[j·stride + i − first]}):
     * ‖x−c‖² = ‖x‖² + ‖c‖² − 2x·c. Returns the rows' summed squared distances. Centre by centre along runs of rows,
     * the products' own order: a row at a time jumps across k distant places and took most of a low-d k-means run.
     */
    static double nearest(float[] dots, int first, int from, int to, int stride, int k, float[] cNorms, float[] xNorms,
                          int[] labels, float[] minDist) {
        for (int i = from; i < to; i++) {
            minDist[i] = cNorms[0] - 2 * dots[i - first];
            labels[i] = 0;
        }
        for (int j = 1; j < k; j++) {
            float c = cNorms[j];
            int base = j * stride - first;
            for (int i = from; i < to; i++) {
                float v = c - 2 * dots[base + i];
                float best = minDist[i];
                labels[i] = v < best ? j : labels[i];
                minDist[i] = Math.min(v, best);
            }
        }
        double inertia = 0;
        for (int i = from; i < to; i++) {
            minDist[i] = Math.max(0f, xNorms[i] + minDist[i]);
            inertia += minDist[i];
        }
        return inertia;
    }
}
