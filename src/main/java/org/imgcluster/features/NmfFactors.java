package org.imgcluster.features;

/**
 * The two factors of X ≈ W·H as row-major float arrays: W (n×k, one row of k features per sample) and H (k×d, one
 * component per row). The solver updates them in place; nothing else holds them while it does.
 */
record NmfFactors(float[] w, float[] h, int k) {
}
