package org.imgcluster.metrics;

/**
 * Every score of a clustering against true labels, from one contingency table.
 *
 * @param acc         Hungarian accuracy ({@link ClusterAccuracy#hungarian})
 * @param majorityAcc majority-label accuracy ({@link ClusterAccuracy#majority})
 * @param nmi         normalised mutual information, arithmetic mean of the entropies
 * @param ami         adjusted mutual information, arithmetic mean of the entropies
 * @param ari         adjusted Rand index
 * @param contingency the cluster × label counts the scores came from
 */
public record ExternalScores(double acc, double majorityAcc, double nmi, double ami, double ari,
                             Contingency contingency) {
    /**
     * @param truth    the true label of each point, ids ≥ 0
     * @param clusters the cluster of each point, ids ≥ 0 (any number of clusters)
     */
    public static ExternalScores of(int[] truth, int[] clusters) {
        Contingency table = Contingency.of(truth, clusters);
        return new ExternalScores(ClusterAccuracy.hungarian(table).accuracy(),
                ClusterAccuracy.majority(table).accuracy(), MutualInformation.nmi(table),
                MutualInformation.ami(table), RandIndex.ari(table), table);
    }
}
