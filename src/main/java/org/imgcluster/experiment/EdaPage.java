package org.imgcluster.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.imgcluster.data.ImageSet;
import org.imgcluster.data.ImageStats;
import org.imgcluster.report.HtmlPage;

/** The eda.html page: how the numbers were computed, the statistics, the class table and every figure. */
final class EdaPage {
    private EdaPage() {
    }

    static HtmlPage of(EdaResult result, ImageSet primary, ImageSet other, List<Eda.Figure> figures) throws IOException {
        HtmlPage page = new HtmlPage("EDA: " + result.datasetName() + " (" + result.split() + ")");
        page.paragraph(String.format(Locale.ROOT, "%,d images from %s. Standard deviations are population ones (ddof = 0); "
                + "correlations are Pearson's.", primary.size(), primary.source()));
        page.keyValueTable("Statistics", result.statistics());
        if (result.stats().hasLabels()) {
            page.table("Images per class", "by label", classTableHeader(primary, other), classTableRows(result.stats(), other));
        }
        page.heading("Figures");
        for (Eda.Figure figure : figures) {
            page.image(figure.file(), figure.caption());
        }
        return page;
    }

    private static List<String> classTableHeader(ImageSet primary, ImageSet other) {
        String split = Splits.name(primary);
        List<String> header = new ArrayList<>(List.of("label", "class", split + " images", split + " share"));
        if (Splits.comparable(other)) {
            String otherSplit = Splits.otherName(primary, other);
            header.addAll(List.of(otherSplit + " images", otherSplit + " share"));
        }
        return header;
    }

    private static List<List<String>> classTableRows(ImageStats stats, ImageSet other) {
        int numClasses = stats.classNames().size();
        int[] counts = stats.classCounts();
        int[] otherCounts = Splits.comparable(other) ? Splits.classCounts(other, numClasses) : null;
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(k), stats.classNames().get(k),
                    String.format(Locale.ROOT, "%,d", counts[k]), percent(counts[k], stats.size())));
            if (otherCounts != null) {
                row.add(String.format(Locale.ROOT, "%,d", otherCounts[k]));
                row.add(percent(otherCounts[k], other.size()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String percent(int count, int total) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * count / total);
    }
}
