package org.imgcluster.features;

/** One finished epoch of training: its number (counted from 1), its scores and its wall time in seconds. */
public record EpochRecord(int epoch, EpochScores scores, double seconds) {
}
