package org.imgcluster.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imgcluster.data.ImageStats;

/**
 * What one {@link Eda} run found and wrote: the statistics, the figure files (in the order the page shows
 * them), the HTML page, and how long the statistics and figures took.
 */
public record EdaResult(String datasetName, String split, String source, ImageStats stats, List<Path> figures,
                        Path html, Duration elapsed) {
    public EdaResult {
        figures = List.copyOf(figures);
    }

    /** The statistics as ordered name → value pairs, for the HTML table and {@link #summaryLines()}. */
    public Map<String, String> statistics() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("dataset", datasetName + ", " + split + " (" + source + ")");
        rows.put("shape (N × H × W × C)", String.format(Locale.ROOT, "%,d × %d × %d × %d",
                stats.size(), stats.height(), stats.width(), stats.channels()));
        rows.put("dtype", stats.dtype());
        rows.put("value range", stats.min() + " .. " + stats.max());
        rows.put("mean ± std (all values, 0..255)", meanStd(stats.mean(), stats.std()));
        if (stats.channels() > 1) {
            double[] means = stats.channelMeans();
            double[] stds = stats.channelStds();
            rows.put("mean ± std per channel" + (stats.channels() == 3 ? " (R, G, B)" : ""), IntStream.range(0, means.length)
                    .mapToObj(c -> meanStd(means[c], stds[c])).collect(Collectors.joining(", ")));
            rows.put("channel correlation" + (stats.channels() == 3 ? " (R–G, R–B, G–B)" : ""), channelPairs());
        }
        rows.put("classes", classesLine());
        if (stats.hasLabels()) {
            int[] counts = stats.classCounts();
            rows.put("images per class", IntStream.range(0, counts.length)
                    .mapToObj(k -> stats.classNames().get(k) + ": " + grouped(counts[k])).collect(Collectors.joining(", ")));
        }
        rows.put("pixel correlation", pixelCorrelationLine());
        return rows;
    }

    /** The statistics as "name: value" lines, as the CLI prints them. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        statistics().forEach((name, value) -> lines.add(name + ": " + value));
        return lines;
    }

    private String classesLine() {
        if (!stats.hasLabels()) {
            return "none (unlabeled)";
        }
        int[] counts = stats.classCounts();
        if (counts.length == 0) {
            return "0";
        }
        int least = 0;
        int most = 0;
        for (int k = 1; k < counts.length; k++) {
            least = counts[k] < counts[least] ? k : least;
            most = counts[k] > counts[most] ? k : most;
        }
        List<String> names = stats.classNames();
        if (counts[least] == counts[most]) {
            return String.format(Locale.ROOT, "%d, each with %,d images", counts.length, counts[most]);
        }
        return String.format(Locale.ROOT, "%d; smallest %s (%,d images), largest %s (%,d images)",
                counts.length, names.get(least), counts[least], names.get(most), counts[most]);
    }

    private String channelPairs() {
        double[][] r = stats.channelCorrelation();
        List<String> pairs = new ArrayList<>();
        for (int a = 0; a < r.length; a++) {
            for (int b = a + 1; b < r.length; b++) {
                pairs.add(String.format(Locale.ROOT, "%.3f", r[a][b]));
            }
        }
        return String.join(", ", pairs);
    }

    private String pixelCorrelationLine() {
        double[][] r = stats.pixelCorrelation();
        long constant = IntStream.range(0, r.length).filter(a -> Double.isNaN(r[a][a])).count();
        return String.format(Locale.ROOT, "first %d values over the first %,d images; %d of them constant there (correlation undefined)",
                r.length, stats.pixelCorrelationImages(), constant);
    }

    private static String meanStd(double mean, double std) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, std);
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
