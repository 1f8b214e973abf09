package org.imgcluster.cluster;

import java.util.Arrays;

/** Disjoint sets of the points 0..n-1, with path halving and union by size. */
final class UnionFind {
    private final int[] parent;
    private final int[] size;
    private int sets;

    UnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        Arrays.setAll(parent, i -> i);
        Arrays.fill(size, 1);
        sets = n;
    }

    int find(int p) {
        while (parent[p] != p) {
            parent[p] = parent[parent[p]];
            p = parent[p];
        }
        return p;
    }

    /** Joins the sets of a and b; returns the root of the joined set. */
    int union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return ra;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        sets--;
        return ra;
    }

    /** The set of each point, numbered 0.. in the order of each set's lowest point. */
    int[] labels() {
        int[] labels = new int[parent.length];
        int[] labelOfRoot = new int[parent.length];
        Arrays.fill(labelOfRoot, -1);
        int next = 0;
        for (int p = 0; p < parent.length; p++) {
            int root = find(p);
            if (labelOfRoot[root] < 0) {
                labelOfRoot[root] = next++;
            }
            labels[p] = labelOfRoot[root];
        }
        return labels;
    }

    /** How many disjoint sets there are. */
    int sets() {
        return sets;
    }
}
