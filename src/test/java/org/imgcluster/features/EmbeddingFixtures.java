package org.imgcluster.features;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.imgcluster.cluster.KMeans;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.metrics.RandIndex;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Seeded data with a known shape for the embedding tests, and the checks they share. */
final class EmbeddingFixtures {
    private EmbeddingFixtures() {
    }

    /** Points with a known group per point. */
    record Labelled(INDArray points, int[] truth) {
    }

    /** Points with a known position along a curve. */
    record Rolled(INDArray points, double[] angle) {
    }

    /**
     * {@code perBlob} points around each of 3 centres in d dimensions, N(0, 1) noise, centres 20 apart (so no
     * point's neighbourhood reaches another blob); the groups interleaved 0, 1, 2, 0, 1, 2, ...
     */
    static Labelled threeBlobs(int perBlob, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 * perBlob;
        float[] values = new float[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3;
            for (int j = 0; j < d; j++) {
                double centre = j == truth[i] ? 20 / Math.sqrt(2) : 0;
                values[i * d + j] = (float) (centre + gaussian(random));
            }
        }
        return new Labelled(NdArrays.matrix(values, n, d), truth);
    }

    /**
     * scikit-learn's {@code make_swiss_roll} without noise: angle t uniform in [1.5π, 4.5π], points
     * (t·cos t, 21·u, t·sin t).
     */
    static Rolled swissRoll(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[n * 3];
        double[] angle = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
            angle[i] = t;
            values[i * 3] = (float) (t * Math.cos(t));
            values[i * 3 + 1] = (float) (21 * random.nextDouble());
            values[i * 3 + 2] = (float) (t * Math.sin(t));
        }
        return new Rolled(NdArrays.matrix(values, n, 3), angle);
    }

    /** The adjusted Rand index of k-means (k clusters, 10 restarts) on the embedding against the truth. */
    static double kMeansAri(Embedding embedding, int[] truth, int k) {
        int[] clusters = KMeans.of(k).withNInit(10).fit(embedding.coordinates()).labels();
        return RandIndex.ari(embedding.select(truth), clusters);
    }

    /** Spearman's rank correlation. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double mean = (a.length - 1) / 2.0;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - mean) * (rb[i] - mean);
            saa += (ra[i] - mean) * (ra[i] - mean);
            sbb += (rb[i] - mean) * (rb[i] - mean);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Column j of a row-major float matrix. */
    static double[] column(INDArray m, int j) {
        float[] v = NdArrays.values(m);
        int k = (int) m.columns();
        double[] out = new double[(int) m.rows()];
        Arrays.setAll(out, i -> v[i * k + j]);
        return out;
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
