package org.imgcluster.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact integer sums behind {@link ImageStats}, gathered in one pass over the images: a histogram per
 * channel, per-position sums and sums of squares per class (one group for an unlabeled set), and the
 * channel cross products for colour images.
 */
final class PixelSums {
    final long[][] histogram;
    final List<Group> groups;
    /** Σ x_a·x_b over all pixels for channels a ≤ b; null for a single channel. */
    private final long[][] channelProducts;
    private final long pixelCount;
    private final int imageLength;

    /** Sums over the images of one class, per position (H·W·C). */
    static final class Group {
        private long count;
        private final long[] sums;
        private final long[] squares;

        Group(int length) {
            sums = new long[length];
            squares = new long[length];
        }

        float[] meanImage() {
            float[] mean = new float[sums.length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = (float) ((double) sums[j] / count);
            }
            return mean;
        }

        float[] stdImage() {
            float[] std = new float[sums.length];
            for (int j = 0; j < std.length; j++) {
                std[j] = (float) ExactSums.std(count, sums[j], squares[j]);
            }
            return std;
        }

        private void add(Group other) {
            count += other.count;
            for (int j = 0; j < sums.length; j++) {
                sums[j] += other.sums[j];
                squares[j] += other.squares[j];
            }
        }
    }

    private PixelSums(ImageSet set) {
        int channels = set.channels();
        histogram = new long[channels][ImageStats.LEVELS];
        int[] counts = set.classCounts();
        int numGroups = counts == null ? 1 : counts.length;
        groups = new ArrayList<>(numGroups);
        for (int g = 0; g < numGroups; g++) {
            groups.add(new Group(set.imageLength()));
        }
        channelProducts = channels > 1 ? new long[channels][channels] : null;
        pixelCount = (long) set.size() * set.height() * set.width();
        imageLength = set.imageLength();
    }

    static PixelSums of(ImageSet set) {
        PixelSums sums = new PixelSums(set);
        for (int i = 0; i < set.size(); i++) {
            byte[] image = set.image(i);
            sums.addToGroup(image, sums.groups.get(set.hasLabels() ? set.label(i) : 0));
            if (sums.channelProducts != null) {
                sums.addChannelProducts(image);
            }
        }
        return sums;
    }

    /** All groups merged: the sums over the whole set. */
    Group total() {
        Group total = new Group(imageLength);
        groups.forEach(total::add);
        return total;
    }

    double[][] channelCorrelation() {
        int channels = histogram.length;
        long[] channelSums = new long[channels];
        for (int c = 0; c < channels; c++) {
            for (int v = 0; v < ImageStats.LEVELS; v++) {
                channelSums[c] += histogram[c][v] * v;
            }
        }
        double[][] r = new double[channels][channels];
        for (int a = 0; a < channels; a++) {
            for (int b = a; b < channels; b++) {
                r[a][b] = ExactSums.correlation(pixelCount, channelSums[a], channelSums[b],
                        channelProducts[a][a], channelProducts[b][b], channelProducts[a][b]);
                r[b][a] = r[a][b];
            }
        }
        return r;
    }

    private void addToGroup(byte[] image, Group group) {
        int channels = histogram.length;
        group.count++;
        for (int j = 0; j < image.length; j += channels) {
            for (int c = 0; c < channels; c++) {
                int v = image[j + c] & 0xFF;
                histogram[c][v]++;
                group.sums[j + c] += v;
                group.squares[j + c] += v * v;
            }
        }
    }

    private void addChannelProducts(byte[] image) {
        int channels = channelProducts.length;
        for (int j = 0; j < image.length; j += channels) {
            for (int a = 0; a < channels; a++) {
                int x = image[j + a] & 0xFF;
                for (int b = a; b < channels; b++) {
                    channelProducts[a][b] += x * (image[j + b] & 0xFF);
                }
            }
        }
    }
}
