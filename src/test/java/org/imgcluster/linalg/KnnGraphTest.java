package org.imgcluster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnnGraphTest {

    /** Gaussian points shifted far from the origin, where the GEMM norm expansion would lose most to cancellation. */
    private static DenseRows points(int n, int d, long seed) {
        Random random = new Random(seed);
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (100 + random.nextGaussian());
        }
        return DenseRows.of(v, n, d, "points");
    }

    @ParameterizedTest(name = "include self: {0}")
    @ValueSource(booleans = {false, true})
    void equalsBruteForce(boolean includeSelf) {
        int n = 500;
        int d = 7;
        int k = 6;
        DenseRows x = points(n, d, 3);
        KnnGraph graph = KnnGraph.of(x, k, includeSelf);
        assertThat(graph.n()).isEqualTo(n);
        assertThat(graph.k()).isEqualTo(k);
        for (int i = 0; i < n; i++) {
            int[] expected = bruteForce(x, i, includeSelf ? k - 1 : k);
            int[] actual = Arrays.copyOfRange(graph.indices(), i * k, i * k + k);
            if (includeSelf) {
                assertThat(actual[0]).isEqualTo(i);
                assertThat(graph.distance(i, 0)).isZero();
                actual = Arrays.copyOfRange(actual, 1, k);
            }
            assertThat(actual).as("neighbours of %d", i).containsExactly(expected);
            int first = includeSelf ? 1 : 0;
            for (int j = first; j < k; j++) {
                assertThat(graph.distance(i, j)).isCloseTo((float) Math.sqrt(squared(x, i, graph.neighbor(i, j))),
                        within(1e-6f));
            }
        }
    }

    @Test
    void rowsInLaterStripsAndTilesAreExactToo() {
        // 5,000 rows: 20 strips of 256 rows, each against up to 10 tiles of 512 columns, shared among the workers.
        DenseRows x = points(5000, 3, 5);
        KnnGraph graph = KnnGraph.of(x, 4, false);
        for (int i = 0; i < 5000; i += 97) {
            assertThat(Arrays.copyOfRange(graph.indices(), i * 4, i * 4 + 4)).containsExactly(bruteForce(x, i, 4));
        }
    }

    @Test
    void manySmallTilesGiveTheSameGraphAsBruteForceTiesIncluded() {
        // Integer grid points, each twice and mirrored (rows i, i + 75: p; i + 150, i + 225: −p), so the mean is 0 and
        // every product is exact: many exactly equal distances. Tiles of 54 rows × 55 columns, so most candidates of
        // a row come from columns of earlier strips, and the rest from several tiles; one worker, then three whose
        // candidate lists are merged.
        Random random = new Random(11);
        float[] v = new float[300 * 2];
        for (int i = 0; i < 75; i++) {
            float a = random.nextInt(9) - 4;
            float b = random.nextInt(9) - 4;
            for (int copy = 0; copy < 4; copy++) {
                float sign = copy < 2 ? 1 : -1;
                v[(i + 75 * copy) * 2] = sign * a;
                v[(i + 75 * copy) * 2 + 1] = sign * b;
            }
        }
        DenseRows x = DenseRows.of(v, 300, 2, "grid points");
        for (int workers : new int[] {1, 3}) {
            KnnGraph small = KnnGraph.of(x, 5, false, 300 * 4 * 10, workers);
            for (int i = 0; i < 300; i++) {
                assertThat(Arrays.copyOfRange(small.indices(), i * 5, i * 5 + 5)).as("neighbours of %d", i)
                        .containsExactly(bruteForce(x, i, 5));
            }
            assertThat(small.indices()).as("%d workers", workers).isEqualTo(KnnGraph.of(x, 5, false).indices());
        }
    }

    @Test
    void nearlyEqualDistancesTheFloatProductsMisorderAreSortedOutExactly() {
        // Two clusters at ±100 on every axis: centring leaves each squared norm near 10⁵, so the float products'
        // rounding (about 0.01) exceeds the gap between some rows' 3rd and 4th squared distances. Without the spare
        // candidates that the exact re-sort chooses from, 38 of these rows came out wrong.
        Random random = new Random(5);
        int n = 2000;
        int d = 10;
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((i / d % 2 == 0 ? 100 : -100) + random.nextGaussian());
        }
        DenseRows x = DenseRows.of(v, n, d, "two far clusters");
        KnnGraph graph = KnnGraph.of(x, 3, false);
        for (int i = 0; i < n; i++) {
            assertThat(Arrays.copyOfRange(graph.indices(), i * 3, i * 3 + 3)).as("neighbours of %d", i)
                    .containsExactly(bruteForce(x, i, 3));
        }
    }

    @Test
    void equalDistancesKeepTheLowerIndexFirst() {
        // Points 1, 2, 3 are all at distance 1 from point 0.
        DenseRows x = DenseRows.of(new float[] {0, 0, 1, 0, 0, 1, -1, 0, 5, 5}, 5, 2, "points");
        KnnGraph graph = KnnGraph.of(x, 3, false);
        assertThat(Arrays.copyOfRange(graph.indices(), 0, 3)).containsExactly(1, 2, 3);
        assertThat(Arrays.copyOfRange(graph.distances(), 0, 3)).containsExactly(1f, 1f, 1f);
    }

    @Test
    void kOutsideItsRangeIsRefusedInOneLine() {
        DenseRows x = points(10, 2, 1);
        assertThatThrownBy(() -> KnnGraph.of(x, 10, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n_neighbors = 10 is outside 1..9 (the number of points minus the point itself)");
        assertThatThrownBy(() -> KnnGraph.of(x, 0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n_neighbors = 0 is outside 1..10 (the number of points)");
        assertThat(KnnGraph.of(x, 10, true).neighbor(3, 0)).isEqualTo(3);
    }

    /** The k nearest others of point i by exact double distances, ties to the lower index. */
    private static int[] bruteForce(DenseRows x, int i, int k) {
        return IntStream.range(0, x.n()).filter(j -> j != i).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> squared(x, i, j)).thenComparing(j -> j))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double squared(DenseRows x, int a, int b) {
        double s = 0;
        for (int t = 0; t < x.d(); t++) {
            double diff = (double) x.values()[a * x.d() + t] - x.values()[b * x.d() + t];
            s += diff * diff;
        }
        return s;
    }
}
