package org.imgcluster.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.imgcluster.data.AtomicFiles;
import org.imgcluster.data.BadInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON file that describes a saved network: its kind, hyper-parameters, input, dataset, per-epoch history, seed,
 * wall time, library versions, and the name and SHA-256 of the network zip it describes, which ties the two files
 * together. Read back field by field (JSON pointers); any fault is a one-line {@link BadInputException} naming the
 * card.
 */
final class ModelCard {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final JsonNode root;

    private ModelCard(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** A new card of the given kind, to fill in. */
    static ObjectNode create(String kind) {
        return JSON.createObjectNode().put("kind", kind);
    }

    /** The card beside a model file: {@code ae.zip} → {@code ae.json}. */
    static Path beside(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    static void write(Path file, ObjectNode card) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, card));
    }

    /** Reads a card that must describe a model of the given kind. */
    static ModelCard read(Path file, String kind) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file (the model card, written beside the network zip)");
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not a JSON model card: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e);
        }
        ModelCard card = new ModelCard(file, root == null ? JSON.createObjectNode() : root);
        String found = card.textAt("/kind");
        if (!found.equals(kind)) {
            throw card.bad("describes a '" + found + "' model, not a '" + kind + "' model");
        }
        return card;
    }

    Path file() {
        return file;
    }

    /** The node at a JSON pointer, as written (a missing node if absent). */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    int intAt(String pointer) {
        JsonNode v = root.at(pointer);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw bad(pointer + " is missing or not an integer");
        }
        return v.intValue();
    }

    long longAt(String pointer) {
        JsonNode v = root.at(pointer);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(pointer + " is missing or not an integer");
        }
        return v.longValue();
    }

    double doubleAt(String pointer) {
        JsonNode v = root.at(pointer);
        if (!v.isNumber()) {
            throw bad(pointer + " is missing or not a number");
        }
        return v.doubleValue();
    }

    String textAt(String pointer) {
        JsonNode v = root.at(pointer);
        if (!v.isTextual()) {
            throw bad(pointer + " is missing or not a string");
        }
        return v.textValue();
    }

    /** The text at a pointer, or null when the card leaves it out. */
    String optionalTextAt(String pointer) {
        JsonNode v = root.at(pointer);
        return v.isMissingNode() || v.isNull() ? null : textAt(pointer);
    }

    /** A fault in the card's content, for a caller that checks what the format itself cannot. */
    BadInputException bad(String what) {
        return new BadInputException(file + ": " + what.replace('\n', ' '));
    }

    /** Epoch records as a JSON array; scores that were not measured (NaN) are left out. */
    static ArrayNode historyJson(List<EpochRecord> history) {
        ArrayNode array = JSON.createArrayNode();
        for (EpochRecord r : history) {
            ObjectNode o = array.addObject().put("epoch", r.epoch());
            putMeasured(o, "loss", r.scores().loss());
            putMeasured(o, "validation_loss", r.scores().validationLoss());
            putMeasured(o, "validation_accuracy", r.scores().validationAccuracy());
            o.put("seconds", r.seconds());
        }
        return array;
    }

    static void putMeasured(ObjectNode o, String key, double value) {
        if (!Double.isNaN(value)) {
            o.put(key, value);
        }
    }

    List<EpochRecord> historyAt(String pointer) {
        JsonNode array = root.at(pointer);
        if (!array.isArray()) {
            throw bad(pointer + " is missing or not an array");
        }
        List<EpochRecord> history = new ArrayList<>();
        for (int k = 0; k < array.size(); k++) {
            String entry = pointer + "/" + k;
            if (intAt(entry + "/epoch") != k + 1) {
                throw bad(entry + "/epoch is " + intAt(entry + "/epoch") + ", expected " + (k + 1));
            }
            history.add(new EpochRecord(k + 1, new EpochScores(doubleAt(entry + "/loss"),
                    measuredAt(entry + "/validation_loss"), measuredAt(entry + "/validation_accuracy")),
                    doubleAt(entry + "/seconds")));
        }
        return history;
    }

    /**
     * This card with the keys of {@code defaults} that the object at {@code pointer} lacks added to it: how a card
     * written before a setting existed reads, given the value its training used.
     */
    ModelCard withDefaults(String pointer, ObjectNode defaults) {
        JsonNode root = this.root.deepCopy();
        if (root.at(pointer) instanceof ObjectNode object) {
            defaults.fields().forEachRemaining(e -> {
                if (!object.has(e.getKey())) {
                    object.set(e.getKey(), e.getValue());
                }
            });
        }
        return new ModelCard(file, root);
    }

    private double measuredAt(String pointer) {
        return root.at(pointer).isMissingNode() ? Double.NaN : doubleAt(pointer);
    }

    /** A config as it reads back from a file, so that it compares equal to one that was read. */
    static JsonNode normalized(ObjectNode config) {
        try {
            return JSON.readTree(JSON.writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a config that Jackson built does not read back", e);
        }
    }
}
