package org.imgcluster.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-class precision, recall, F1 and support once clusters are mapped to labels by the Hungarian matching, as
 * scikit-learn's {@code classification_report(truth, predicted, labels=<true classes>, zero_division=0)}. Points of
 * clusters left without a label count as wrong (they lower their class's recall, no class's precision), so
 * {@code accuracy} is {@link ClusterAccuracy#hungarian} ACC.
 *
 * @param classes     one row per true class, in increasing label id
 * @param accuracy    the share of points predicted correctly
 * @param macroAvg    the unweighted mean over classes
 * @param weightedAvg the mean over classes weighted by support
 */
public record ClassificationReport(List<ClassScores> classes, double accuracy, Averages macroAvg,
                                   Averages weightedAvg) {
    private static final String[] HEADERS = {"precision", "recall", "f1-score", "support"};
    private static final String LONGEST_AVERAGE_NAME = "weighted avg";

    public record ClassScores(int label, String name, double precision, double recall, double f1, long support) {
    }

    public record Averages(double precision, double recall, double f1, long support) {
    }

    public ClassificationReport {
        classes = List.copyOf(classes);
    }

    /**
     * @param classNames the name of each label id (index = id), or null to name classes by their ids
     */
    public static ClassificationReport of(int[] truth, int[] clusters, List<String> classNames) {
        return of(Contingency.of(truth, clusters), classNames);
    }

    public static ClassificationReport of(Contingency table, List<String> classNames) {
        int[] labelIds = table.labelIds();
        if (classNames != null && labelIds[labelIds.length - 1] >= classNames.size()) {
            throw new IllegalArgumentException("classNames has " + classNames.size() + " names but the labels go up"
                    + " to " + labelIds[labelIds.length - 1] + "; give one name per label id or none");
        }
        ClusterAccuracy matching = ClusterAccuracy.hungarian(table);
        int[] clusterIds = table.clusterIds();
        long[] clusterSizes = table.clusterSizes();
        long[] truePositives = new long[labelIds.length];
        long[] predicted = new long[labelIds.length];
        for (int i = 0; i < clusterIds.length; i++) {
            int label = matching.labelOf(clusterIds[i]);
            if (label != ClusterAccuracy.UNMATCHED) {
                int j = Arrays.binarySearch(labelIds, label);
                truePositives[j] = table.count(i, j);
                predicted[j] = clusterSizes[i];
            }
        }
        long[] support = table.labelSizes();
        List<ClassScores> rows = new ArrayList<>();
        for (int j = 0; j < labelIds.length; j++) {
            double precision = predicted[j] == 0 ? 0 : (double) truePositives[j] / predicted[j];
            double recall = (double) truePositives[j] / support[j];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            String name = classNames == null ? Integer.toString(labelIds[j]) : classNames.get(labelIds[j]);
            rows.add(new ClassScores(labelIds[j], name, precision, recall, f1, support[j]));
        }
        return new ClassificationReport(rows, matching.accuracy(), average(rows, false), average(rows, true));
    }

    private static Averages average(List<ClassScores> rows, boolean bySupport) {
        long total = rows.stream().mapToLong(ClassScores::support).sum();
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (ClassScores row : rows) {
            double weight = bySupport ? (double) row.support() / total : 1.0 / rows.size();
            precision += weight * row.precision();
            recall += weight * row.recall();
            f1 += weight * row.f1();
        }
        return new Averages(precision, recall, f1, total);
    }

    /** The table as scikit-learn prints it, with 2 decimals. */
    public String toText() {
        return toText(2);
    }

    /** The table as scikit-learn prints it, with {@code digits} decimals. */
    public String toText(int digits) {
        int width = LONGEST_AVERAGE_NAME.length();
        for (ClassScores row : classes) {
            width = Math.max(width, row.name().length());
        }
        width = Math.max(width, digits);
        StringBuilder text = new StringBuilder(String.format("%" + width + "s ", ""));
        for (String header : HEADERS) {
            text.append(String.format(" %9s", header));
        }
        text.append("\n\n");
        for (ClassScores row : classes) {
            appendRow(text, width, row.name(), decimal(row.precision(), digits), decimal(row.recall(), digits),
                    decimal(row.f1(), digits), row.support());
        }
        text.append('\n');
        appendRow(text, width, "accuracy", "", "", decimal(accuracy, digits), macroAvg.support());
        appendRow(text, width, "macro avg", decimal(macroAvg.precision(), digits),
                decimal(macroAvg.recall(), digits), decimal(macroAvg.f1(), digits), macroAvg.support());
        appendRow(text, width, LONGEST_AVERAGE_NAME, decimal(weightedAvg.precision(), digits),
                decimal(weightedAvg.recall(), digits), decimal(weightedAvg.f1(), digits), weightedAvg.support());
        return text.toString();
    }

    private static void appendRow(StringBuilder text, int width, String name, String precision, String recall,
                                  String f1, long support) {
        text.append(String.format("%" + width + "s  %9s %9s %9s %9d\n", name, precision, recall, f1, support));
    }

    /** Python's fixed-point rounding of the exact binary value (half-even), not Java's %f (half-up). */
    private static String decimal(double value, int digits) {
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
