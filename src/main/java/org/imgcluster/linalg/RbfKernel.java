package org.imgcluster.linalg;

import java.util.stream.IntStream;

/**
 * scikit-learn's {@code rbf_kernel} exp(−γ‖x_i − x_j‖²) between every pair of points, with a zero diagonal and
 * normalised as D^−½·W·D^−½ (D the row sums; 1 for a point with none), the matrix that both
 * {@code SpectralClustering(affinity='rbf')} and {@code LabelSpreading(kernel='rbf')} build through scipy's normalised
 * Laplacian. Dense: n² floats on the heap, so callers check the size first with {@link #requireFits}.
 *
 * @param rows        the normalised matrix, one float row per point
 * @param sqrtDegrees √ of each point's row sum before normalising (1 where that sum is 0)
 */
public record RbfKernel(float[][] rows, double[] sqrtDegrees) {
    private static final long BLOCK_BYTES = 64L << 20;
    /** Java's per-array header and length, counted for each of the n rows. */
    private static final long ROW_OVERHEAD = 16;

    /** Refuses in one line, naming the alternatives, a number of points whose matrix would not fit in heapBytes. */
    public static void requireFits(String what, int n, long heapBytes, String alternatives) {
        QuadraticMemory.require(what, "dense affinity matrix (n² floats)", n,
                m -> m * m * Float.BYTES + m * ROW_OVERHEAD, heapBytes, alternatives);
    }

    public static RbfKernel normalized(DenseRows x, double gamma) {
        int n = x.n();
        float[][] rows = new float[n][];
        GramBlocks.forEachSquaredDistanceRow(x, BLOCK_BYTES, (i, row) -> {
            for (int j = 0; j < n; j++) {
                row[j] = (float) Math.exp(-gamma * row[j]);
            }
            // The self-affinity does not count in the normalised Laplacian.
            row[i] = 0;
            rows[i] = row;
        });
        double[] sqrtDegrees = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double w = 0;
            for (float v : rows[i]) {
                w += v;
            }
            sqrtDegrees[i] = w == 0 ? 1 : Math.sqrt(w);
        });
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                rows[i][j] /= (float) (sqrtDegrees[i] * sqrtDegrees[j]);
            }
        });
        return new RbfKernel(rows, sqrtDegrees);
    }
}
