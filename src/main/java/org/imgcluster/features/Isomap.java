package org.imgcluster.features;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.Require;
import org.imgcluster.linalg.DenseRows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import smile.manifold.IsoMap;

/**
 * Isomap by Smile 3.1.1's {@code IsoMap}, as scikit-learn's {@code Isomap(n_neighbors=5, n_components=2)}: a
 * k-nearest-neighbour graph, geodesic (shortest-path) distances over it, then classical MDS of those. Smile embeds only
 * the largest connected part of the graph; the embedding's rows() say which points that was. Each axis is signed so
 * that its largest absolute coordinate is positive (scikit-learn's {@code svd_flip} rule), because the eigenvectors
 * Smile's ARPACK returns have an arbitrary sign.
 * <p>
 * Memory: two n×n double matrices (the geodesic distances and their double-centred copy), 1.6 GB at n = 10,000, so at
 * most {@code subsample} rows are embedded (stratified by label when labels are given) and a size that will not fit
 * is refused. Time: Smile's neighbour search is brute force (n² distances, one thread) and its all-pairs Dijkstra runs
 * one source at a time: 52 s for 10,000 MNIST digits (PCA-50). As Smile's ARPACK starts from a random vector, two fits
 * agree only to its tolerance.
 */
public record Isomap(int nNeighbors, int nComponents, int subsample, long seed) implements EmbeddingMethod {
    public static final int DEFAULT_SUBSAMPLE = 10_000;
    static final String METHOD = "Isomap";

    private static final Logger LOG = LoggerFactory.getLogger(Isomap.class);

    public Isomap {
        Require.atLeast("n_neighbors", nNeighbors, 1);
        Require.atLeast("n_components", nComponents, 1);
        Require.atLeast("subsample", subsample, 2);
    }

    /** scikit-learn's defaults (5 neighbours), at most 10,000 rows, seed 0. */
    public static Isomap of(int nComponents) {
        return new Isomap(5, nComponents, DEFAULT_SUBSAMPLE, 0);
    }

    public Isomap withNNeighbors(int k) {
        return new Isomap(k, nComponents, subsample, seed);
    }

    public Isomap withSubsample(int n) {
        return new Isomap(nNeighbors, nComponents, n, seed);
    }

    public Isomap withSeed(long s) {
        return new Isomap(nNeighbors, nComponents, subsample, s);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "isomap(n_neighbors=%d, n_components=%d, subsample=%d, seed=%d)",
                nNeighbors, nComponents, subsample, seed);
    }

    @Override
    public Embedding fit(INDArray data, int[] labels) {
        DenseRows all = DenseRows.of(data, "training data");
        int[] sample = SubsampleRows.choose(all.n(), labels, subsample, seed);
        int n = sample.length;
        if (nNeighbors >= n || nComponents >= n) {
            throw new BadInputException(String.format(Locale.ROOT, "Isomap of %d points needs n_neighbors (%d) and "
                    + "n_components (%d) below the number of points", n, nNeighbors, nComponents));
        }
        QuadraticHeap.require("Isomap (geodesic distances and their double-centred copy)", 2 * Double.BYTES, n,
                QuadraticHeap.available());
        LOG.info("Isomap of {} of {} training rows, {} neighbours", n, all.n(), nNeighbors);
        long start = System.nanoTime();
        IsoMap isomap = IsoMap.of(asDoubles(all, sample), nNeighbors, nComponents, false);
        int kept = isomap.index.length;
        if (kept < n) {
            LOG.warn("Isomap: the {}-neighbour graph of {} points falls apart; Smile embeds only its largest connected "
                    + "part, {} points (more neighbours would keep more)", nNeighbors, n, kept);
        }
        // Smile lists the kept points in search order; the embedding keeps training order.
        Integer[] order = IntStream.range(0, kept).boxed().sorted(Comparator.comparingInt(i -> isomap.index[i]))
                .toArray(Integer[]::new);
        int[] rows = new int[kept];
        float[] coordinates = new float[kept * nComponents];
        for (int r = 0; r < kept; r++) {
            rows[r] = sample[isomap.index[order[r]]];
            for (int j = 0; j < nComponents; j++) {
                coordinates[r * nComponents + j] = (float) isomap.coordinates[order[r]][j];
            }
        }
        signLargestPositive(coordinates, nComponents);
        LOG.info("Isomap of {} points done in {}", kept, Elapsed.since(start));
        return Embedding.of(name(), METHOD, all, rows, coordinates, nComponents, Map.of());
    }

    private static double[][] asDoubles(DenseRows x, int[] rows) {
        float[] v = x.values();
        int d = x.d();
        double[][] out = new double[rows.length][d];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < d; j++) {
                out[r][j] = v[rows[r] * d + j];
            }
        }
        return out;
    }

    /** Flips each column whose largest absolute value (the first, on ties) is negative. */
    private static void signLargestPositive(float[] coordinates, int k) {
        float[] extreme = new float[k];
        for (int i = 0; i < coordinates.length; i++) {
            if (Math.abs(coordinates[i]) > Math.abs(extreme[i % k])) {
                extreme[i % k] = coordinates[i];
            }
        }
        for (int i = 0; i < coordinates.length; i++) {
            if (extreme[i % k] < 0) {
                coordinates[i] = -coordinates[i];
            }
        }
    }
}
