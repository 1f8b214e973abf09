package org.imgcluster.features;

import java.util.Optional;
import java.util.SplittableRandom;

import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.RowChunks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * umap-learn 0.5.3's spectral initialisation of a fuzzy graph: the eigenvectors of the normalised Laplacian
 * I − D^−½ W D^−½ for its 2nd to (dim+1)-th smallest eigenvalues (here the largest of D^−½ W D^−½, the same vectors),
 * found by Lanczos with umap-learn's tolerance 1e-4 and basis size max(2k+1, √n). A graph in several pieces is laid
 * out as umap-learn's {@code multi_component_layout} does: each piece spectrally (or uniformly at random when it has
 * too few points or Lanczos fails) within half the distance to the nearest other piece's anchor, the anchors being
 * ±unit vectors for at most 2·dim pieces, else the PCA of the pieces' centroids in the data (umap-learn embeds the
 * centroids spectrally; both only place the pieces apart, roughly where their data lie).
 */
final class SpectralLayout {
    private static final Logger LOG = LoggerFactory.getLogger(SpectralLayout.class);
    private static final double TOLERANCE = 1e-4;
    /** umap-learn's range for a random layout when the spectral one fails on a connected graph. */
    private static final double RANDOM_RANGE = 10;

    private SpectralLayout() {
    }

    /** n×dim coordinates, row-major, before umap-learn's expansion to ±10, noise and rescaling to [0, 10]. */
    static double[] of(FuzzyGraph graph, DenseRows data, int dim, SplittableRandom random) {
        FuzzyGraph.Components components = graph.components();
        if (components.count() == 1) {
            return eigenvectors(graph, dim)
                    .orElseGet(() -> uniform(graph.n(), dim, RANDOM_RANGE, new double[dim], random));
        }
        LOG.info("UMAP: the graph has {} connected components, laid out apart", components.count());
        double[][] anchors = anchors(components, data, dim);
        int[][] members = components.members();
        double[] out = new double[graph.n() * dim];
        for (int c = 0; c < members.length; c++) {
            double range = halfDistanceToNearest(anchors, c);
            double[] anchor = anchors[c];
            int m = members[c].length;
            Optional<double[]> spectral = m < 2 * dim || m <= dim + 1 ? Optional.empty()
                    : eigenvectors(graph.subgraph(members[c]), dim);
            double[] local = spectral.map(v -> scaled(v, range, anchor))
                    .orElseGet(() -> uniform(m, dim, range, anchor, random));
            for (int i = 0; i < m; i++) {
                System.arraycopy(local, i * dim, out, members[c][i] * dim, dim);
            }
        }
        return out;
    }

    /** Eigenvectors 2..dim+1 of the connected graph's normalised adjacency, as n×dim rows; empty if Lanczos fails. */
    private static Optional<double[]> eigenvectors(FuzzyGraph graph, int dim) {
        int n = graph.n();
        double[] invSqrtDegree = new double[n];
        for (int i = 0; i < n; i++) {
            double degree = 0;
            for (int p = graph.start()[i]; p < graph.start()[i + 1]; p++) {
                degree += graph.weight()[p];
            }
            invSqrtDegree[i] = 1 / Math.sqrt(degree);
        }
        double[] normalised = new double[graph.edges()];
        for (int i = 0; i < n; i++) {
            for (int p = graph.start()[i]; p < graph.start()[i + 1]; p++) {
                normalised[p] = invSqrtDegree[i] * graph.weight()[p] * invSqrtDegree[graph.column()[p]];
            }
        }
        LanczosEigen.Operator product = (x, y) -> RowChunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int p = graph.start()[i]; p < graph.start()[i + 1]; p++) {
                    s += normalised[p] * x[graph.column()[p]];
                }
                y[i] = s;
            }
        });
        int count = dim + 1;
        int basis = Math.min(n, Math.max(2 * count + 1, (int) Math.sqrt(n)));
        return LanczosEigen.largest(product, n, count, basis, TOLERANCE, 5 * n).map(eigen -> {
            double[] rows = new double[n * dim];
            for (int j = 0; j < dim; j++) {
                for (int i = 0; i < n; i++) {
                    rows[i * dim + j] = eigen.vectors()[j + 1][i];
                }
            }
            return rows;
        });
    }

    /**
     * Where each component goes: umap-learn's ±unit vectors (e_0, e_1, .., then −e_0, −e_1, ..) for at most 2·dim
     * components, else the centroids' PCA scores divided by their largest absolute value.
     */
    private static double[][] anchors(FuzzyGraph.Components components, DenseRows data, int dim) {
        int count = components.count();
        double[][] anchors = new double[count][dim];
        if (count <= 2 * dim) {
            int half = (count + 1) / 2;
            for (int c = 0; c < count; c++) {
                anchors[c][c % half] = c < half ? 1 : -1;
            }
            return anchors;
        }
        int d = data.d();
        float[] centroids = new float[count * d];
        int[] size = new int[count];
        for (int i = 0; i < data.n(); i++) {
            int c = components.label()[i];
            size[c]++;
            for (int j = 0; j < d; j++) {
                centroids[c * d + j] += data.values()[i * d + j];
            }
        }
        for (int t = 0; t < centroids.length; t++) {
            centroids[t] /= size[t / d];
        }
        int kept = Math.min(dim, d);
        float[] scores = NdArrays.values(Pca.of(kept).fit(NdArrays.matrix(centroids, count, d))
                .transform(NdArrays.matrix(centroids, count, d)));
        double largest = 0;
        for (float s : scores) {
            largest = Math.max(largest, Math.abs(s));
        }
        for (int c = 0; c < count; c++) {
            for (int j = 0; j < kept; j++) {
                anchors[c][j] = largest > 0 ? scores[c * kept + j] / largest : 0;
            }
        }
        return anchors;
    }

    /** Half the distance from anchor c to the nearest other one that is not at the same place (1 if all are). */
    private static double halfDistanceToNearest(double[][] anchors, int c) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int o = 0; o < anchors.length; o++) {
            double sq = 0;
            for (int j = 0; j < anchors[c].length; j++) {
                sq += (anchors[c][j] - anchors[o][j]) * (anchors[c][j] - anchors[o][j]);
            }
            if (sq > 0) {
                nearest = Math.min(nearest, Math.sqrt(sq));
            }
        }
        return Double.isInfinite(nearest) ? 1 : nearest / 2;
    }

    /** Eigenvector rows scaled so the largest absolute coordinate is {@code range}, moved to {@code anchor}. */
    private static double[] scaled(double[] rows, double range, double[] anchor) {
        double largest = 0;
        for (double v : rows) {
            largest = Math.max(largest, Math.abs(v));
        }
        double[] out = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            out[t] = rows[t] * range / largest + anchor[t % anchor.length];
        }
        return out;
    }

    /** n points uniform in the cube of half-side {@code range} around {@code anchor}. */
    private static double[] uniform(int n, int dim, double range, double[] anchor, SplittableRandom random) {
        double[] out = new double[n * dim];
        for (int t = 0; t < out.length; t++) {
            out[t] = anchor[t % dim] + random.nextDouble(-range, range);
        }
        return out;
    }
}
