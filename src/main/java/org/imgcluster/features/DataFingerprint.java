package org.imgcluster.features;

import java.util.Arrays;

import org.imgcluster.linalg.DenseRows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which training data a checkpoint belongs to: its size and a hash of its values ({@link RowFingerprint}) and labels,
 * so that a training never resumes from a checkpoint written for other data.
 */
record DataFingerprint(int rows, int columns, long hash) {
    /** The rows of x with their labels (null when unsupervised). */
    static DataFingerprint of(DenseRows x, int[] labels) {
        return new DataFingerprint(x.n(), x.d(), 31 * RowFingerprint.of(x) + Arrays.hashCode(labels));
    }

    ObjectNode json() {
        return JsonNodeFactory.instance.objectNode().put("rows", rows).put("columns", columns).put("hash", hash);
    }

    static DataFingerprint read(ModelCard card, String pointer) {
        return new DataFingerprint(card.intAt(pointer + "/rows"), card.intAt(pointer + "/columns"),
                card.longAt(pointer + "/hash"));
    }

    @Override
    public String toString() {
        return rows + "×" + columns + " values with hash " + hash;
    }
}
