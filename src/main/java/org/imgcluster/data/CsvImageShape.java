package org.imgcluster.data;

/**
 * The image shape a CSV row's pixel columns stand for: 784 → 28×28×1, 3,072 → 32×32×3 (CIFAR, stored as the
 * R plane, then G, then B), any other perfect square s² → s×s×1. The only shapes the CSV layout can hold.
 */
record CsvImageShape(int height, int width, int channels) {
    static final String ALLOWED = "784 (28x28), 3072 (32x32x3, planes R, G, B) or another square number";
    private static final CsvImageShape CIFAR = new CsvImageShape(32, 32, 3);

    /** The shape for that many pixel columns, or null when no image has that many values. */
    static CsvImageShape forPixelCount(int count) {
        if (count == CIFAR.pixelCount()) {
            return CIFAR;
        }
        int side = (int) Math.round(Math.sqrt(count));
        return count > 0 && side * side == count ? new CsvImageShape(side, side, 1) : null;
    }

    /** The shape of the set's images, or null when a CSV cannot hold them. */
    static CsvImageShape of(ImageSet set) {
        CsvImageShape shape = forPixelCount(set.imageLength());
        boolean same = shape != null && shape.height == set.height() && shape.width == set.width()
                && shape.channels == set.channels();
        return same ? shape : null;
    }

    int pixelCount() {
        return height * width * channels;
    }

    /** Where CSV pixel column j goes in a channels-last image. */
    int[] channelsLastIndex() {
        return PlanarLayout.channelsLastIndex(height, width, channels);
    }
}
