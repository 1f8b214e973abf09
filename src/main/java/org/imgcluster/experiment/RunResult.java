package org.imgcluster.experiment;

import java.util.List;
import java.util.Map;

import org.imgcluster.metrics.ClassificationReport;
import org.imgcluster.metrics.Contingency;

/** What one (features, algorithm) pair gave: its clusters, scores and statistics, on the fitted split and the other. */
record RunResult(String features, String algorithm, int numClusters, int[] labels, Map<String, Double> scores,
                 Map<String, Double> statistics, Contingency contingency, ClassificationReport report,
                 int[] evaluationLabels, Map<String, Double> evaluationScores, double seconds) {

    /** The column name of this result in assignments.csv and the key in tables. */
    String key() {
        return features + " + " + algorithm;
    }

    /** One point of a k-means sweep. */
    record SweepCurve(String features, String algorithm, List<KMeansSweep.Point> points, double seconds) {
    }
}
