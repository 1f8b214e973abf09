package org.imgcluster.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.imgcluster.cluster.AgglomerativeClustering;
import org.imgcluster.cluster.Clusterer;
import org.imgcluster.cluster.GaussianMixture;
import org.imgcluster.cluster.GaussianMixtureModel;
import org.imgcluster.cluster.KMeans;
import org.imgcluster.cluster.KMeansModel;
import org.imgcluster.cluster.MiniBatchKMeans;
import org.imgcluster.cluster.SpectralClustering;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.Require;
import org.imgcluster.features.Autoencoder;
import org.imgcluster.features.AutoencoderModel;
import org.imgcluster.features.EmbeddingMethod;
import org.imgcluster.features.Nmf;
import org.imgcluster.features.NmfSolverKind;
import org.imgcluster.features.Pca;
import org.imgcluster.features.PcaModel;
import org.imgcluster.features.PixelMatrix;
import org.imgcluster.features.Tsne;
import org.imgcluster.features.Umap;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.RandomRows;
import org.imgcluster.metrics.ClusterAccuracy;
import org.imgcluster.metrics.ExternalScores;
import org.imgcluster.metrics.Silhouette;
import org.imgcluster.semi.LabelSpreading;
import org.imgcluster.semi.PartialLabels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tasks of {@code ../shared/peers/sk_peer.py}, by the same names, on the same data (a labelled image set, scaled
 * to [0, 1]) and with the same parameters, so each of our lines can be joined with the peer's. Inputs a task shares
 * with others (k-means labels for the silhouettes, the PCA-50 projection) are computed once and not timed, as the
 * peer does.
 */
public final class Benchmark {
    /** One measured task: the median wall time of its repeats, its quality figures, and the peak memory seen. */
    public record Result(String task, double seconds, Map<String, String> values, long peakBytes, int repeats) {
        /** The peer's line format: task, seconds, then key=value fields; peak memory last. */
        public String tsv() {
            StringBuilder line = new StringBuilder(task).append('\t').append(String.format(Locale.ROOT, "%.3f", seconds));
            values.forEach((k, v) -> line.append('\t').append(k).append('=').append(v));
            return line.append('\t').append(String.format(Locale.ROOT, "peak_mb=%.0f", peakBytes / 1e6)).toString();
        }
    }

    private static final long SEED = 42;
    private static final int CLASSES = 10;
    private static final int SUBSET = 10_000;
    private static final int AE_EPOCHS = 3;
    private static final Map<String, String> TASKS = new LinkedHashMap<>();

    static {
        TASKS.put("kmeans10", "k-means, k=10, n_init=1, on raw pixels");
        TASKS.put("kmeans10x10", "k-means, k=10, n_init=10, on raw pixels");
        TASKS.put("minibatch50", "mini-batch k-means, k=50, n_init=3, on raw pixels; majority-label accuracy");
        TASKS.put("pca", "full PCA; components for 95 % of the variance");
        TASKS.put("pca50", "PCA to 50 components, fit and transform");
        TASKS.put("gmm10", "Gaussian mixture, 10 full-covariance components, k-means start, on the PCA-50 projection");
        TASKS.put("silhouette_raw", "exact silhouette of the kmeans10 labels on raw pixels");
        TASKS.put("silhouette_pca50", "exact silhouette of the kmeans10 labels on the PCA-50 projection");
        TASKS.put("nmf10", "NMF (accelerated cd), 10 components, max_iter 300, then k-means (k=10, n_init=10) on W");
        TASKS.put("ward10k", "agglomerative, ward, 10 clusters, on 10,000 random PCA-50 points");
        TASKS.put("spectral10k", "spectral, 10-NN affinity, 10 clusters, on 10,000 random PCA-50 points");
        TASKS.put("labelspread10", "label spreading (7-NN, alpha 0.2) from 10 % of the labels on the PCA-50 projection");
        TASKS.put("tsne10k", "exact t-SNE to 2-D of 10,000 stratified PCA-50 points (the peer: Barnes-Hut on 10,000 random)");
        TASKS.put("umap", "UMAP to 2-D, 15 neighbours, of all PCA-50 points");
        TASKS.put("ae_epoch_bs256", "one epoch of the dense32 autoencoder, batch 256 (mean of 3)");
        TASKS.put("ae_epoch_bs2056", "one epoch of the dense32 autoencoder, batch 2,056 (mean of 3)");
        TASKS.put("ward60k", "agglomerative, ward, 10 clusters, on all PCA-50 points (no peer line)");
    }

    private final INDArray x;
    private final int[] truth;
    private int[] kmeansLabels;
    private INDArray pca50;

    /** @param images a labelled image set (the peer uses Fashion-MNIST train) */
    public Benchmark(ImageSet images) {
        if (!images.hasLabels()) {
            throw new BadInputException("bench needs labelled images; " + images.source() + " has none");
        }
        this.x = PixelMatrix.of(images);
        this.truth = images.labels();
    }

    /** Task names and what each measures, in the order {@link #run} accepts them. */
    public static Map<String, String> tasks() {
        return TASKS;
    }

    /** Runs {@code task} {@code repeats} times; the time reported is the median. */
    public Result run(String task, int repeats) {
        Supplier<Map<String, String>> body = switch (task) {
            case "kmeans10" -> () -> kmeans(1);
            case "kmeans10x10" -> () -> kmeans(10);
            case "minibatch50" -> () -> {
                KMeansModel m = MiniBatchKMeans.of(50).withSeed(SEED).fit(x);
                return Map.of("majority_acc", fmt(ClusterAccuracy.majority(truth, m.labels()).accuracy()));
            };
            case "pca" -> () -> {
                PcaModel m = Pca.all().fit(x);
                return Map.of("n95", Integer.toString(Pca.ofVariance(0.95).nComponents().resolve(m.spectrum())));
            };
            case "pca50" -> () -> {
                INDArray z = Pca.of(50).fit(x).transform(x);
                return Map.of("shape", "(" + z.rows() + ", " + z.columns() + ")");
            };
            case "gmm10" -> gmm();
            case "silhouette_raw" -> silhouette(() -> x);
            case "silhouette_pca50" -> silhouette(this::pca50);
            case "nmf10" -> () -> {
                INDArray w = Nmf.of(CLASSES).withSolver(NmfSolverKind.ACCELERATED_CD).withMaxIter(300).withSeed(SEED)
                        .fitTransform(x).features();
                return scores(KMeans.of(CLASSES).withNInit(10).withSeed(SEED).fit(w).labels());
            };
            case "ward10k" -> onSubset(AgglomerativeClustering.of(CLASSES));
            case "spectral10k" -> onSubset(SpectralClustering.of(CLASSES).withSeed(SEED));
            case "ward60k" -> () -> scores(AgglomerativeClustering.of(CLASSES).fit(pca50()).labels());
            case "labelspread10" -> labelSpreading();
            case "tsne10k" -> embedding(Tsne.of(2).withSubsample(SUBSET).withSeed(SEED));
            case "umap" -> embedding(Umap.of(2).withSeed(SEED));
            case "ae_epoch_bs256" -> autoencoderEpochs(256);
            case "ae_epoch_bs2056" -> autoencoderEpochs(2056);
            default -> throw new BadInputException("unknown bench task '" + task + "'; known: "
                    + String.join(", ", TASKS.keySet()));
        };
        Require.atLeast("--repeat", repeats, 1);
        // The peer times three autoencoder epochs and reports their mean.
        int units = task.startsWith("ae_epoch") ? AE_EPOCHS : 1;
        double[] seconds = new double[repeats];
        Map<String, String> values = Map.of();
        long peak;
        try (MemoryProbe probe = MemoryProbe.start()) {
            for (int r = 0; r < repeats; r++) {
                // Each repeat starts from a collected heap, as JMH's runs do: off-heap arrays that earlier tasks left
                // to the collector otherwise get freed inside a later task's time (pca50 after minibatch50 and pca:
                // 3.1 s instead of 1.1 s).
                System.gc();
                long start = System.nanoTime();
                values = body.get();
                seconds[r] = (System.nanoTime() - start) / 1e9 / units;
            }
            peak = probe.peakBytes();
        }
        Arrays.sort(seconds);
        return new Result(task, seconds[repeats / 2], values, peak, repeats);
    }

    /** The peer's: a random 10 % of the labels given, accuracy on the rest. */
    private Supplier<Map<String, String>> labelSpreading() {
        INDArray z = pca50();
        PartialLabels labels = PartialLabels.keep(truth, truth.length / 10, SEED);
        return () -> Map.of("acc_unlabeled",
                fmt(labels.accuracyOnHidden(LabelSpreading.defaults().fit(z, labels.given()).labels())));
    }

    /** An embedding of the PCA-50 projection: only its time counts, as the peer reports nothing else. */
    private Supplier<Map<String, String>> embedding(EmbeddingMethod method) {
        INDArray z = pca50();
        return () -> Map.of("points", Integer.toString(method.fit(z, truth).rows().length));
    }

    private Supplier<Map<String, String>> autoencoderEpochs(int batchSize) {
        return () -> {
            AutoencoderModel m = Autoencoder.dense32().withEpochs(AE_EPOCHS).withBatchSize(batchSize).withSeed(SEED)
                    .fit(x);
            return Map.of("loss", fmt(m.summary().last().scores().loss()));
        };
    }

    private Map<String, String> kmeans(int nInit) {
        KMeansModel m = KMeans.of(CLASSES).withNInit(nInit).withSeed(SEED).fit(x);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("inertia", String.format(Locale.ROOT, "%.1f", m.inertia()));
        if (nInit == 1) {
            out.put("iter", Integer.toString(m.nIter()));
        }
        out.putAll(scores(m.labels()));
        return out;
    }

    private Supplier<Map<String, String>> gmm() {
        INDArray z = pca50();
        return () -> {
            GaussianMixtureModel m = GaussianMixture.of(CLASSES).withSeed(SEED).fit(z);
            Map<String, String> out = new LinkedHashMap<>();
            out.put("loglik", fmt(m.score(z)));
            out.putAll(scores(m.predict(z)));
            return out;
        };
    }

    private Supplier<Map<String, String>> silhouette(Supplier<INDArray> features) {
        INDArray z = features.get();
        int[] labels = kmeansLabels();
        return () -> Map.of("silhouette", fmt(Silhouette.score(z, labels)));
    }

    /** A clusterer on the peer's 10,000-point random subset of the PCA-50 projection, scored against its labels. */
    private Supplier<Map<String, String>> onSubset(Clusterer clusterer) {
        int[] rows = subset();
        INDArray z = DenseRows.of(pca50(), "pca50").select(rows).array();
        int[] subTruth = Arrays.stream(rows).map(i -> truth[i]).toArray();
        return () -> scores(subTruth, clusterer.fit(z).labels());
    }

    /** 10,000 distinct random rows, fixed by the seed (the peer draws its own with numpy's RandomState(42)). */
    private int[] subset() {
        return RandomRows.distinct(new SplittableRandom(SEED), truth.length, Math.min(SUBSET, truth.length));
    }

    private Map<String, String> scores(int[] labels) {
        return scores(truth, labels);
    }

    private static Map<String, String> scores(int[] truth, int[] labels) {
        ExternalScores s = ExternalScores.of(truth, labels);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("acc", fmt(s.acc()));
        out.put("nmi", fmt(s.nmi()));
        out.put("ari", fmt(s.ari()));
        return out;
    }

    private int[] kmeansLabels() {
        if (kmeansLabels == null) {
            kmeansLabels = KMeans.of(CLASSES).withSeed(SEED).fit(x).labels();
        }
        return kmeansLabels;
    }

    private INDArray pca50() {
        if (pca50 == null) {
            pca50 = Pca.of(50).fit(x).transform(x);
        }
        return pca50;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
