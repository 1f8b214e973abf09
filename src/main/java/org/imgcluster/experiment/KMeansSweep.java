package org.imgcluster.experiment;

import java.util.ArrayList;
import java.util.List;

import org.imgcluster.cluster.KMeans;
import org.imgcluster.cluster.KMeansModel;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.metrics.Silhouette;
import org.nd4j.linalg.api.ndarray.INDArray;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * k-means over a range of k, as the CIFAR-10 notebook sweeps it: the elbow curve (inertia for k = 2..20) and the
 * silhouette curve (k = 4..14). The data is prepared once for all fits; each k is fitted with the same settings.
 */
public final class KMeansSweep {
    /** One k: its inertia, and its silhouette (NaN when not asked for). */
    public record Point(int k, double inertia, double silhouette) {
    }

    private KMeansSweep() {
    }

    /**
     * Fits {@code base} (its k replaced) for every k in from..to.
     *
     * @param silhouetteSample 0: no silhouette; -1: the exact silhouette; n > 0: the silhouette of a seeded sample of n
     */
    public static List<Point> run(INDArray x, int from, int to, KMeans base, int silhouetteSample) {
        requireRange(from, to, silhouetteSample);
        DenseRows data = DenseRows.of(x, "features");
        List<Point> points = new ArrayList<>();
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("k-means sweep").setInitialMax(to - from + 1L)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" k", 1);
        try (ProgressBar progress = bar.build()) {
            for (int k = from; k <= to; k++) {
                KMeansModel m = new KMeans(k, base.nInit(), base.maxIter(), base.tol(), base.seed()).fit(data);
                double silhouette = switch (Integer.signum(silhouetteSample)) {
                    case 0 -> Double.NaN;
                    case -1 -> Silhouette.score(data.array(), m.labels());
                    default -> Silhouette.score(data.array(), m.labels(), silhouetteSample, base.seed());
                };
                points.add(new Point(k, m.inertia(), silhouette));
                progress.step();
            }
        }
        return points;
    }

    /** The checks of {@link #run} on its range, for callers that want to fail before any work. */
    public static void requireRange(int from, int to, int silhouetteSample) {
        if (from > to) {
            throw new IllegalArgumentException("k range " + from + ".." + to + " is empty; give from ≤ to, e.g. 2..20");
        }
        int least = silhouetteSample == 0 ? 1 : 2;
        if (from < least) {
            throw new IllegalArgumentException("k range starts at " + from + "; it must start at ≥ " + least
                    + (least == 2 ? " (a silhouette needs 2 clusters)" : ""));
        }
    }
}
