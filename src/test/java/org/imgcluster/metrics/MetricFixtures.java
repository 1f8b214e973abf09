package org.imgcluster.metrics;

import java.util.Arrays;
import java.util.stream.Stream;

import org.imgcluster.linalg.Distances;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fixtures of src/test/resources/metrics/sklearn_reference.py, rebuilt by the same formulas (integer arithmetic
 * and float32 operations, so both sides hold identical values), and the numbers that script printed with
 * scikit-learn 1.2.1 / numpy 1.24.2.
 */
final class MetricFixtures {
    private MetricFixtures() {
    }

    static final int[] PERMUTATION = {3, 7, 1, 9, 0, 5, 2, 8, 4, 6};
    static final int[] TRUTH = lcgIds(200, 10, 1);

    /** A labeling against {@link #TRUTH} and scikit-learn's scores for it. */
    record Scored(String name, int[] truth, int[] clusters, double acc, double majority, double mi, double nmi,
                  double ami, double ari) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scored> scored() {
        return Stream.of(
                new Scored("random_k10", TRUTH, lcgIds(200, 10, 2), 0.21, 0.225, 0.26446644645628004,
                        0.1166335059477081, 0.01329587812250717, 0.005008132929695298),
                new Scored("random_k7", TRUTH, lcgIds(200, 7, 3), 0.195, 0.215, 0.20374089408954782,
                        0.09679653649118498, 0.026367718345290732, 0.010129657880480127),
                new Scored("random_k15", TRUTH, lcgIds(200, 15, 4), 0.17, 0.23, 0.3189812131817108,
                        0.1288484963335537, -0.026841576050720045, -0.012058950338913986),
                new Scored("noisy_k8", TRUTH, noisy(TRUTH, 8, 5), 0.66, 0.66, 1.2706453830104194,
                        0.5882443123095423, 0.5506127089792675, 0.4709685482129599),
                new Scored("noisy_k12", TRUTH, noisy(TRUTH, 12, 7), 0.755, 0.765, 1.4875155109467455,
                        0.6403787476226761, 0.592154152865284, 0.5433421270924841),
                new Scored("perfect", TRUTH, TRUTH, 1.0, 1.0, 2.280736750297136, 1.0, 1.0, 1.0),
                new Scored("permuted", TRUTH, permuted(TRUTH), 1.0, 1.0, 2.2807367502971365, 1.0, 1.0, 1.0),
                new Scored("single_cluster", TRUTH, new int[200], 0.135, 0.135, 0.0, 0.0, 0.0, 0.0),
                new Scored("single_both", filled(200, 4), filled(200, 9), 1.0, 1.0, 0.0, 1.0, 1.0, 1.0));
    }

    /** n ids in 0..k-1 from the C-library LCG (the script's lcg_ids). */
    static int[] lcgIds(int n, int k, long seed) {
        int[] ids = new int[n];
        long s = seed;
        for (int i = 0; i < n; i++) {
            s = (1103515245L * s + 12345L) % (1L << 31);
            ids[i] = (int) ((s >> 16) % k);
        }
        return ids;
    }

    /** Mostly the permuted truth (ids shifted by 100); one point in three gets a random cluster of k. */
    static int[] noisy(int[] truth, int k, long seed) {
        int[] u = lcgIds(truth.length, 3, seed);
        int[] r = lcgIds(truth.length, k, seed + 1);
        int[] clusters = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            clusters[i] = (u[i] == 0 ? r[i] : PERMUTATION[truth[i]] % k) + 100;
        }
        return clusters;
    }

    static int[] permuted(int[] truth) {
        int[] clusters = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            clusters[i] = PERMUTATION[truth[i]] + 100;
        }
        return clusters;
    }

    static int[] filled(int n, int id) {
        int[] ids = new int[n];
        Arrays.fill(ids, id);
        return ids;
    }

    /** Cluster ids 0..k-1 from the LCG, except point 0 alone in cluster k+2 (the script's silhouette_fixture). */
    static int[] blobLabels(int n, int k, long seed) {
        int[] labels = lcgIds(n, k, seed);
        labels[0] = k + 2;
        return labels;
    }

    /** Integer-hash noise in [-0.5, 0.5) plus 1.5 on the dimensions j ≡ label (mod k), all in float32. */
    static INDArray blobs(int[] labels, int d, int k) {
        int n = labels.length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float noise = (float) ((i * 7919 + j * 104729 + i * j * 31) % 2003) / 2003f - 0.5f;
                x[i * d + j] = noise + (labels[i] % k == j % k ? 1.5f : 0f);
            }
        }
        return Distances.matrix(x, n, d);
    }
}
