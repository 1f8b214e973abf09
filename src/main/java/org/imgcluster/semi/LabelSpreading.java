package org.imgcluster.semi;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.EnumNames;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.KnnGraph;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.linalg.QuadraticMemory;
import org.imgcluster.linalg.RbfKernel;
import org.imgcluster.linalg.RowChunks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * scikit-learn's {@code LabelSpreading} (Zhou et al. 2004): the labels a few points carry spread to the rest over a
 * graph. With {@code kernel knn} (sparse, any n) the graph is sklearn's: each point's k nearest points, itself first,
 * as 0/1 weights A; the spreading matrix is S = D^−½·A·D^−½ with the point itself left out and D the in-degrees (how
 * many other points list a point), as {@code scipy.sparse.csgraph.laplacian(A, normed=True)} builds it. With
 * {@code kernel rbf} S is the normalised dense kernel exp(−γ‖x_i − x_j‖²) ({@link RbfKernel}; n² floats, so a size
 * that would not fit is refused). From the one-hot labels Y (zero rows for unlabelled points), F ← α·S·F + (1 − α)·Y
 * until Σ|ΔF| &lt; tol or max_iter steps; each point then takes the class of its largest entry of F.
 *
 * @param kernel     {@code knn} (sklearn's default is rbf; on images the kNN graph is what works) or {@code rbf}
 * @param nNeighbors k of the graph (sklearn's default 7)
 * @param gamma      the rbf kernel's γ (sklearn's default 20)
 * @param alpha      the share of a step that comes from the neighbours, in (0, 1) (default 0.2)
 * @param maxIter    the most steps (default 30)
 * @param tol        the convergence threshold on Σ|ΔF| (default 10⁻³)
 */
public record LabelSpreading(Kernel kernel, int nNeighbors, double gamma, double alpha, int maxIter, double tol) {
    private static final Logger LOG = LoggerFactory.getLogger(LabelSpreading.class);
    /** The label of a point whose class is not given, as scikit-learn writes it. */
    public static final int UNLABELED = -1;

    /** The graph the labels spread over. */
    public enum Kernel {
        KNN, RBF;

        /** "knn" or "rbf", as configs write it. */
        public String lowerName() {
            return EnumNames.of(this);
        }

        /** Reads "knn" or "rbf" (any case). */
        public static Kernel parse(String text) {
            return EnumNames.parse(Kernel.class, "kernel", text);
        }
    }

    public LabelSpreading {
        if (kernel == null) {
            throw new BadInputException("kernel must be knn or rbf");
        }
        Require.positive("gamma", gamma);
        Require.atLeast("n_neighbors", nNeighbors, 1);
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("alpha = " + alpha + " must lie strictly between 0 and 1");
        }
        Require.atLeast("max_iter", maxIter, 1);
        Require.nonNegative("tol", tol);
    }

    /** The kNN kernel with scikit-learn's other defaults: 7 neighbours, gamma 20, alpha 0.2, 30 steps, tol 10⁻³. */
    public static LabelSpreading defaults() {
        return new LabelSpreading(Kernel.KNN, 7, 20, 0.2, 30, 1e-3);
    }

    public LabelSpreading withNNeighbors(int k) {
        return new LabelSpreading(kernel, k, gamma, alpha, maxIter, tol);
    }

    public LabelSpreading withAlpha(double a) {
        return new LabelSpreading(kernel, nNeighbors, gamma, a, maxIter, tol);
    }

    /** The rbf kernel exp(−γ‖x_i − x_j‖²) in place of the kNN graph. */
    public LabelSpreading withRbf(double g) {
        return new LabelSpreading(Kernel.RBF, nNeighbors, g, alpha, maxIter, tol);
    }

    public String name() {
        return kernel == Kernel.KNN
                ? String.format(Locale.ROOT, "label_spreading(n_neighbors=%d, alpha=%s)", nNeighbors, alpha)
                : String.format(Locale.ROOT, "label_spreading(kernel=rbf, gamma=%s, alpha=%s)", gamma, alpha);
    }

    /**
     * Spreads {@code labels} (a class id ≥ 0 per row of x, or {@link #UNLABELED}) over the rows of x; at least one row
     * must be labelled.
     */
    public LabelSpreadingModel fit(INDArray x, int[] labels) {
        long start = System.nanoTime();
        DenseRows rows = DenseRows.of(x, "features");
        int n = rows.n();
        if (labels.length != n) {
            throw new BadInputException(labels.length + " labels for " + n + " points");
        }
        int[] classes = Arrays.stream(labels).filter(l -> l != UNLABELED).distinct().sorted().toArray();
        if (classes.length == 0) {
            throw new BadInputException("label spreading needs at least one labelled point; all " + n + " are "
                    + UNLABELED);
        }
        if (classes[0] < 0) {
            throw new BadInputException("label " + classes[0] + " is neither a class id ≥ 0 nor " + UNLABELED
                    + " (unlabelled)");
        }
        int c = classes.length;
        Step step = kernel == Kernel.KNN ? knnStep(rows, c) : rbfStep(rows, c);
        // F starts at the one-hot labels Y; each step adds (1 − α)·Y.
        double[] f = new double[n * c];
        double[] seeds = new double[n * c];
        for (int i = 0; i < n; i++) {
            if (labels[i] != UNLABELED) {
                int at = i * c + Arrays.binarySearch(classes, labels[i]);
                f[at] = 1;
                seeds[at] = 1 - alpha;
            }
        }
        double[] previous = new double[n * c];
        int iterations = 0;
        while (iterations < maxIter && change(f, previous) >= tol) {
            double[] next = previous;
            step.next(f, seeds, next);
            previous = f;
            f = next;
            iterations++;
        }
        LOG.info("label spreading: {} of {} points labelled, {} classes, {} steps, {} s",
                Arrays.stream(labels).filter(l -> l != UNLABELED).count(), n, c, iterations,
                String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9));
        return LabelSpreadingModel.of(f, classes, iterations);
    }

    /**
     * The weight of each edge i → graph.neighbor(i, j): 1/√(wᵢ·w_j) with w the in-degree not counting the point
     * itself (1 where it is 0, as scipy does for isolated points); 0 for the point itself.
     */
    private static float[] spreadingWeights(KnnGraph graph) {
        int n = graph.n();
        int k = graph.k();
        int[] neighbours = graph.indices();
        int[] inDegree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int m = neighbours[i * k + j];
                inDegree[m] += m == i ? 0 : 1;
            }
        }
        double[] scale = Arrays.stream(inDegree).mapToDouble(w -> w == 0 ? 1 : Math.sqrt(w)).toArray();
        float[] weights = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int m = neighbours[i * k + j];
                weights[i * k + j] = m == i ? 0 : (float) (1 / (scale[i] * scale[m]));
            }
        }
        return weights;
    }

    /** One spreading step: next = α·S·f + seeds (n×c, row-major). */
    @FunctionalInterface
    private interface Step {
        void next(double[] f, double[] seeds, double[] next);
    }

    /** The kNN graph's step, row by row in parallel over the sparse weights. */
    private Step knnStep(DenseRows rows, int c) {
        if (nNeighbors > rows.n()) {
            throw new BadInputException("n_neighbors = " + nNeighbors + " is outside 1.." + rows.n()
                    + " (the number of points)");
        }
        KnnGraph graph = KnnGraph.of(rows, nNeighbors, true);
        float[] weights = spreadingWeights(graph);
        int k = graph.k();
        int[] neighbours = graph.indices();
        return (f, seeds, next) -> RowChunks.forEach(graph.n(), (from, to) -> {
            for (int i = from; i < to; i++) {
                int out = i * c;
                for (int t = 0; t < c; t++) {
                    next[out + t] = seeds[out + t];
                }
                for (int j = 0; j < k; j++) {
                    double w = alpha * weights[i * k + j];
                    int in = neighbours[i * k + j] * c;
                    for (int t = 0; t < c; t++) {
                        next[out + t] += w * f[in + t];
                    }
                }
            }
        });
    }

    /** The dense rbf kernel's step: one float GEMM of S with F a step. */
    private Step rbfStep(DenseRows rows, int c) {
        int n = rows.n();
        RbfKernel.requireFits("label spreading with kernel rbf", n, QuadraticMemory.availableHeap(),
                "use kernel knn (sparse)");
        float[][] kernelRows = RbfKernel.normalized(rows, gamma).rows();
        INDArray s = Nd4j.createUninitialized(DataType.FLOAT, n, n);
        FloatBuffer sValues = s.data().asNioFloat();
        for (int i = 0; i < n; i++) {
            sValues.put(i * n, kernelRows[i]);
        }
        INDArray fMatrix = Nd4j.createUninitialized(DataType.FLOAT, n, c);
        INDArray product = Nd4j.createUninitialized(DataType.FLOAT, n, c);
        float[] fValues = new float[n * c];
        float[] productValues = new float[n * c];
        return (f, seeds, next) -> {
            for (int q = 0; q < fValues.length; q++) {
                fValues[q] = (float) f[q];
            }
            NdArrays.fill(fMatrix, fValues);
            Nd4j.gemm(s, fMatrix, product, false, false, alpha, 0.0);
            NdArrays.read(product, productValues);
            for (int q = 0; q < next.length; q++) {
                next[q] = seeds[q] + productValues[q];
            }
        };
    }

    private static double change(double[] a, double[] b) {
        double sum = 0;
        for (int q = 0; q < a.length; q++) {
            sum += Math.abs(a[q] - b[q]);
        }
        return sum;
    }
}
