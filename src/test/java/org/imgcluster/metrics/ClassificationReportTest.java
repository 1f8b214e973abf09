package org.imgcluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reference values: sklearn_reference.py, scikit-learn 1.2.1 classification_report(truth, hungarian-mapped clusters,
 * labels=classes, zero_division=0) on fixtures whose optimal matching is unique.
 */
class ClassificationReportTest {
    private static final List<String> NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final double TOLERANCE = 1e-6;

    @Test
    void fewerClustersThanClassesEqualsScikitLearn() {
        ClassificationReport report = ClassificationReport.of(MetricFixtures.TRUTH,
                MetricFixtures.noisy(MetricFixtures.TRUTH, 8, 5), NAMES);
        assertRows(report, new double[][] {
                {0.6190476190476191, 0.8666666666666667, 0.7222222222222222, 15},
                {0.8181818181818182, 0.8181818181818182, 0.8181818181818182, 22},
                {0.0, 0.0, 0.0, 15},
                {0.5714285714285714, 0.7692307692307693, 0.6557377049180327, 26},
                {0.42105263157894735, 0.8421052631578947, 0.5614035087719298, 19},
                {0.7727272727272727, 0.7083333333333334, 0.7391304347826088, 24},
                {0.8148148148148148, 0.8148148148148148, 0.8148148148148148, 27},
                {0.0, 0.0, 0.0, 18},
                {0.7058823529411765, 0.7058823529411765, 0.7058823529411765, 17},
                {0.7777777777777778, 0.8235294117647058, 0.7999999999999999, 17}});
        assertThat(report.accuracy()).isCloseTo(0.66, within(TOLERANCE));
        assertAverages(report.macroAvg(), 0.5500912858497997, 0.634874443009118, 0.5817372856632603);
        assertAverages(report.weightedAvg(), 0.5795526695526696, 0.66, 0.6094415538132573);
        assertThat(report.toText()).isEqualTo("""
                              precision    recall  f1-score   support

                 T-shirt/top       0.62      0.87      0.72        15
                     Trouser       0.82      0.82      0.82        22
                    Pullover       0.00      0.00      0.00        15
                       Dress       0.57      0.77      0.66        26
                        Coat       0.42      0.84      0.56        19
                      Sandal       0.77      0.71      0.74        24
                       Shirt       0.81      0.81      0.81        27
                     Sneaker       0.00      0.00      0.00        18
                         Bag       0.71      0.71      0.71        17
                  Ankle boot       0.78      0.82      0.80        17

                    accuracy                           0.66       200
                   macro avg       0.55      0.63      0.58       200
                weighted avg       0.58      0.66      0.61       200
                """);
    }

    @Test
    void moreClustersThanClassesEqualsScikitLearn() {
        ClassificationReport report = ClassificationReport.of(MetricFixtures.TRUTH,
                MetricFixtures.noisy(MetricFixtures.TRUTH, 12, 7), null);
        assertRows(report, new double[][] {
                {0.7647058823529411, 0.8666666666666667, 0.8125, 15},
                {0.8, 0.5454545454545454, 0.6486486486486486, 22},
                {0.6470588235294118, 0.7333333333333333, 0.6875, 15},
                {0.7619047619047619, 0.6153846153846154, 0.6808510638297872, 26},
                {0.8888888888888888, 0.8421052631578947, 0.8648648648648649, 19},
                {0.7037037037037037, 0.7916666666666666, 0.7450980392156864, 24},
                {0.8518518518518519, 0.8518518518518519, 0.8518518518518519, 27},
                {0.9285714285714286, 0.7222222222222222, 0.8125000000000001, 18},
                {0.7647058823529411, 0.7647058823529411, 0.7647058823529412, 17},
                {0.75, 0.8823529411764706, 0.8108108108108107, 17}});
        assertThat(report.accuracy()).isCloseTo(0.755, within(TOLERANCE));
        assertAverages(report.macroAvg(), 0.7861391223155929, 0.7615743988267207, 0.7679331161574591);
        assertAverages(report.weightedAvg(), 0.7891402894491131, 0.755, 0.7659798354361871);
        assertThat(report.classes().get(3).name()).isEqualTo("3");
    }

    private static void assertRows(ClassificationReport report, double[][] expected) {
        assertThat(report.classes()).hasSize(expected.length);
        for (int j = 0; j < expected.length; j++) {
            ClassificationReport.ClassScores row = report.classes().get(j);
            assertThat(row.label()).isEqualTo(j);
            assertThat(row.precision()).as("precision of %d", j).isCloseTo(expected[j][0], within(TOLERANCE));
            assertThat(row.recall()).as("recall of %d", j).isCloseTo(expected[j][1], within(TOLERANCE));
            assertThat(row.f1()).as("f1 of %d", j).isCloseTo(expected[j][2], within(TOLERANCE));
            assertThat(row.support()).as("support of %d", j).isEqualTo((long) expected[j][3]);
        }
    }

    private static void assertAverages(ClassificationReport.Averages averages, double precision, double recall,
                                       double f1) {
        assertThat(averages.precision()).isCloseTo(precision, within(TOLERANCE));
        assertThat(averages.recall()).isCloseTo(recall, within(TOLERANCE));
        assertThat(averages.f1()).isCloseTo(f1, within(TOLERANCE));
        assertThat(averages.support()).isEqualTo(200);
    }

    @Test
    void rejectsTooFewClassNames() {
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {0, 3}, new int[] {0, 1}, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("classNames has 2 names");
    }
}
