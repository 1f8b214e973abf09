package org.imgcluster.features;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.imgcluster.data.AtomicFiles;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.BuildInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A network as DL4J's {@link ModelSerializer} zip (configuration, parameters and updater state, so training can go on
 * from it), written atomically. Its SHA-256 goes into the card that describes it, and reading checks it first: a
 * truncated or damaged zip is refused in one line before DL4J sees it (DL4J's own errors on such files are long
 * and do not name the file).
 */
final class NetworkZip {
    private NetworkZip() {
    }

    /** Writes the network with its updater state; returns the SHA-256 (hex) of the bytes written. */
    static String write(MultiLayerNetwork network, Path file) throws IOException {
        MessageDigest sha = sha256();
        AtomicFiles.write(file, out -> ModelSerializer.writeModel(network, new DigestOutputStream(out, sha), true));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Reads the network in {@code file}, whose SHA-256 {@code card} must give. */
    static MultiLayerNetwork read(Path file, ModelCard card) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file (the network zip that " + card.file() + " describes)");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e);
        }
        if (!HexFormat.of().formatHex(sha256().digest(bytes)).equals(card.textAt("/model_sha256"))) {
            throw new BadInputException(file + ": corrupt or truncated (" + bytes.length
                    + " bytes): its SHA-256 differs from the one in its model card " + card.file());
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), true);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": not a readable DL4J network: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    /** A network read back with the card beside it. */
    record Saved(ModelCard card, MultiLayerNetwork network) {
    }

    /**
     * Saves a trained network as {@code file} (the zip) and, beside it, its card: {@code card} completed with the zip's
     * name and SHA-256, the library versions and the time of saving.
     */
    static void saveWithCard(MultiLayerNetwork network, Path file, ObjectNode card) throws IOException {
        Path cardFile = ModelCard.beside(file);
        if (cardFile.equals(file)) {
            throw new BadInputException(file + ": a network file must not end in .json; that is its model card's name");
        }
        card.put("model_file", file.getFileName().toString()).put("model_sha256", write(network, file))
                .put("saved_at", Instant.now().toString());
        ObjectNode versions = card.putObject("versions");
        BuildInfo.versions().forEach(versions::put);
        ModelCard.write(cardFile, card);
    }

    /** Reads a network saved by {@link #saveWithCard} as a model of the given kind. */
    static Saved loadWithCard(Path file, String kind) {
        ModelCard card = ModelCard.read(ModelCard.beside(file), kind);
        return new Saved(card, read(file, card));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
