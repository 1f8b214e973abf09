package org.imgcluster.cluster;

import java.util.Arrays;

import org.imgcluster.linalg.KnnGraph;

import smile.math.matrix.IMatrix;
import smile.math.matrix.SparseMatrix;

/**
 * A symmetric affinity A reduced to what the spectral embedding needs, as scipy's normalised {@code laplacian} does
 * it: the degrees w_i = Σ_{j≠i} A_ij (self-affinities do not count), and S = D^-½ (A − diag A) D^-½, whose largest
 * eigenvalues are 1 minus the smallest of the normalised Laplacian I − S. An isolated point gets degree 1, as there.
 *
 * @param normalized  S, an n×n symmetric matrix for the eigen-solver
 * @param sqrtDegrees √w_i (1 for an isolated point): the embedding divides the eigenvectors by it
 * @param componentOf the connected component of each point, numbered 0.. in the order of their lowest points
 * @param components  how many there are (1 unless the graph falls apart)
 */
record NormalizedAffinity(IMatrix normalized, double[] sqrtDegrees, int[] componentOf, int components) {

    /**
     * scikit-learn's {@code nearest_neighbors} affinity: ½(C + Cᵀ) for the connectivity C of a k-nearest-neighbour
     * graph with each point its own first neighbour, so 1 between mutual neighbours and ½ one way. Stored sparse:
     * at most 2·n·(k−1) entries.
     */
    static NormalizedAffinity of(KnnGraph graph) {
        int n = graph.n();
        int[] start = new int[n + 1];
        forEachEdge(graph, (i, j) -> {
            start[i + 1]++;
            start[j + 1]++;
        });
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] ends = new int[start[n]];
        forEachEdge(graph, (i, j) -> {
            ends[fill[i]++] = j;
            ends[fill[j]++] = i;
        });
        return fromHalfEdges(n, start, ends);
    }

    /** Each directed edge i → j (j ≠ i) of the graph. */
    private static void forEachEdge(KnnGraph graph, EdgeVisitor visitor) {
        for (int i = 0; i < graph.n(); i++) {
            for (int c = 0; c < graph.k(); c++) {
                int j = graph.neighbor(i, c);
                if (j != i) {
                    visitor.visit(i, j);
                }
            }
        }
    }

    @FunctionalInterface
    private interface EdgeVisitor {
        void visit(int i, int j);
    }

    /** Row i lists a neighbour once per half edge; each counts ½, so an edge both ways weighs 1. */
    private static NormalizedAffinity fromHalfEdges(int n, int[] start, int[] ends) {
        int[] columnStart = new int[n + 1];
        int[] rows = new int[ends.length];
        double[] weights = new double[ends.length];
        int out = 0;
        for (int i = 0; i < n; i++) {
            Arrays.sort(ends, start[i], start[i + 1]);
            columnStart[i] = out;
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (out > columnStart[i] && rows[out - 1] == ends[p]) {
                    weights[out - 1] += 0.5;
                } else {
                    rows[out] = ends[p];
                    weights[out++] = 0.5;
                }
            }
        }
        columnStart[n] = out;
        double[] sqrtDegrees = new double[n];
        for (int i = 0; i < n; i++) {
            double w = 0;
            for (int p = columnStart[i]; p < columnStart[i + 1]; p++) {
                w += weights[p];
            }
            sqrtDegrees[i] = w == 0 ? 1 : Math.sqrt(w);
        }
        for (int i = 0; i < n; i++) {
            for (int p = columnStart[i]; p < columnStart[i + 1]; p++) {
                weights[p] /= sqrtDegrees[i] * sqrtDegrees[rows[p]];
            }
        }
        // Symmetric, so the compressed rows are also the compressed columns Smile expects.
        SparseMatrix s = new SparseMatrix(n, n, Arrays.copyOf(weights, out), Arrays.copyOf(rows, out), columnStart);
        UnionFind groups = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            for (int p = columnStart[i]; p < columnStart[i + 1]; p++) {
                groups.union(i, rows[p]);
            }
        }
        return new NormalizedAffinity(s, sqrtDegrees, groups.labels(), groups.sets());
    }
}
