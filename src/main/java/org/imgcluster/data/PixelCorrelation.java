package org.imgcluster.data;

/**
 * Pearson correlation between the first {@code values} values of the first {@code images} images, from
 * exact integer sums of products (one pass, O(images·values²)); NaN for a value that is constant there.
 */
final class PixelCorrelation {
    private PixelCorrelation() {
    }

    static double[][] of(ImageSet set, int images, int values) {
        long[] sums = new long[values];
        long[][] products = new long[values][values];
        for (int i = 0; i < images; i++) {
            byte[] image = set.image(i);
            for (int a = 0; a < values; a++) {
                int x = image[a] & 0xFF;
                sums[a] += x;
                for (int b = a; b < values; b++) {
                    products[a][b] += x * (image[b] & 0xFF);
                }
            }
        }
        double[][] r = new double[values][values];
        for (int a = 0; a < values; a++) {
            for (int b = a; b < values; b++) {
                r[a][b] = ExactSums.correlation(images, sums[a], sums[b], products[a][a], products[b][b], products[a][b]);
                r[b][a] = r[a][b];
            }
        }
        return r;
    }
}
