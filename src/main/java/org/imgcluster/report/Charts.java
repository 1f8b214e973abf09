package org.imgcluster.report;

import org.imgcluster.data.AtomicFiles;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart charts in the house style (900×560, or nearly square for heat maps; white, sans-serif; a legend
 * below the plot only when there is more than one series, a colour bar right of a heat map), and saving
 * them as PNG atomically. Callers may tweak the returned chart through XChart's own API before saving it.
 */
public final class Charts {
    static {
        ReportStyle.useHeadlessRendering();
    }

    /** Heat maps with at most this many rows and columns print each cell's value (integers, or two decimals). */
    static final int MAX_CELLS_WITH_VALUES = 12;
    /** Heat-map axes label every k-th row and column (k = 1, 2, 5, 10, 20, 50, ...) so at most this many show. */
    static final int MAX_AXIS_LABELS = 12;
    /** Heat maps are nearly square so that cells are, with room for the colour bar on the right. */
    static final int HEAT_MAP_WIDTH = 780;
    static final int HEAT_MAP_HEIGHT = 700;

    private static final Color[] PALETTE = {
        new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E), new Color(0x2C, 0xA0, 0x2C),
        new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
    };

    /** One named row of values, drawn in {@code colour} or, when that is null, in the next palette colour. */
    public record Series(String name, double[] values, Color colour) {
        public Series {
            Objects.requireNonNull(name);
            values = values.clone();
        }

        public Series(String name, double[] values) {
            this(name, values, null);
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** How heat-map values map to colours: linearly from {@code min} to {@code max} through {@code colours}. */
    public record ColourScale(double min, double max, List<Color> colours) {
        public ColourScale {
            if (!(min < max) || colours.size() < 2) {
                throw new IllegalArgumentException("a colour scale needs min < max and two colours or more");
            }
            colours = List.copyOf(colours);
        }

        /** Blue (−1), white (0), red (+1): for correlations. */
        public static ColourScale correlation() {
            return new ColourScale(-1, 1, List.of(new Color(0x3B, 0x4C, 0xC0), Color.WHITE, new Color(0xB4, 0x04, 0x26)));
        }

        /** White to dark blue: for counts and other non-negative values. */
        public static ColourScale sequential(double min, double max) {
            return new ColourScale(min, max, List.of(Color.WHITE, new Color(0x08, 0x30, 0x6B)));
        }
    }

    private Charts() {
    }

    /**
     * Grouped bars, one group per category and one bar per series; each series has one value per category. A NaN
     * value draws no bar (a result that does not exist, e.g. an algorithm not run on that feature set).
     */
    public static CategoryChart barChart(String title, String xAxisTitle, String yAxisTitle,
                                         List<String> categories, List<Series> series) {
        CategoryChart chart = new CategoryChartBuilder().width(ReportStyle.CHART_WIDTH).height(ReportStyle.CHART_HEIGHT)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        applyHouseStyle(chart.getStyler(), series.size());
        chart.getStyler().setXAxisLabelRotation(categories.stream().mapToInt(String::length).sum() > 80 ? 45 : 0);
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            requireLength(one, categories.size());
            // XChart skips null values; a NaN would poison the axis range.
            List<Double> values = Arrays.stream(one.values()).mapToObj(v -> Double.isNaN(v) ? null : v).toList();
            CategorySeries bars = chart.addSeries(one.name(), categories, values);
            bars.setFillColor(colourOf(one, s));
        }
        double max = series.stream().flatMapToDouble(one -> Arrays.stream(one.values())).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        double min = series.stream().flatMapToDouble(one -> Arrays.stream(one.values())).filter(v -> !Double.isNaN(v))
                .min().orElse(0);
        if (min >= 0 && max > 0) {
            // Bars start at zero with a little headroom; XChart alone gives equal bars an axis of two ticks.
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(max * 1.1);
        }
        return chart;
    }

    /** Lines without markers over shared x values, e.g. a histogram's counts per bin. */
    public static XYChart lineChart(String title, String xAxisTitle, String yAxisTitle, double[] x, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(ReportStyle.CHART_WIDTH).height(ReportStyle.CHART_HEIGHT)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        applyHouseStyle(chart.getStyler(), series.size());
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            requireLength(one, x.length);
            XYSeries line = chart.addSeries(one.name(), x, one.values());
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(colourOf(one, s));
            line.setLineWidth(1.5f);
        }
        return chart;
    }

    /**
     * Counts per bin (bin i drawn at x = i) as lines, one per series. On a logarithmic count axis an empty bin
     * cannot be drawn, so it leaves a gap instead of a fake small count; callers say which scale in the title.
     */
    public static XYChart histogram(String title, String binAxisTitle, String countAxisTitle, List<Series> countsPerBin,
                                    boolean logarithmic) {
        int bins = countsPerBin.get(0).values().length;
        List<Series> drawn = countsPerBin.stream().map(s -> logarithmic
                ? new Series(s.name(), Arrays.stream(s.values()).map(n -> n > 0 ? n : Double.NaN).toArray(), s.colour())
                : s).toList();
        XYChart chart = lineChart(title, binAxisTitle, countAxisTitle, IntStream.range(0, bins).asDoubleStream().toArray(), drawn);
        int step = labelStep(bins);
        // XChart ticks equally spaced x values at every few bins; label only the round ones so labels don't collide.
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> x % step == 0 ? Integer.toString(x.intValue()) : " ");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(bins - 1.0).setYAxisLogarithmic(logarithmic).setYAxisDecimalPattern("#,###");
        return chart;
    }

    /**
     * A heat map of {@code values[row][column]} with a colour bar, row 0 at the top as in a printed matrix.
     * NaN cells are left out and show in grey (callers say so in the title). Large matrices label only every
     * k-th row and column.
     */
    public static HeatMapChart heatMap(String title, String xAxisTitle, String yAxisTitle, List<String> columnLabels,
                                       List<String> rowLabels, double[][] values, ColourScale scale) {
        if (values.length != rowLabels.size() || Arrays.stream(values).anyMatch(row -> row.length != columnLabels.size())) {
            throw new IllegalArgumentException("heat map needs " + rowLabels.size() + " rows of " + columnLabels.size() + " values");
        }
        boolean showValues = Math.max(rowLabels.size(), columnLabels.size()) <= MAX_CELLS_WITH_VALUES;
        HeatMapChart chart = new HeatMapChartBuilder().width(HEAT_MAP_WIDTH).height(HEAT_MAP_HEIGHT)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        applyHouseStyle(chart.getStyler(), 1);
        chart.getStyler()
                .setRangeColors(scale.colours().toArray(Color[]::new))
                .setMin(scale.min())
                .setMax(scale.max())
                .setShowValue(showValues)
                .setHeatMapValueDecimalPattern(allIntegers(values) ? "#,##0" : "0.00")
                .setValueFont(ReportStyle.LABEL_FONT)
                .setGradientColorColumnHeight(HEAT_MAP_HEIGHT / 2)
                .setGradientColorColumnWeight(16)
                .setPlotBackgroundColor(hasNaN(values) ? ReportStyle.MISSING : ReportStyle.BACKGROUND);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setPlotGridLinesVisible(false);
        List<Number[]> cells = new ArrayList<>();
        int last = values.length - 1;
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                if (!Double.isNaN(values[r][c])) {
                    // XChart's y axis grows upwards; flipping puts row 0 at the top.
                    cells.add(new Number[] {c, last - r, showValues ? printable(values[r][c]) : values[r][c]});
                }
            }
        }
        List<String> rowsBottomUp = new ArrayList<>(thinned(rowLabels));
        Collections.reverse(rowsBottomUp);
        chart.addSeries(title, thinned(columnLabels), rowsBottomUp, cells);
        return chart;
    }

    /** Writes the chart as a PNG of its own size; the file appears complete or not at all. */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static void applyHouseStyle(AxesChartStyler styler, int seriesCount) {
        styler.setChartBackgroundColor(ReportStyle.BACKGROUND);
        styler.setPlotBackgroundColor(ReportStyle.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(ReportStyle.GRID_LINES);
        styler.setChartFontColor(ReportStyle.TEXT);
        styler.setAxisTickLabelsColor(ReportStyle.TEXT);
        styler.setChartTitleFont(ReportStyle.TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(ReportStyle.LABEL_FONT);
        styler.setAxisTickLabelsFont(ReportStyle.TICK_FONT);
        styler.setLegendFont(ReportStyle.LABEL_FONT);
        styler.setLegendBorderColor(ReportStyle.BACKGROUND);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendVisible(seriesCount > 1);
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
    }

    private static boolean allIntegers(double[][] values) {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).allMatch(v -> v == Math.rint(v));
    }

    private static boolean hasNaN(double[][] values) {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).anyMatch(Double::isNaN);
    }

    /**
     * The value rounded to the two decimals printed in its cell (through a long, so never -0.0), because
     * XChart's pattern prints "-0.00" for a tiny negative value; the colour changes imperceptibly.
     */
    private static double printable(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Color colourOf(Series series, int index) {
        return series.colour() != null ? series.colour() : PALETTE[index % PALETTE.length];
    }

    private static void requireLength(Series series, int expected) {
        if (series.values().length != expected) {
            throw new IllegalArgumentException("series '" + series.name() + "' has " + series.values().length
                    + " values, expected " + expected);
        }
    }

    /** Every k-th label kept, the others blanked (XChart cannot draw an empty label), at most MAX_AXIS_LABELS. */
    private static List<String> thinned(List<String> labels) {
        int step = labelStep(labels.size());
        List<String> kept = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            kept.add(i % step == 0 ? labels.get(i) : " ");
        }
        return kept;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that leaves at most MAX_AXIS_LABELS of {@code count} labels. */
    private static int labelStep(int count) {
        for (int decade = 1; ; decade *= 10) {
            for (int multiple : new int[] {1, 2, 5}) {
                if (count <= MAX_AXIS_LABELS * multiple * decade) {
                    return multiple * decade;
                }
            }
        }
    }
}
