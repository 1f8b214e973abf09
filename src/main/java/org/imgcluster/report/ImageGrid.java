package org.imgcluster.report;

import org.imgcluster.data.AtomicFiles;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntUnaryOperator;

import javax.imageio.ImageIO;

import org.imgcluster.data.ImageSet;

/**
 * Small images laid out in rows under a title, with optional captions above each column, left of each row
 * and under each image, upscaled by nearest neighbour so pixels stay sharp. All images must have one size;
 * rows may be shorter than others.
 */
public final class ImageGrid {
    static {
        ReportStyle.useHeadlessRendering();
    }

    /** Upscale small images until their longer side reaches about this many screen pixels. */
    static final int LEGIBLE_SIDE = 84;
    private static final int MARGIN = 12;
    private static final int GAP = 6;

    private final String title;
    private final int scale;
    private final List<Row> rows = new ArrayList<>();
    private List<String> columnCaptions = List.of();

    private record Row(String caption, List<BufferedImage> images, List<String> cellCaptions) {
    }

    /** Geometry shared by drawing and {@link #cellBounds}: derived from the images and the fonts. */
    private record Layout(int width, int height, int cellWidth, int cellHeight, int rowPitch, int left, int top,
                          int titleBaseline, int columnCaptionBaseline) {
    }

    public ImageGrid(String title, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        this.title = title;
        this.scale = scale;
    }

    /** The nearest-neighbour factor that makes an image of this size legible (×3 for 28×28 and 32×32). */
    public static int legibleScale(int height, int width) {
        return Math.max(1, (int) Math.ceil((double) LEGIBLE_SIDE / Math.max(height, width)));
    }

    /** Captions drawn above the columns, e.g. the cluster or sample number. */
    public ImageGrid columnCaptions(List<String> captions) {
        columnCaptions = List.copyOf(captions);
        return this;
    }

    /** Adds a row of images with a caption drawn to its left ("" for none). */
    public ImageGrid addRow(String caption, List<BufferedImage> images) {
        return addRow(caption, images, Collections.nCopies(images.size(), ""));
    }

    /** Adds a row of images with a caption to its left and one caption under each image. */
    public ImageGrid addRow(String caption, List<BufferedImage> images, List<String> cellCaptions) {
        if (cellCaptions.size() != images.size()) {
            throw new IllegalArgumentException(cellCaptions.size() + " captions for " + images.size() + " images");
        }
        List<BufferedImage> all = new ArrayList<>(images);
        rows.forEach(row -> all.addAll(row.images()));
        for (BufferedImage image : all) {
            if (image.getWidth() != all.get(0).getWidth() || image.getHeight() != all.get(0).getHeight()) {
                throw new IllegalArgumentException("all images of a grid need one size: " + image.getWidth() + "x"
                        + image.getHeight() + " vs " + all.get(0).getWidth() + "x" + all.get(0).getHeight());
            }
        }
        rows.add(new Row(caption, List.copyOf(images), List.copyOf(cellCaptions)));
        return this;
    }

    /** Image {@code index} of the set: grey for one channel, RGB for three. */
    public static BufferedImage toImage(ImageSet set, int index) {
        byte[] image = set.image(index);
        return fromLevels(set.height(), set.width(), set.channels(), j -> image[j] & 0xFF);
    }

    /** A float image (H·W·C, channels-last) drawn by the given scale: grey for one channel, RGB for three. */
    public static BufferedImage toImage(float[] values, int height, int width, int channels, IntensityScale scale) {
        if (values.length != height * width * channels) {
            throw new IllegalArgumentException(values.length + " values for a " + height + "x" + width + "x" + channels + " image");
        }
        return fromLevels(height, width, channels, j -> scale.level(values[j]));
    }

    /** Where image (row, column) lands in {@link #render()}'s output, upscaled. */
    public Rectangle cellBounds(int row, int column) {
        return cellBounds(layout(), row, column);
    }

    public BufferedImage render() {
        Layout layout = layout();
        BufferedImage out = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReportStyle.canvas(out);
        try {
            g.setColor(ReportStyle.TEXT);
            g.setFont(ReportStyle.TITLE_FONT);
            g.drawString(title, (layout.width() - g.getFontMetrics().stringWidth(title)) / 2, layout.titleBaseline());
            g.setFont(ReportStyle.LABEL_FONT);
            FontMetrics label = g.getFontMetrics();
            for (int c = 0; c < columnCaptions.size(); c++) {
                Rectangle cell = cellBounds(layout, 0, c);
                drawCentred(g, fitted(columnCaptions.get(c), cell.width + GAP, label), cell, layout.columnCaptionBaseline());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                Rectangle first = cellBounds(layout, r, 0);
                g.drawString(row.caption(), MARGIN, first.y + (first.height + label.getAscent() - label.getDescent()) / 2);
                for (int c = 0; c < row.images().size(); c++) {
                    Rectangle cell = cellBounds(layout, r, c);
                    g.drawImage(row.images().get(c), cell.x, cell.y, cell.width, cell.height, null);
                    drawCentred(g, fitted(row.cellCaptions().get(c), cell.width + GAP, label), cell,
                            cell.y + cell.height + label.getAscent());
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    public void savePng(Path file) throws IOException {
        BufferedImage image = render();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private static Rectangle cellBounds(Layout layout, int row, int column) {
        return new Rectangle(layout.left() + column * (layout.cellWidth() + GAP), layout.top() + row * layout.rowPitch(),
                layout.cellWidth(), layout.cellHeight());
    }

    private Layout layout() {
        BufferedImage any = rows.stream().flatMap(row -> row.images().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("image grid '" + title + "' has no images"));
        Graphics2D g = ReportStyle.canvas(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        try {
            FontMetrics titleMetrics = g.getFontMetrics(ReportStyle.TITLE_FONT);
            FontMetrics label = g.getFontMetrics(ReportStyle.LABEL_FONT);
            int cellWidth = any.getWidth() * scale;
            int cellHeight = any.getHeight() * scale;
            boolean cellCaptions = rows.stream().flatMap(row -> row.cellCaptions().stream()).anyMatch(s -> !s.isEmpty());
            int rowPitch = cellHeight + GAP + (cellCaptions ? label.getHeight() : 0);
            int captionWidth = rows.stream().mapToInt(row -> label.stringWidth(row.caption())).max().orElse(0);
            int left = MARGIN + (captionWidth > 0 ? captionWidth + GAP : 0);
            int titleBaseline = MARGIN + titleMetrics.getAscent();
            int columnCaptionBaseline = titleBaseline + titleMetrics.getDescent() + GAP + label.getAscent();
            int top = columnCaptions.isEmpty() ? titleBaseline + titleMetrics.getDescent() + GAP
                    : columnCaptionBaseline + label.getDescent() + GAP / 2;
            int columns = Math.max(columnCaptions.size(), rows.stream().mapToInt(row -> row.images().size()).max().orElse(0));
            int width = Math.max(left + columns * (cellWidth + GAP) - GAP + MARGIN, titleMetrics.stringWidth(title) + 2 * MARGIN);
            int height = top + rows.size() * rowPitch - GAP + MARGIN;
            return new Layout(width, height, cellWidth, cellHeight, rowPitch, left, top, titleBaseline, columnCaptionBaseline);
        } finally {
            g.dispose();
        }
    }

    private static void drawCentred(Graphics2D g, String text, Rectangle cell, int baseline) {
        g.drawString(text, cell.x + (cell.width - g.getFontMetrics().stringWidth(text)) / 2, baseline);
    }

    /** The caption, shortened with an ellipsis when it is wider than the space it has. */
    private static String fitted(String caption, int available, FontMetrics metrics) {
        if (metrics.stringWidth(caption) <= available) {
            return caption;
        }
        String shortened = caption;
        while (!shortened.isEmpty() && metrics.stringWidth(shortened + "…") > available) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }

    /**
     * Always TYPE_INT_RGB, grey as R = G = B: Java's TYPE_BYTE_GRAY is a linear colour space, and drawing it
     * onto an sRGB canvas would brighten mid-greys.
     */
    private static BufferedImage fromLevels(int height, int width, int channels, IntUnaryOperator levelAt) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("can draw 1 (grey) or 3 (RGB) channels, not " + channels);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int j = (r * width + c) * channels;
                int red = levelAt.applyAsInt(j);
                int rgb = channels == 1 ? red << 16 | red << 8 | red
                        : red << 16 | levelAt.applyAsInt(j + 1) << 8 | levelAt.applyAsInt(j + 2);
                image.setRGB(c, r, rgb);
            }
        }
        return image;
    }
}
