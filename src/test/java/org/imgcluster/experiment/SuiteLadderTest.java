package org.imgcluster.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuiteLadderTest {
    private static SuiteRow row(String featuresType, Map<String, Object> featuresParams, String algorithmType, int k,
                                double acc) {
        return new SuiteRow("cfg", "mnist", "all", null, 70_000, "sha", featuresType, featuresType, featuresParams,
                algorithmType, algorithmType, Map.of(), k, Map.of("acc", acc, "nmi", acc - 0.1), Map.of(), Map.of(),
                1.0, null);
    }

    @Test
    void climbsFromTheWorstClusteringMethodToTheBestLeavingOutWhatSawLabels() {
        Map<String, Object> n2d = Map.of("architecture", "dec",
                "then", Map.of("type", "umap", "n_components", 10));
        List<SuiteRow> rows = List.of(
                row("raw", Map.of(), "kmeans", 10, 0.50),
                row("pca", Map.of("n_components", 50), "kmeans", 10, 0.55),
                row("autoencoder", n2d, "gmm", 10, 0.95),
                row("raw", Map.of(), "kmeans", 10, 0.53),
                row("pca", Map.of("n_components", 50), "label_spreading", 10, 0.96),
                row("cnn", Map.of(), "kmeans", 10, 0.99),
                row("raw", Map.of(), "minibatch_kmeans", 50, 0.30),
                row("raw", Map.of(), "agglomerative", 10, Double.NaN));
        List<SuiteReport.Rung> ladder = SuiteReport.ladder(rows);
        assertThat(ladder).extracting(SuiteReport.Rung::method)
                .containsExactly("raw + kmeans", "pca-50 + kmeans", "autoencoder (dec) → umap + gmm");
        // The better of the two raw k-means runs stands for the method.
        assertThat(ladder.get(0).row().score("acc")).isEqualTo(0.53);
    }
}
