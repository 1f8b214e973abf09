package org.imgcluster.features;

import java.util.Arrays;

/**
 * UMAP's fuzzy graph: symmetric, positive float weights, in compressed rows (row i's neighbours are
 * {@code column[start[i] .. start[i+1])}, ascending, with their weights), the layout scipy's CSR matrix has in
 * umap-learn. Immutable by convention: the arrays are shared, never written after construction.
 */
record FuzzyGraph(int n, int[] start, int[] column, float[] weight) {

    /** The connected components: a number per vertex, numbered in order of their first vertex (as scipy's). */
    record Components(int count, int[] label) {
        /** The vertices of each component, ascending. */
        int[][] members() {
            int[] size = new int[count];
            for (int l : label) {
                size[l]++;
            }
            int[][] out = new int[count][];
            for (int c = 0; c < count; c++) {
                out[c] = new int[size[c]];
            }
            int[] filled = new int[count];
            for (int i = 0; i < label.length; i++) {
                out[label[i]][filled[label[i]]++] = i;
            }
            return out;
        }
    }

    int edges() {
        return column.length;
    }

    float maxWeight() {
        float max = 0;
        for (float w : weight) {
            max = Math.max(max, w);
        }
        return max;
    }

    /** The graph without the edges lighter than {@code threshold}, as umap-learn drops those too rare to sample. */
    FuzzyGraph withoutWeightsBelow(float threshold) {
        int[] newStart = new int[n + 1];
        int kept = 0;
        for (float w : weight) {
            kept += w >= threshold ? 1 : 0;
        }
        int[] newColumn = new int[kept];
        float[] newWeight = new float[kept];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                if (weight[p] >= threshold) {
                    newColumn[e] = column[p];
                    newWeight[e++] = weight[p];
                }
            }
            newStart[i + 1] = e;
        }
        return new FuzzyGraph(n, newStart, newColumn, newWeight);
    }

    /** Connected components by breadth-first search. */
    Components components() {
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int seed = 0; seed < n; seed++) {
            if (label[seed] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            label[seed] = count;
            while (head < tail) {
                int v = queue[head++];
                for (int p = start[v]; p < start[v + 1]; p++) {
                    if (label[column[p]] < 0) {
                        label[column[p]] = count;
                        queue[tail++] = column[p];
                    }
                }
            }
            count++;
        }
        return new Components(count, label);
    }

    /** The subgraph on a component's {@code vertices} (ascending), renumbered 0..vertices.length-1 in that order. */
    FuzzyGraph subgraph(int[] vertices) {
        int[] local = new int[n];
        Arrays.fill(local, -1);
        for (int i = 0; i < vertices.length; i++) {
            local[vertices[i]] = i;
        }
        int[] newStart = new int[vertices.length + 1];
        int edges = 0;
        for (int i = 0; i < vertices.length; i++) {
            edges += start[vertices[i] + 1] - start[vertices[i]];
            newStart[i + 1] = edges;
        }
        int[] newColumn = new int[edges];
        float[] newWeight = new float[edges];
        for (int i = 0; i < vertices.length; i++) {
            int v = vertices[i];
            for (int p = start[v], q = newStart[i]; p < start[v + 1]; p++, q++) {
                newColumn[q] = local[column[p]];
                newWeight[q] = weight[p];
            }
        }
        return new FuzzyGraph(vertices.length, newStart, newColumn, newWeight);
    }
}
