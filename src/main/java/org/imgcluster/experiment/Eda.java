package org.imgcluster.experiment;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.ImageSet;
import org.imgcluster.data.ImageStats;
import org.imgcluster.report.Charts;
import org.imgcluster.report.ImageGrid;
import org.imgcluster.report.IntensityScale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exploratory data analysis as the seed notebooks do it before clustering: the statistics of one split and
 * the figures that show them (samples per class, class balance against the other split, intensity
 * histogram, per-class mean and standard-deviation images, channel and pixel correlations), gathered in one
 * self-contained eda.html. Every file is written atomically and the page last, so a failure never leaves a
 * half-written page.
 */
public final class Eda {
    public static final String SAMPLES = "samples_per_class.png";
    public static final String CLASS_DISTRIBUTION = "class_distribution.png";
    public static final String PIXEL_HISTOGRAM = "pixel_histogram.png";
    public static final String CLASS_MEANS = "class_mean_images.png";
    public static final String CLASS_STDS = "class_std_images.png";
    public static final String CHANNEL_CORRELATION = "channel_correlation.png";
    public static final String PIXEL_CORRELATION = "pixel_correlation.png";
    public static final String HTML = "eda.html";

    /** Images per class in the sample grid (and columns of the unlabeled sample grid). */
    static final int SAMPLES_PER_ROW = 10;
    /** Rows of the sample grid of an unlabeled set. */
    static final int UNLABELED_SAMPLE_ROWS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(Eda.class);
    private static final List<String> RGB = List.of("R", "G", "B");
    private static final Color[] RGB_COLOURS = {new Color(0xD6, 0x27, 0x28), new Color(0x2C, 0xA0, 0x2C), new Color(0x1F, 0x77, 0xB4)};

    /** A written figure and the sentence the page shows under it. */
    record Figure(Path file, String caption) {
    }

    private Eda() {
    }

    /**
     * Analyses {@code primary} and writes the figures and eda.html into {@code outDir}.
     *
     * @param datasetName name used in titles, e.g. "mnist"
     * @param primary     the split analysed (train or test)
     * @param other       the other split, or null; used only for the train-vs-test class distribution
     */
    public static EdaResult run(String datasetName, ImageSet primary, ImageSet other, Path outDir) throws IOException {
        if (primary.size() == 0) {
            throw new BadInputException("nothing to analyse: " + primary.source() + " has no images");
        }
        long start = System.nanoTime();
        ImageStats stats = ImageStats.of(primary);
        String split = Splits.name(primary);
        String data = datasetName + " " + split;
        List<Figure> figures = new ArrayList<>();
        figures.add(sampleGrid(primary, stats, data, outDir));
        if (stats.hasLabels()) {
            figures.add(classDistribution(primary, other, stats, datasetName, outDir));
        }
        figures.add(pixelHistogram(stats, data, outDir));
        figures.add(classImages(stats, data, "mean", stats.hasLabels() ? stats.classMeanImages() : new float[][] {stats.meanImage()},
                IntensityScale.BYTE_RANGE, outDir.resolve(CLASS_MEANS)));
        float[][] stds = stats.hasLabels() ? stats.classStdImages() : new float[][] {stats.stdImage()};
        figures.add(classImages(stats, data, "standard deviation", stds, IntensityScale.zeroToMax(stds), outDir.resolve(CLASS_STDS)));
        if (stats.channels() == 3) {
            figures.add(channelCorrelation(stats, data, outDir));
        }
        figures.add(pixelCorrelation(stats, data, outDir));

        Path html = outDir.resolve(HTML);
        EdaResult result = new EdaResult(datasetName, split, primary.source(), stats,
                figures.stream().map(Figure::file).toList(), html, Duration.ofNanos(System.nanoTime() - start));
        EdaPage.of(result, primary, other, figures).write(html);
        LOG.info("wrote {} figures and {} to {} in {} s", figures.size(), HTML, outDir,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return result;
    }

    private static Figure sampleGrid(ImageSet set, ImageStats stats, String data, Path outDir) throws IOException {
        int scale = ImageGrid.legibleScale(set.height(), set.width());
        ImageGrid grid;
        String caption;
        if (stats.hasLabels()) {
            grid = new ImageGrid(String.format(Locale.ROOT, "%s: first %d images of each class (×%d)", data, SAMPLES_PER_ROW, scale), scale);
            for (int k = 0; k < stats.classNames().size(); k++) {
                int label = k;
                int[] first = IntStream.range(0, set.size()).filter(i -> set.label(i) == label).limit(SAMPLES_PER_ROW).toArray();
                grid.addRow(stats.classNames().get(k), images(set, first));
            }
            caption = "The first " + SAMPLES_PER_ROW + " images of each class in file order, one row per class.";
        } else {
            int count = Math.min(set.size(), SAMPLES_PER_ROW * UNLABELED_SAMPLE_ROWS);
            grid = new ImageGrid(String.format(Locale.ROOT, "%s: first %d images (unlabeled, ×%d)", data, count, scale), scale);
            for (int from = 0; from < count; from += SAMPLES_PER_ROW) {
                grid.addRow("", images(set, IntStream.range(from, Math.min(count, from + SAMPLES_PER_ROW)).toArray()));
            }
            caption = "The first " + count + " images in file order (the set has no labels).";
        }
        Path file = outDir.resolve(SAMPLES);
        grid.savePng(file);
        return new Figure(file, caption);
    }

    private static Figure classDistribution(ImageSet primary, ImageSet other, ImageStats stats, String datasetName,
                                            Path outDir) throws IOException {
        List<Charts.Series> series = new ArrayList<>();
        String primaryName = Splits.name(primary);
        series.add(new Charts.Series(seriesName(primaryName, primary), sharesOf(primary, stats.classNames().size())));
        String title = datasetName + " " + primaryName + ": share of images per class";
        if (Splits.comparable(other)) {
            String otherName = Splits.otherName(primary, other);
            series.add(new Charts.Series(seriesName(otherName, other), sharesOf(other, stats.classNames().size())));
            title = datasetName + ": share of images per class, " + primaryName + " vs " + otherName;
        }
        Path file = outDir.resolve(CLASS_DISTRIBUTION);
        Charts.savePng(Charts.barChart(title, "class", "share of the split's images (%)", stats.classNames(), series), file);
        return new Figure(file, "Class balance as a percentage of each split, so splits of different sizes compare; "
                + "counts are in the table above.");
    }

    private static Figure pixelHistogram(ImageStats stats, String data, Path outDir) throws IOException {
        long[][] histogram = stats.histogram();
        List<Charts.Series> series = new ArrayList<>();
        for (int c = 0; c < histogram.length; c++) {
            double[] counts = Arrays.stream(histogram[c]).asDoubleStream().toArray();
            series.add(stats.channels() == 3 ? new Charts.Series(RGB.get(c), counts, RGB_COLOURS[c])
                    : new Charts.Series(histogram.length == 1 ? "all values" : "channel " + c, counts));
        }
        String title = String.format(Locale.ROOT, "%s: pixel intensity histogram over %,d images%s (log scale)",
                data, stats.size(), stats.channels() == 3 ? ", per channel" : "");
        Path file = outDir.resolve(PIXEL_HISTOGRAM);
        Charts.savePng(Charts.histogram(title, "pixel value (0..255)", "number of values", series, true), file);
        return new Figure(file, "How often each value 0..255 occurs, on a logarithmic axis; values that never occur leave a gap.");
    }

    private static Figure classImages(ImageStats stats, String data, String what, float[][] images, IntensityScale scale,
                                      Path file) throws IOException {
        int pixelScale = ImageGrid.legibleScale(stats.height(), stats.width());
        String title = stats.hasLabels()
                ? String.format(Locale.ROOT, "%s: per-class %s images (%s)", data, what, scale.describe())
                : String.format(Locale.ROOT, "%s: %s image of all images (%s)", data, what, scale.describe());
        ImageGrid grid = new ImageGrid(title, pixelScale);
        List<String> names = stats.hasLabels() ? stats.classNames() : List.of("all images");
        for (int from = 0; from < images.length; from += SAMPLES_PER_ROW) {
            int to = Math.min(images.length, from + SAMPLES_PER_ROW);
            List<BufferedImage> row = new ArrayList<>();
            for (int k = from; k < to; k++) {
                row.add(ImageGrid.toImage(images[k], stats.height(), stats.width(), stats.channels(), scale));
            }
            grid.addRow("", row, names.subList(from, to));
        }
        grid.savePng(file);
        return new Figure(file, "The pixel-wise " + what + (stats.hasLabels() ? " of each class" : " over all images")
                + ", drawn with " + scale.describe() + ".");
    }

    private static Figure channelCorrelation(ImageStats stats, String data, Path outDir) throws IOException {
        Path file = outDir.resolve(CHANNEL_CORRELATION);
        Charts.savePng(Charts.heatMap(String.format(Locale.ROOT, "%s: correlation of R, G and B over %,d pixels",
                data, (long) stats.size() * stats.height() * stats.width()), "channel", "channel", RGB, RGB,
                stats.channelCorrelation(), Charts.ColourScale.correlation()), file);
        return new Figure(file, "Correlation between the R, G and B values of the same pixel, over every pixel of every image.");
    }

    private static Figure pixelCorrelation(ImageStats stats, String data, Path outDir) throws IOException {
        double[][] r = stats.pixelCorrelation();
        List<String> labels = IntStream.range(0, r.length).mapToObj(Integer::toString).toList();
        String axis = stats.channels() == 1 ? "pixel index (row-major)" : "value index (row-major, channels-last)";
        Path file = outDir.resolve(PIXEL_CORRELATION);
        Charts.savePng(Charts.heatMap(String.format(Locale.ROOT, "%s: correlation of pixels 0–%d in %,d images (grey: constant)",
                data, r.length - 1, stats.pixelCorrelationImages()), axis, axis, labels, labels, r, Charts.ColourScale.correlation()), file);
        return new Figure(file, String.format(Locale.ROOT, "Pearson correlation between the first %d values of the flattened images "
                + "over the first %,d images. Grey cells belong to values that are constant over those images "
                + "(e.g. MNIST's all-zero border), where the correlation is undefined (NaN in numpy).", r.length, stats.pixelCorrelationImages()));
    }

    private static List<BufferedImage> images(ImageSet set, int[] indices) {
        return IntStream.of(indices).mapToObj(i -> ImageGrid.toImage(set, i)).toList();
    }

    private static String seriesName(String split, ImageSet set) {
        return String.format(Locale.ROOT, "%s (%,d images)", split, set.size());
    }

    private static double[] sharesOf(ImageSet set, int numClasses) {
        int[] counts = Splits.classCounts(set, numClasses);
        return IntStream.range(0, numClasses).mapToDouble(k -> 100.0 * counts[k] / set.size()).toArray();
    }
}
