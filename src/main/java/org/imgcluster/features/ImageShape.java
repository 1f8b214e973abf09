package org.imgcluster.features;

import org.imgcluster.data.BadInputException;
import org.imgcluster.data.ImageSet;

/** The shape of one image, channels-last as {@link ImageSet} stores it: height × width × channels. */
public record ImageShape(int height, int width, int channels) {
    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new BadInputException("image shape " + height + "×" + width + "×" + channels + " must be positive");
        }
    }

    public static ImageShape of(ImageSet images) {
        return new ImageShape(images.height(), images.width(), images.channels());
    }

    /** Values per image: the row length of {@link PixelMatrix}. */
    public int length() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "×" + width + "×" + channels;
    }
}
