package org.imgcluster.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.imgcluster.data.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scatter plots of a 2-D or 3-D embedding (t-SNE, UMAP, Isomap, PCA): one block per colouring (by cluster, by true
 * label), each with a legend of its groups on its right, under one title naming the method, the data and how many of
 * its points are shown. A 3-D embedding is drawn as its three 2-D projections (x–y, x–z, y–z), since XChart has no
 * 3-D plot; 2-D blocks sit side by side, 3-D blocks one under the other. The size depends only on the dimensions and
 * the number of colourings ({@link Layout}). Points are translucent so that dense regions read as dense.
 */
public final class Scatter {
    static {
        ReportStyle.useHeadlessRendering();
    }

    /** A legend lists at most this many groups; more (50 mini-batch clusters, say) are only counted. */
    static final int MAX_LEGEND_ENTRIES = 25;
    static final int PANEL_2D = 560;
    static final int PANEL_3D = 400;
    static final int LEGEND_WIDTH = 180;
    static final int MARGIN = 12;
    static final int GAP = 16;
    static final int TITLE_BAND = 36;
    static final int HEADER_BAND = 24;

    private static final int[][] PROJECTIONS_3D = {{0, 1}, {0, 2}, {1, 2}};
    /** Matplotlib's tab10 then the light halves of tab20: distinct, and familiar from the notebooks' plots. */
    private static final int[] CATEGORY_COLOURS = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
        0xAEC7E8, 0xFFBB78, 0x98DF8A, 0xFF9896, 0xC5B0D5, 0xC49C94, 0xF7B6D2, 0xC7C7C7, 0xDBDB8D, 0x9EDAE5,
    };
    private static final int SWATCH = 10;
    /** Legend rows are this tall, or less when many groups must fit beside a 3-D block. */
    private static final int LEGEND_PITCH = 20;

    private Scatter() {
    }

    /**
     * What the points are, for the title: e.g. method {@code UMAP}, data {@code MNIST train}, and {@code shown} of the
     * data's {@code total} points (fewer when the method embedded a subsample).
     */
    public record Caption(String method, String data, int shown, int total) {
        public Caption {
            Objects.requireNonNull(method);
            Objects.requireNonNull(data);
            if (shown < 1 || shown > total) {
                throw new IllegalArgumentException("cannot show " + shown + " of " + total + " points");
            }
        }

        /** e.g. "t-SNE of MNIST train: subsample of 10,000 of 60,000 points". */
        public String title() {
            return shown < total
                    ? String.format(Locale.ROOT, "%s of %s: subsample of %,d of %,d points", method, data, shown, total)
                    : String.format(Locale.ROOT, "%s of %s: all %,d points", method, data, total);
        }
    }

    /** One way to colour the points: a group per point, 0..names.size()-1, and the groups' names for the legend. */
    public record Colouring(String title, int[] groups, List<String> names) {
        public Colouring {
            names = List.copyOf(names);
            for (int g : groups) {
                if (g < 0 || g >= names.size()) {
                    throw new IllegalArgumentException("group " + g + " is outside 0.." + (names.size() - 1));
                }
            }
            groups = groups.clone();
        }

        /** Coloured by the clusters an algorithm found (numbered from 0). */
        public static Colouring byCluster(String algorithm, int[] clusters) {
            int count = Arrays.stream(clusters).max().orElse(-1) + 1;
            return new Colouring("coloured by " + algorithm + " cluster", clusters,
                    IntStream.range(0, count).mapToObj(c -> "cluster " + c).toList());
        }

        /** Coloured by the true class. */
        public static Colouring byLabel(int[] labels, List<String> classNames) {
            return new Colouring("coloured by true label", labels, classNames);
        }

        @Override
        public int[] groups() {
            return groups.clone();
        }
    }

    /** Where everything goes, from the dimensions (2 or 3) and the number of colourings alone. */
    record Layout(int dimensions, int blocks) {
        int projections() {
            return dimensions == 2 ? 1 : PROJECTIONS_3D.length;
        }

        int panel() {
            return dimensions == 2 ? PANEL_2D : PANEL_3D;
        }

        int blockWidth() {
            return projections() * panel() + LEGEND_WIDTH;
        }

        int blockHeight() {
            return HEADER_BAND + panel();
        }

        int width() {
            return 2 * MARGIN + (dimensions == 2 ? blocks * blockWidth() + (blocks - 1) * GAP : blockWidth());
        }

        int height() {
            return 2 * MARGIN + TITLE_BAND + (dimensions == 2 ? blockHeight() : blocks * blockHeight() + (blocks - 1) * GAP);
        }

        /** The top-left corner of block b's header. */
        Rectangle block(int b) {
            int x = MARGIN + (dimensions == 2 ? b * (blockWidth() + GAP) : 0);
            int y = MARGIN + TITLE_BAND + (dimensions == 2 ? 0 : b * (blockHeight() + GAP));
            return new Rectangle(x, y, blockWidth(), blockHeight());
        }

        Rectangle panel(int b, int projection) {
            Rectangle block = block(b);
            return new Rectangle(block.x + projection * panel(), block.y + HEADER_BAND, panel(), panel());
        }

        Rectangle legend(int b) {
            Rectangle block = block(b);
            return new Rectangle(block.x + projections() * panel(), block.y + HEADER_BAND, LEGEND_WIDTH, panel());
        }
    }

    /**
     * The plot of n points whose coordinates are {@code coordinates} (n×dimensions, row-major; dimensions 2 or 3), one
     * block per colouring, each colouring holding a group for every point.
     */
    public static BufferedImage render(Caption caption, float[] coordinates, int dimensions, List<Colouring> colourings) {
        if (dimensions != 2 && dimensions != 3 || coordinates.length % dimensions != 0 || coordinates.length == 0) {
            throw new IllegalArgumentException("need n×2 or n×3 coordinates, got " + coordinates.length
                    + " values for " + dimensions + " dimensions");
        }
        int n = coordinates.length / dimensions;
        if (colourings.isEmpty() || colourings.stream().anyMatch(c -> c.groups.length != n)) {
            throw new IllegalArgumentException("need one or more colourings with a group for each of the " + n
                    + " points");
        }
        Layout layout = new Layout(dimensions, colourings.size());
        BufferedImage out = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReportStyle.canvas(out);
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(ReportStyle.TEXT);
            g.setFont(ReportStyle.TITLE_FONT);
            FontMetrics title = g.getFontMetrics();
            g.drawString(caption.title(), (layout.width() - title.stringWidth(caption.title())) / 2,
                    MARGIN + title.getAscent());
            for (int b = 0; b < colourings.size(); b++) {
                drawBlock(g, layout, b, caption.method(), coordinates, colourings.get(b));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@link #render} written as a PNG; the file appears complete or not at all. */
    public static void savePng(Caption caption, float[] coordinates, int dimensions, List<Colouring> colourings,
            Path file) throws IOException {
        BufferedImage image = render(caption, coordinates, dimensions, colourings);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /** The colour of group g of {@code groups}: tab10 up to 10 groups, tab20 up to 20, then evenly spread hues. */
    static Color colourOf(int group, int groups) {
        if (groups <= CATEGORY_COLOURS.length) {
            return new Color(CATEGORY_COLOURS[group]);
        }
        return Color.getHSBColor((float) group / groups, 0.65f, 0.85f);
    }

    private static void drawBlock(Graphics2D g, Layout layout, int b, String method, float[] coordinates,
            Colouring colouring) {
        Rectangle block = layout.block(b);
        g.setColor(ReportStyle.TEXT);
        g.setFont(ReportStyle.LABEL_FONT.deriveFont(Font.BOLD));
        g.drawString(colouring.title(), block.x, block.y + g.getFontMetrics().getAscent());
        int[][] members = membersOf(colouring);
        for (int p = 0; p < layout.projections(); p++) {
            int[] axes = layout.dimensions() == 2 ? new int[] {0, 1} : PROJECTIONS_3D[p];
            Rectangle panel = layout.panel(b, p);
            XYChart chart = projection(method, coordinates, layout.dimensions(), axes, colouring, members);
            Graphics2D area = (Graphics2D) g.create(panel.x, panel.y, panel.width, panel.height);
            try {
                chart.paint(area, panel.width, panel.height);
            } finally {
                area.dispose();
            }
        }
        drawLegend(g, layout.legend(b), colouring, members);
    }

    /** One panel: the chosen two axes, one translucent series per group. */
    private static XYChart projection(String method, float[] coordinates, int dimensions, int[] axes,
            Colouring colouring, int[][] members) {
        int n = coordinates.length / dimensions;
        XYChart chart = Charts.lineChart("", method + " " + (axes[0] + 1), method + " " + (axes[1] + 1),
                new double[0], List.of());
        chart.getStyler().setChartTitleVisible(false).setMarkerSize(n <= 2_000 ? 6 : n <= 20_000 ? 3 : 2);
        int alpha = n <= 2_000 ? 200 : n <= 20_000 ? 130 : 90;
        for (int group = 0; group < members.length; group++) {
            if (members[group].length == 0) {
                continue;
            }
            double[] x = new double[members[group].length];
            double[] y = new double[members[group].length];
            for (int m = 0; m < x.length; m++) {
                x[m] = coordinates[members[group][m] * dimensions + axes[0]];
                y[m] = coordinates[members[group][m] * dimensions + axes[1]];
            }
            Color opaque = colourOf(group, members.length);
            // XChart needs unique series names; the group number keeps two equal class names apart.
            XYSeries series = chart.addSeries(group + " " + colouring.names().get(group), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(new Color(opaque.getRed(), opaque.getGreen(), opaque.getBlue(), alpha));
        }
        return chart;
    }

    /** A swatch and name per group, or only their count when there are too many to list. */
    private static void drawLegend(Graphics2D g, Rectangle legend, Colouring colouring, int[][] members) {
        g.setFont(ReportStyle.LABEL_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int groups = members.length;
        int textX = legend.x + GAP + SWATCH + 6;
        if (groups > MAX_LEGEND_ENTRIES) {
            g.setColor(ReportStyle.TEXT);
            g.drawString(groups + " groups (too many to list)", legend.x + GAP, legend.y + GAP + metrics.getAscent());
            return;
        }
        int pitch = Math.min(LEGEND_PITCH, (legend.height - GAP) / groups);
        for (int group = 0; group < groups; group++) {
            int rowTop = legend.y + GAP + group * pitch;
            g.setColor(colourOf(group, groups));
            g.fillOval(legend.x + GAP, rowTop + (pitch - SWATCH) / 2, SWATCH, SWATCH);
            g.setColor(ReportStyle.TEXT);
            String name = fitted(colouring.names().get(group), legend.x + legend.width - textX, metrics);
            g.drawString(name, textX, rowTop + (pitch + metrics.getAscent() - metrics.getDescent()) / 2);
        }
    }

    private static int[][] membersOf(Colouring colouring) {
        int[] counts = new int[colouring.names().size()];
        for (int g : colouring.groups) {
            counts[g]++;
        }
        int[][] members = new int[counts.length][];
        for (int g = 0; g < counts.length; g++) {
            members[g] = new int[counts[g]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < colouring.groups.length; i++) {
            int g = colouring.groups[i];
            members[g][filled[g]++] = i;
        }
        return members;
    }

    /** The text, shortened with an ellipsis when wider than {@code available} pixels. */
    private static String fitted(String text, int available, FontMetrics metrics) {
        String shortened = text;
        while (!shortened.isEmpty() && metrics.stringWidth(shortened) > available) {
            shortened = shortened.substring(0, shortened.length() - 1);
            if (metrics.stringWidth(shortened + "…") <= available) {
                return shortened + "…";
            }
        }
        return shortened;
    }
}
