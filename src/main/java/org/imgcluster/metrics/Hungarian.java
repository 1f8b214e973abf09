package org.imgcluster.metrics;

import java.util.Arrays;

/**
 * Maximum-weight one-to-one matching on a rectangular table (the Hungarian algorithm with potentials, O(r²c)
 * for r ≤ c). Hand-written: no maintained Java library for it is in our stack. Integer weights keep it exact.
 */
final class Hungarian {
    private static final long INFINITY = Long.MAX_VALUE / 4;

    private Hungarian() {
    }

    /**
     * The column matched to each row, or -1 for rows left unmatched (only when there are more rows than columns),
     * maximising the sum of matched weights, as scipy's {@code linear_sum_assignment(-weights)}.
     */
    static int[] maximumWeightMatching(long[][] weights) {
        int rows = weights.length;
        int columns = rows == 0 ? 0 : weights[0].length;
        if (rows <= columns) {
            return minimumCostMatching(negated(weights, false));
        }
        int[] rowOfColumn = minimumCostMatching(negated(weights, true));
        int[] columnOfRow = new int[rows];
        Arrays.fill(columnOfRow, -1);
        for (int column = 0; column < columns; column++) {
            columnOfRow[rowOfColumn[column]] = column;
        }
        return columnOfRow;
    }

    private static long[][] negated(long[][] weights, boolean transpose) {
        int rows = weights.length;
        int columns = weights[0].length;
        long[][] cost = transpose ? new long[columns][rows] : new long[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (transpose) {
                    cost[j][i] = -weights[i][j];
                } else {
                    cost[i][j] = -weights[i][j];
                }
            }
        }
        return cost;
    }

    /**
     * Every row of an r×c cost table (r ≤ c) assigned a distinct column at minimum total cost. Shortest augmenting
     * paths with row potentials u and column potentials v; index 0 is a virtual column that starts each path.
     */
    private static int[] minimumCostMatching(long[][] cost) {
        int rows = cost.length;
        int columns = rows == 0 ? 0 : cost[0].length;
        long[] u = new long[rows + 1];
        long[] v = new long[columns + 1];
        int[] rowOfColumn = new int[columns + 1];
        int[] previousColumn = new int[columns + 1];
        for (int row = 1; row <= rows; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            long[] slack = new long[columns + 1];
            Arrays.fill(slack, INFINITY);
            boolean[] visited = new boolean[columns + 1];
            do {
                visited[column] = true;
                int pathRow = rowOfColumn[column];
                long delta = INFINITY;
                int next = 0;
                for (int j = 1; j <= columns; j++) {
                    if (!visited[j]) {
                        long reduced = cost[pathRow - 1][j - 1] - u[pathRow] - v[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            previousColumn[j] = column;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= columns; j++) {
                    if (visited[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] columnOfRow = new int[rows];
        for (int j = 1; j <= columns; j++) {
            if (rowOfColumn[j] != 0) {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return columnOfRow;
    }
}
