package org.imgcluster.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics the seed notebooks print and plot before clustering: shape, value range, mean and standard
 * deviation (over all values and per channel), class counts, per-class mean and standard-deviation images,
 * the intensity histogram, the correlation between colour channels and between the first pixels.
 * <p>
 * Pixel values are bytes, so everything is accumulated as exact integer sums (see {@link ExactSums}):
 * standard deviations are population ones (numpy's ddof=0) and correlations are numpy's Pearson
 * {@code corrcoef}, NaN where a value is constant. Images (means, stds) are on the 0..255 scale. One pass
 * over the set, plus one over the first 1,000 images for the pixel correlation; immutable.
 */
public final class ImageStats {
    public static final String DTYPE = "uint8";
    public static final int LEVELS = 256;
    /** The notebooks correlate the first 100 values of the flattened (channels-last) images ... */
    public static final int CORRELATION_VALUES = 100;
    /** ... over the first 1,000 images. */
    public static final int CORRELATION_IMAGES = 1000;

    private final int size;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;
    private final int[] classCounts;
    private final long[][] histogram;
    private final float[] meanImage;
    private final float[] stdImage;
    private final float[][] classMeanImages;
    private final float[][] classStdImages;
    private final double[][] channelCorrelation;
    private final double[][] pixelCorrelation;
    private final int pixelCorrelationImages;

    private ImageStats(ImageSet set, PixelSums sums) {
        size = set.size();
        height = set.height();
        width = set.width();
        channels = set.channels();
        classCounts = set.classCounts();
        classNames = classCounts == null ? List.of() : namesFor(set, classCounts.length);
        histogram = sums.histogram;
        PixelSums.Group all = sums.total();
        meanImage = all.meanImage();
        stdImage = all.stdImage();
        classMeanImages = classCounts == null ? null : sums.groups.stream().map(PixelSums.Group::meanImage).toArray(float[][]::new);
        classStdImages = classCounts == null ? null : sums.groups.stream().map(PixelSums.Group::stdImage).toArray(float[][]::new);
        channelCorrelation = channels > 1 ? sums.channelCorrelation() : null;
        pixelCorrelationImages = Math.min(CORRELATION_IMAGES, size);
        pixelCorrelation = PixelCorrelation.of(set, pixelCorrelationImages, Math.min(CORRELATION_VALUES, set.imageLength()));
    }

    public static ImageStats of(ImageSet set) {
        return new ImageStats(set, PixelSums.of(set));
    }

    public int size() {
        return size;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int channels() {
        return channels;
    }

    public String dtype() {
        return DTYPE;
    }

    /** Smallest value over all images and channels; -1 for an empty set. */
    public int min() {
        long[] counts = combinedHistogram();
        for (int v = 0; v < LEVELS; v++) {
            if (counts[v] > 0) {
                return v;
            }
        }
        return -1;
    }

    /** Largest value over all images and channels; -1 for an empty set. */
    public int max() {
        long[] counts = combinedHistogram();
        for (int v = LEVELS - 1; v >= 0; v--) {
            if (counts[v] > 0) {
                return v;
            }
        }
        return -1;
    }

    /** Mean over all values (every image, pixel and channel), on the 0..255 scale. */
    public double mean() {
        return histogramMean(combinedHistogram());
    }

    /** Population standard deviation over all values, on the 0..255 scale. */
    public double std() {
        return histogramStd(combinedHistogram());
    }

    public double[] channelMeans() {
        return Arrays.stream(histogram).mapToDouble(ImageStats::histogramMean).toArray();
    }

    public double[] channelStds() {
        return Arrays.stream(histogram).mapToDouble(ImageStats::histogramStd).toArray();
    }

    /** Images per class (index = label), or null when the set is unlabeled. */
    public int[] classCounts() {
        return classCounts == null ? null : classCounts.clone();
    }

    /** One name per entry of {@link #classCounts()}: the set's class names, or the label number where it has none. */
    public List<String> classNames() {
        return classNames;
    }

    public boolean hasLabels() {
        return classCounts != null;
    }

    /** Counts of each value 0..255, indexed [channel][value]. */
    public long[][] histogram() {
        return deepCopy(histogram);
    }

    /** Mean image over the whole set, H·W·C floats channels-last on the 0..255 scale. */
    public float[] meanImage() {
        return meanImage.clone();
    }

    /** Per-position population standard deviation over the whole set, like {@link #meanImage()}. */
    public float[] stdImage() {
        return stdImage.clone();
    }

    /** Mean image of each class ([label][H·W·C]); all NaN for a class without images; null when unlabeled. */
    public float[][] classMeanImages() {
        return deepCopy(classMeanImages);
    }

    /** Standard-deviation image of each class, like {@link #classMeanImages()}. */
    public float[][] classStdImages() {
        return deepCopy(classStdImages);
    }

    /** C×C Pearson correlation between channels over all pixels of all images; null for single-channel sets. */
    public double[][] channelCorrelation() {
        return deepCopy(channelCorrelation);
    }

    /**
     * Pearson correlation between the first {@link #CORRELATION_VALUES} values of the flattened images
     * (channels-last, as numpy's {@code X.reshape(n, -1)[:, :100]}) over the first
     * {@link #pixelCorrelationImages()} images; NaN in the rows and columns of values that are constant there.
     */
    public double[][] pixelCorrelation() {
        return deepCopy(pixelCorrelation);
    }

    public int pixelCorrelationImages() {
        return pixelCorrelationImages;
    }

    private long[] combinedHistogram() {
        long[] counts = new long[LEVELS];
        for (long[] channel : histogram) {
            for (int v = 0; v < LEVELS; v++) {
                counts[v] += channel[v];
            }
        }
        return counts;
    }

    private static double histogramMean(long[] counts) {
        long n = 0;
        long sum = 0;
        for (int v = 0; v < LEVELS; v++) {
            n += counts[v];
            sum += counts[v] * v;
        }
        return (double) sum / n;
    }

    private static double histogramStd(long[] counts) {
        long n = 0;
        long sum = 0;
        long sumSquares = 0;
        for (int v = 0; v < LEVELS; v++) {
            n += counts[v];
            sum += counts[v] * v;
            sumSquares += counts[v] * v * v;
        }
        return ExactSums.std(n, sum, sumSquares);
    }

    private static List<String> namesFor(ImageSet set, int numLabels) {
        List<String> names = new ArrayList<>(set.classNames());
        for (int label = names.size(); label < numLabels; label++) {
            names.add(Integer.toString(label));
        }
        return List.copyOf(names);
    }

    private static long[][] deepCopy(long[][] a) {
        return Arrays.stream(a).map(long[]::clone).toArray(long[][]::new);
    }

    private static float[][] deepCopy(float[][] a) {
        return a == null ? null : Arrays.stream(a).map(float[]::clone).toArray(float[][]::new);
    }

    private static double[][] deepCopy(double[][] a) {
        return a == null ? null : Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
