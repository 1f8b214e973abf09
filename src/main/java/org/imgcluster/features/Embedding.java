package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.DenseRows;
import org.imgcluster.linalg.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an {@link EmbeddingMethod} produced: k coordinates for each of the training rows it embedded, which are all N
 * rows or, for methods that subsample or keep only the largest connected part of their neighbour graph, the ascending
 * {@link #rows()} among them. There is no map for new points, so {@link #transform} answers only for exactly the
 * embedded rows (recognised by a fingerprint of their values) and refuses anything else in one line. Immutable.
 */
public final class Embedding implements FittedFeatures {
    private static final String KIND = "embedding";

    private final String name;
    private final String method;
    private final int inputDimension;
    private final int trainingRows;
    private final long trainingFingerprint;
    private final int[] rows;
    private final long embeddedFingerprint;
    private final float[] coordinates;
    private final int k;
    private final Map<String, Double> statistics;

    private Embedding(String name, String method, int inputDimension, int trainingRows, long trainingFingerprint,
            int[] rows, long embeddedFingerprint, float[] coordinates, int k, Map<String, Double> statistics) {
        this.name = name;
        this.method = method;
        this.inputDimension = inputDimension;
        this.trainingRows = trainingRows;
        this.trainingFingerprint = trainingFingerprint;
        this.rows = rows;
        this.embeddedFingerprint = embeddedFingerprint;
        this.coordinates = coordinates;
        this.k = k;
        this.statistics = Collections.unmodifiableSortedMap(new TreeMap<>(statistics));
    }

    /**
     * The embedding of {@code rows} (ascending) of {@code training}: {@code coordinates} holds rows.length×k values,
     * row-major, in the same order; both arrays are taken over. {@code statistics} are what the method reports about
     * its fit, by scikit-learn's attribute names (e.g. {@code kl_divergence}), kept sorted by name.
     */
    static Embedding of(String name, String method, DenseRows training, int[] rows, float[] coordinates, int k,
            Map<String, Double> statistics) {
        return new Embedding(name, method, training.d(), training.n(), RowFingerprint.of(training), rows,
                RowFingerprint.of(training, rows), coordinates, k, statistics);
    }

    /** The extractor's name with its hyper-parameters, e.g. {@code umap(n_neighbors=15, ...)}. */
    @Override
    public String name() {
        return name;
    }

    /** The method alone, for titles and axis labels: {@code t-SNE}, {@code UMAP} or {@code Isomap}. */
    public String method() {
        return method;
    }

    @Override
    public int inputDimension() {
        return inputDimension;
    }

    @Override
    public int outputDimension() {
        return k;
    }

    /** N, the number of rows of the training data. */
    public int trainingRows() {
        return trainingRows;
    }

    /** The training rows that were embedded, ascending; all of 0..N-1 unless {@link #isSubsample()}. */
    public int[] rows() {
        return rows.clone();
    }

    /** Whether fewer than all training rows were embedded. */
    public boolean isSubsample() {
        return rows.length < trainingRows;
    }

    /** The coordinates as a new rows().length×k float matrix, row i for training row rows()[i]. */
    public INDArray coordinates() {
        return NdArrays.matrix(coordinates, rows.length, k);
    }

    /** What the method reported about its fit, e.g. t-SNE's {@code kl_divergence} and {@code n_iter}; may be empty. */
    public Map<String, Double> statistics() {
        return statistics;
    }

    /** The entries of a per-training-row array (labels, say) for the embedded rows, in the embedding's order. */
    public int[] select(int[] perTrainingRow) {
        if (perTrainingRow.length != trainingRows) {
            throw new IllegalArgumentException(perTrainingRow.length + " values for " + trainingRows + " training rows");
        }
        return Arrays.stream(rows).map(r -> perTrainingRow[r]).toArray();
    }

    /**
     * The coordinates of {@code x} when it holds exactly the embedded rows (the training data itself, unless only some
     * of it was embedded); anything else is refused, as there is no out-of-sample mapping.
     */
    @Override
    public INDArray transform(INDArray x) {
        DenseRows given = FeatureInputs.require(x, inputDimension, "data to transform", name);
        long fingerprint = RowFingerprint.of(given);
        if (given.n() == rows.length && fingerprint == embeddedFingerprint) {
            return coordinates();
        }
        if (given.n() == trainingRows && fingerprint == trainingFingerprint) {
            throw new BadInputException(String.format(Locale.ROOT, "%s embedded only %,d of these %,d training rows "
                    + "and has no out-of-sample mapping for the rest; transform the rows listed by rows() instead",
                    method, rows.length, trainingRows));
        }
        throw new BadInputException(String.format(Locale.ROOT, "%s has no out-of-sample mapping: it can only return "
                + "the embedding of the %,d rows it was fitted on, and these %,d rows are not them; fit it on this data "
                + "instead", method, rows.length, given.n()));
    }

    @Override
    public void save(Path file) throws IOException {
        new ModelFile.Writer(KIND)
                .config("name", name)
                .config("method", method)
                .config("n_features", inputDimension)
                .config("n_training", trainingRows)
                .config("training_fingerprint", Long.toHexString(trainingFingerprint))
                .config("embedded_fingerprint", Long.toHexString(embeddedFingerprint))
                .config("n_rows", rows.length)
                .config("n_components", k)
                .config("statistics", String.join(",", statistics.keySet()))
                .doubles("statistic_values", statistics.values().stream().mapToDouble(Double::doubleValue).toArray(),
                        statistics.size())
                .doubles("rows", Arrays.stream(rows).asDoubleStream().toArray(), rows.length)
                .floats("coordinates", coordinates, rows.length, k)
                .writeTo(file);
    }

    /** Reads an embedding written by {@link #save}; a file that is not one, truncated or corrupt is refused in one line. */
    public static Embedding load(Path file) {
        ModelFile model = ModelFile.read(file, KIND);
        int d = model.intField("n_features");
        int n = model.intField("n_training");
        int m = model.intField("n_rows");
        int k = model.intField("n_components");
        if (d < 1 || k < 1 || m < 1 || m > n) {
            throw model.bad("inconsistent sizes: n_features " + d + ", n_training " + n + ", n_rows " + m
                    + ", n_components " + k);
        }
        double[] stored = model.doubles("rows", m);
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = (int) stored[i];
            if (rows[i] != stored[i] || rows[i] < 0 || rows[i] >= n || i > 0 && rows[i] <= rows[i - 1]) {
                throw model.bad("array 'rows' must hold ascending row numbers in 0.." + (n - 1) + ", entry " + i
                        + " is " + stored[i]);
            }
        }
        String names = model.textField("statistics");
        String[] keys = names.isEmpty() ? new String[0] : names.split(",");
        double[] values = model.doubles("statistic_values", keys.length);
        Map<String, Double> statistics = new TreeMap<>();
        for (int s = 0; s < keys.length; s++) {
            statistics.put(keys[s], values[s]);
        }
        return new Embedding(model.textField("name"), model.textField("method"), d, n,
                hex(model, "training_fingerprint"), rows, hex(model, "embedded_fingerprint"),
                model.floats("coordinates", m, k), k, statistics);
    }

    private static long hex(ModelFile model, String field) {
        try {
            return Long.parseUnsignedLong(model.textField(field), 16);
        } catch (NumberFormatException e) {
            throw model.bad("config field '" + field + "' is not a hexadecimal fingerprint");
        }
    }
}
