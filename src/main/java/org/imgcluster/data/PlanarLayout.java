package org.imgcluster.data;

/**
 * CIFAR files store a colour image plane after plane (all R, then all G, then all B, each row-major);
 * {@link ImageSet} keeps channels last. One index table converts both ways.
 */
final class PlanarLayout {
    private PlanarLayout() {
    }

    /** {@code index[j]} is where value j of a plane-after-plane image goes in the channels-last image. */
    static int[] channelsLastIndex(int height, int width, int channels) {
        int plane = height * width;
        int[] index = new int[plane * channels];
        for (int ch = 0; ch < channels; ch++) {
            for (int p = 0; p < plane; p++) {
                index[ch * plane + p] = p * channels + ch;
            }
        }
        return index;
    }

    /** Copies one plane-after-plane image from {@code src} into {@code dst} in channels-last order. */
    static void copyToChannelsLast(byte[] src, int srcOffset, byte[] dst, int dstOffset, int[] index) {
        for (int j = 0; j < index.length; j++) {
            dst[dstOffset + index[j]] = src[srcOffset + j];
        }
    }
}
