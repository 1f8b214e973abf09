package org.imgcluster.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The one look shared by charts and image grids: fonts, colours, default size, and headless rendering. */
final class ReportStyle {
    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 560;

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color GRID_LINES = new Color(0xDD, 0xDD, 0xDD);
    /** Where a value is undefined (NaN), e.g. the correlation of a constant pixel. */
    static final Color MISSING = new Color(0xBB, 0xBB, 0xBB);

    private ReportStyle() {
    }

    /** Reports are rendered on servers and in CI without a display; call before anything starts AWT. */
    static void useHeadlessRendering() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A white canvas with anti-aliased text, ready to draw on. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        return g;
    }
}
