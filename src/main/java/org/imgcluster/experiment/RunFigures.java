package org.imgcluster.experiment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.imgcluster.data.ImageSet;
import org.imgcluster.features.Embedding;
import org.imgcluster.features.EmbeddingMethod;
import org.imgcluster.features.EpochRecord;
import org.imgcluster.features.EpochScores;
import org.imgcluster.features.FittedFeatures;
import org.imgcluster.features.PcaModel;
import org.imgcluster.features.RawModel;
import org.imgcluster.features.TrainedNetwork;
import org.imgcluster.features.TrainingSummary;
import org.imgcluster.linalg.NdArrays;
import org.imgcluster.metrics.ClusterAccuracy;
import org.imgcluster.metrics.Contingency;
import org.imgcluster.report.Charts;
import org.imgcluster.report.ImageGrid;
import org.imgcluster.report.IntensityScale;
import org.imgcluster.report.Scatter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The run's pictures: each written as a PNG into the run folder and listed, with its caption, for the report. */
final class RunFigures {
    /** A written figure, the section of the report it belongs to, and what it shows. */
    record Figure(String section, Path file, String caption) {
    }

    private static final int SAMPLES_PER_CLUSTER = 10;
    private static final int MAX_CLUSTER_ROWS = 20;
    private static final int EMBEDDING_CLUSTERINGS = 2;

    private final Path dir;
    private final ImageSet images;
    private final List<Figure> figures = new ArrayList<>();
    private int counter;

    RunFigures(Path dir, ImageSet images) {
        this.dir = dir;
        this.images = images;
    }

    List<Figure> figures() {
        return figures;
    }

    void features(String label, FittedFeatures fitted) throws IOException {
        if (fitted instanceof ChainedFeatures chain) {
            for (FittedFeatures part : chain.parts()) {
                features(label, part);
            }
            return;
        }
        if (fitted instanceof TrainedNetwork network) {
            trainingCurves(label, network.summary());
        }
        if (fitted instanceof PcaModel pca) {
            double[] cumulative = pca.spectrum().cumulativeRatios();
            double[] k = IntStream.rangeClosed(1, cumulative.length).asDoubleStream().toArray();
            Path file = file("pca_variance");
            Charts.savePng(Charts.lineChart("Cumulative explained variance, " + images.source(), "components",
                    "share of variance", k, List.of(new Charts.Series("cumulative ratio", cumulative))), file);
            figures.add(new Figure("Features", file, label + ": " + pca.nComponents() + " components kept, "
                    + String.format("%.1f", 100 * cumulative[pca.nComponents() - 1]) + " % of the variance"));
        }
    }

    /** Loss per epoch, training and validation, as Keras' history plots show it; validation accuracy beside. */
    private void trainingCurves(String label, TrainingSummary summary) throws IOException {
        List<EpochRecord> history = summary.history();
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        List<Charts.Series> losses = new ArrayList<>();
        losses.add(new Charts.Series("training loss", history.stream().mapToDouble(e -> e.scores().loss()).toArray()));
        double[] validation = history.stream().mapToDouble(e -> e.scores().validationLoss()).toArray();
        if (!Double.isNaN(validation[0])) {
            losses.add(new Charts.Series("validation loss", validation));
        }
        Path file = file("training_loss");
        Charts.savePng(Charts.lineChart("Training of " + label, "epoch", "loss", epochs, losses), file);
        EpochScores last = summary.last().scores();
        figures.add(new Figure("Features", file, String.format(Locale.ROOT,
                "%s: %d epochs on %d images, final loss %.4f%s, %.2f s an epoch.", label, history.size(),
                summary.samples(), last.loss(), Double.isNaN(last.validationLoss()) ? ""
                        : String.format(Locale.ROOT, ", validation loss %.4f on %d images", last.validationLoss(),
                        summary.validationSamples()), summary.trainingSeconds() / history.size())));
        double[] accuracy = history.stream().mapToDouble(e -> e.scores().validationAccuracy()).toArray();
        if (!Double.isNaN(accuracy[0])) {
            Path accuracyFile = file("validation_accuracy");
            Charts.savePng(Charts.lineChart("Validation accuracy of " + label, "epoch", "accuracy", epochs,
                    List.of(new Charts.Series("validation accuracy", accuracy))), accuracyFile);
            figures.add(new Figure("Features", accuracyFile, String.format(Locale.ROOT,
                    "%s: accuracy on the %d held-out images after each epoch; final %.2f %%.", label,
                    summary.validationSamples(), 100 * last.validationAccuracy())));
        }
    }

    void result(RunResult r, ExperimentRunner.Prepared data, FittedFeatures fitted) throws IOException {
        String title = r.key();
        if (r.contingency() != null) {
            Contingency c = r.contingency();
            List<String> classes = IntStream.of(c.labelIds()).mapToObj(this::className).toList();
            List<String> clusters = IntStream.of(c.clusterIds()).mapToObj(i -> "cluster " + i).toList();
            Path file = file("contingency");
            Charts.savePng(Charts.heatMap(title + ": share of each cluster per true class", "true class", "cluster",
                    classes, clusters, c.rowNormalised(), Charts.ColourScale.sequential(0, 1)), file);
            figures.add(new Figure(title, file, "Row-normalised cluster × class table on " + images.size()
                    + " images: each row shows where one cluster's images really belong."));
        }
        clusterSamples(r);
        if (r.contingency() != null) {
            misclassified(r);
        }
        if (fitted instanceof RawModel && r.contingency() != null) {
            centroids(r, data);
        }
    }

    /**
     * Images the clustering puts with another class, per true class: each cluster stands for the class the optimal
     * one-to-one (Hungarian) mapping gives it, as the ACC score counts it.
     */
    private void misclassified(RunResult r) throws IOException {
        int[] predicted = ClusterAccuracy.hungarian(r.contingency()).predict(r.labels());
        int[] truth = images.labels();
        ImageGrid grid = new ImageGrid(r.key() + ": misclassified images, by true class (first " + SAMPLES_PER_CLUSTER
                + ")", ImageGrid.legibleScale(images.height(), images.width()));
        int rows = 0;
        for (int c = 0; c < images.classNames().size(); c++) {
            int label = c;
            int[] wrong = IntStream.range(0, truth.length).filter(i -> truth[i] == label && predicted[i] != label)
                    .limit(SAMPLES_PER_CLUSTER).toArray();
            if (wrong.length > 0) {
                grid.addRow(className(label), IntStream.of(wrong).mapToObj(i -> ImageGrid.toImage(images, i)).toList(),
                        IntStream.of(wrong).mapToObj(i -> predicted[i] == ClusterAccuracy.UNMATCHED ? "unmatched"
                                : "as " + className(predicted[i])).toList());
                rows++;
            }
        }
        if (rows == 0) {
            return;
        }
        Path file = file("misclassified");
        grid.savePng(file);
        figures.add(new Figure(r.key(), file, "Images put with another class (each cluster mapped to a class one to "
                + "one, as ACC counts it): a row per true class, each image captioned with the class it went to, or "
                + "\"unmatched\" for a cluster left over when there are more clusters than classes."));
    }

    private void clusterSamples(RunResult r) throws IOException {
        ImageGrid grid = new ImageGrid(r.key() + ": first " + SAMPLES_PER_CLUSTER + " images of each cluster",
                ImageGrid.legibleScale(images.height(), images.width()));
        int[] labels = r.labels();
        for (int cluster = 0; cluster < Math.min(r.numClusters(), MAX_CLUSTER_ROWS); cluster++) {
            int c = cluster;
            List<BufferedImage> row = IntStream.range(0, labels.length).filter(i -> labels[i] == c)
                    .limit(SAMPLES_PER_CLUSTER).mapToObj(i -> ImageGrid.toImage(images, i)).toList();
            if (!row.isEmpty()) {
                grid.addRow("cluster " + c, row);
            }
        }
        Path file = file("cluster_samples");
        grid.savePng(file);
        figures.add(new Figure(r.key(), file, "Samples per cluster (file order)"
                + (r.numClusters() > MAX_CLUSTER_ROWS ? ", first " + MAX_CLUSTER_ROWS + " clusters" : "") + "."));
    }

    /** Cluster means drawn as images (k-means on raw pixels), captioned with each cluster's majority class. */
    private void centroids(RunResult r, ExperimentRunner.Prepared data) throws IOException {
        ClusterAccuracy majority = ClusterAccuracy.majority(r.contingency());
        int len = images.imageLength();
        int[] labels = r.labels();
        double[][] sums = new double[r.numClusters()][len];
        int[] counts = new int[r.numClusters()];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < len; j++) {
                sums[labels[i]][j] += images.value(i, j);
            }
        }
        int perRow = 10;
        ImageGrid grid = new ImageGrid(r.key() + ": cluster means, captioned with each cluster's majority class",
                ImageGrid.legibleScale(images.height(), images.width()));
        List<BufferedImage> row = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int c = 0; c < r.numClusters(); c++) {
            float[] mean = new float[len];
            for (int j = 0; j < len; j++) {
                mean[j] = counts[c] == 0 ? 0f : (float) (sums[c][j] / counts[c]);
            }
            row.add(ImageGrid.toImage(mean, images.height(), images.width(), images.channels(), IntensityScale.BYTE_RANGE));
            int label = majority.labelOf(c);
            captions.add(label < 0 ? "-" : className(label));
            if (row.size() == perRow || c == r.numClusters() - 1) {
                grid.addRow("", List.copyOf(row), List.copyOf(captions));
                row.clear();
                captions.clear();
            }
        }
        Path file = file("centroids");
        grid.savePng(file);
        figures.add(new Figure(r.key(), file, "The " + r.numClusters() + " cluster means as images; majority-label "
                + "accuracy " + String.format("%.3f", majority.accuracy()) + " on " + data.train().size() + " images."));
    }

    void sweep(RunResult.SweepCurve curve) throws IOException {
        double[] k = curve.points().stream().mapToDouble(KMeansSweep.Point::k).toArray();
        double[] inertia = curve.points().stream().mapToDouble(KMeansSweep.Point::inertia).toArray();
        Path elbow = file("elbow");
        Charts.savePng(Charts.lineChart("Elbow: k-means inertia by k, " + curve.features(), "k", "inertia", k,
                List.of(new Charts.Series("inertia", inertia))), elbow);
        figures.add(new Figure(curve.algorithm() + " on " + curve.features(), elbow, "Inertia for each k."));
        double[] silhouette = curve.points().stream().mapToDouble(KMeansSweep.Point::silhouette).toArray();
        if (!Double.isNaN(silhouette[0])) {
            Path file = file("silhouette");
            Charts.savePng(Charts.lineChart("Silhouette by k, " + curve.features(), "k", "mean silhouette", k,
                    List.of(new Charts.Series("silhouette", silhouette))), file);
            figures.add(new Figure(curve.algorithm() + " on " + curve.features(), file,
                    "Mean silhouette for each k (higher is better separated)."));
        }
    }

    /**
     * Bar labels: "features + algorithm" by their types alone ("pca + kmeans") where that names one result, the full key
     * (with parameters) where it does not, so the chart's labels stay short enough to read.
     */
    private static List<String> shortKeys(List<RunResult> results) {
        List<String> brief = results.stream().map(r -> type(r.features()) + " + " + type(r.algorithm())).toList();
        return IntStream.range(0, results.size())
                .mapToObj(i -> brief.stream().filter(brief.get(i)::equals).count() == 1 ? brief.get(i)
                        : results.get(i).key()).toList();
    }

    private static String type(String label) {
        int open = label.indexOf('(');
        return open < 0 ? label : label.substring(0, open);
    }

    /** One bar chart over all results: NMI and ACC with labels, silhouette without. */
    void comparison(List<RunResult> results) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        List<String> keys = shortKeys(results);
        List<String> scores = results.get(0).scores().containsKey("nmi") ? List.of("acc", "nmi", "ari") : List.of("silhouette");
        List<Charts.Series> series = scores.stream().map(s -> new Charts.Series(s,
                results.stream().mapToDouble(r -> r.scores().getOrDefault(s, Double.NaN)).toArray())).toList();
        Path file = file("comparison");
        Charts.savePng(Charts.barChart("Model comparison on " + images.source(), "features + algorithm", "score",
                keys, series), file);
        figures.add(0, new Figure("Comparison", file,
                "Every (features, algorithm) pair on the fitted split; their parameters are in the results table."));
    }

    private String className(int label) {
        return label < images.classNames().size() ? images.classNames().get(label) : Integer.toString(label);
    }

    /**
     * A 2-D or 3-D embedding of one feature set's rows, coloured by true class (when known) and by the clusters of the
     * first {@value #EMBEDDING_CLUSTERINGS} algorithms run on that feature set, as the notebooks draw them side by side.
     */
    void embedding(Steps.EmbeddingPlot plot, String featureLabel, String data, INDArray x, List<RunResult> results)
            throws IOException {
        long start = System.nanoTime();
        int n = (int) x.rows();
        int[] rows;
        float[] coordinates;
        String method;
        if (plot.method() instanceof EmbeddingMethod embedder) {
            Embedding e = embedder.fit(x, images.hasLabels() ? images.labels() : null);
            rows = e.rows();
            coordinates = NdArrays.values(e.coordinates());
            method = e.method();
        } else {
            rows = IntStream.range(0, n).toArray();
            coordinates = NdArrays.values(plot.method().fit(x).transform(x));
            method = "PCA";
        }
        List<Scatter.Colouring> colourings = new ArrayList<>();
        if (images.hasLabels()) {
            colourings.add(Scatter.Colouring.byLabel(pick(images.labels(), rows), images.classNames()));
        }
        results.stream().limit(EMBEDDING_CLUSTERINGS)
                .forEach(r -> colourings.add(Scatter.Colouring.byCluster(r.algorithm(), pick(r.labels(), rows))));
        if (colourings.isEmpty()) {
            return;
        }
        String title = method + " " + plot.dimensions() + "-D";
        Path file = file(method.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + plot.dimensions() + "d");
        Scatter.savePng(new Scatter.Caption(method, data + ", " + featureLabel, rows.length, n), coordinates,
                plot.dimensions(), colourings, file);
        figures.add(new Figure("Embeddings", file, String.format(Locale.ROOT,
                "%s of the %s features of %,d of %,d images%s; coloured by %s. Computed in %.1f s.", title, featureLabel,
                rows.length, n, rows.length < n ? " (a subsample: the method is quadratic in the points)" : "",
                images.hasLabels() ? "true class, then by clusters" : "clusters",
                (System.nanoTime() - start) / 1e9)));
    }

    private static int[] pick(int[] values, int[] rows) {
        return IntStream.of(rows).map(i -> values[i]).toArray();
    }

    private Path file(String stem) {
        return dir.resolve(String.format("%02d_%s.png", ++counter, stem));
    }
}
