package org.imgcluster.cluster;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.imgcluster.linalg.Matrices;

/**
 * A full agglomerative merge tree in scipy's linkage-matrix form: merge i joins nodes {@code left[i] < right[i]} at
 * {@code heights[i]} into node n+i of {@code sizes[i]} points; nodes 0..n-1 are the points. Merges are sorted by
 * height (stable), as scipy sorts the merges its nearest-neighbour chain finds, so any tie-free input gives the same
 * tree whatever order an algorithm discovered the merges in. The arrays are the tree's own: read, do not modify.
 */
public record Dendrogram(int n, int[] left, int[] right, double[] heights, int[] sizes) {

    /**
     * The partition into {@code k} clusters by undoing the last k−1 merges, as scikit-learn's tree cut. Clusters are
     * numbered by their lowest point.
     */
    public int[] cut(int k) {
        Matrices.requireClusterCount("k", k, n);
        UnionFind groups = new UnionFind(n);
        int[] representative = new int[2 * n - 1];
        Arrays.setAll(representative, i -> i < n ? i : -1);
        for (int i = 0; i < n - k; i++) {
            representative[n + i] = groups.union(representative[left[i]], representative[right[i]]);
        }
        return groups.labels();
    }

    /** Collects merges in the order an algorithm finds them, each named by any point of each of the two clusters. */
    static final class Builder {
        private final int n;
        private final int[] a;
        private final int[] b;
        private final double[] h;
        private int count;

        Builder(int n) {
            this.n = n;
            this.a = new int[Math.max(0, n - 1)];
            this.b = new int[a.length];
            this.h = new double[a.length];
        }

        void add(int pointOfOne, int pointOfOther, double height) {
            a[count] = pointOfOne;
            b[count] = pointOfOther;
            h[count] = height;
            count++;
        }

        /** The tree: merges sorted by height (stable), renumbered as scipy's {@code _hierarchy.label} does. */
        Dendrogram build() {
            if (count != n - 1) {
                throw new IllegalStateException(count + " merges for " + n + " points");
            }
            Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> h[i]));
            UnionFind groups = new UnionFind(n);
            int[] nodeOfRoot = new int[n];
            Arrays.setAll(nodeOfRoot, i -> i);
            int[] sizeOfRoot = new int[n];
            Arrays.fill(sizeOfRoot, 1);
            int[] left = new int[count];
            int[] right = new int[count];
            double[] heights = new double[count];
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                int ra = groups.find(a[order[i]]);
                int rb = groups.find(b[order[i]]);
                left[i] = Math.min(nodeOfRoot[ra], nodeOfRoot[rb]);
                right[i] = Math.max(nodeOfRoot[ra], nodeOfRoot[rb]);
                heights[i] = h[order[i]];
                sizes[i] = sizeOfRoot[ra] + sizeOfRoot[rb];
                int root = groups.union(ra, rb);
                nodeOfRoot[root] = n + i;
                sizeOfRoot[root] = sizes[i];
            }
            return new Dendrogram(n, left, right, heights, sizes);
        }
    }
}
