package org.imgcluster.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.imgcluster.data.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A checkpoint folder: after an epoch (see {@link EpochLoop} for which) the network (with its updater state) goes to a
 * new {@code network-epoch-NNNN.zip}, then {@code checkpoint.json} is replaced atomically to name it, with the epoch
 * history, the settings, the data's fingerprint and the shuffle state. The card is the commit point: a training killed
 * at any moment leaves a folder whose card names a complete zip. The shuffle state is the seed and the next epoch's
 * number ({@link EpochOrder}); nothing else in the training draws random numbers.
 */
final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final String CARD = "checkpoint.json";
    private static final String ZIP_PREFIX = "network-epoch-";

    /** How a training begins: its network, the epochs already done, and what saves it after each epoch (or null). */
    record Start(MultiLayerNetwork network, List<EpochRecord> done, EpochLoop.Checkpoint checkpoint) {
    }

    private final Path folder;
    private final String kind;
    private final ObjectNode config;
    private final ObjectNode olderDefaults;
    private final DataFingerprint data;

    private Checkpoints(Path folder, String kind, ObjectNode config, ObjectNode olderDefaults, DataFingerprint data) {
        this.folder = folder;
        this.kind = kind + "-checkpoint";
        this.config = config;
        this.olderDefaults = olderDefaults;
        this.data = data;
    }

    /**
     * The start of a training with the given hyper-parameters ({@code config}, which holds {@code epochs} and
     * {@code seed}) on the given data: from the checkpoint in the run's folder if it holds one, else a {@code fresh}
     * network. A checkpoint resumes only a training of the same settings, the number of epochs aside (a finished
     * training can be taken further), on the same data; any other is refused. A checkpoint written before some
     * settings existed lacks them; {@code olderDefaults} gives the values its training used.
     */
    static Start start(TrainingRun run, String task, String kind, ObjectNode config, ObjectNode olderDefaults,
                       DataFingerprint data, Supplier<MultiLayerNetwork> fresh) {
        if (run.checkpoints() == null) {
            return new Start(fresh.get(), List.of(), null);
        }
        Checkpoints checkpoints = new Checkpoints(run.checkpoints(), kind, config, olderDefaults, data);
        Path file = run.checkpoints().resolve(CARD);
        MultiLayerNetwork network;
        List<EpochRecord> done;
        if (Files.exists(file)) {
            ModelCard card = checkpoints.readMatching(file);
            network = NetworkZip.read(run.checkpoints().resolve(card.textAt("/model_file")), card);
            done = card.historyAt("/history");
            int epochs = config.path("epochs").asInt();
            if (done.size() > epochs) {
                throw new BadInputException(run.checkpoints() + " holds a training of " + done.size()
                        + " epochs, more than the " + epochs + " asked for; ask for at least " + done.size());
            }
            LOG.info("{}: resuming after epoch {} from {}", task, done.size(), run.checkpoints());
        } else {
            network = fresh.get();
            done = List.of();
        }
        return new Start(network, done, history -> checkpoints.save(network, history));
    }

    private ModelCard readMatching(Path file) {
        ModelCard card = ModelCard.read(file, kind).withDefaults("/config", olderDefaults);
        JsonNode savedConfig = card.at("/config");
        if (!savedConfig.isObject()) {
            throw card.bad("/config is missing or not an object");
        }
        if (!settings(savedConfig).equals(settings(ModelCard.normalized(config)))) {
            throw card.bad("was written by a training with other settings (" + savedConfig
                    + "); give another checkpoint folder, or delete this one to start over");
        }
        DataFingerprint saved = DataFingerprint.read(card, "/data");
        if (!saved.equals(data)) {
            throw card.bad("was written by a training on other data (" + saved + ", this training has " + data
                    + "); give another checkpoint folder, or delete this one to start over");
        }
        return card;
    }

    /** Saves the network as it is after the last epoch of {@code history}. */
    private void save(MultiLayerNetwork network, List<EpochRecord> history) throws IOException {
        Files.createDirectories(folder);
        String zip = String.format("%s%04d.zip", ZIP_PREFIX, history.size());
        String sha256 = NetworkZip.write(network, folder.resolve(zip));
        ObjectNode card = ModelCard.create(kind).put("model_file", zip).put("model_sha256", sha256);
        card.set("config", config);
        card.set("data", data.json());
        card.putObject("shuffle").put("seed", config.path("seed").asLong()).put("next_epoch", history.size())
                .put("rule", "epoch e visits the rows in EpochOrder.permutation(n, seed, e)");
        card.set("history", ModelCard.historyJson(history));
        ModelCard.write(folder.resolve(CARD), card);
        deleteZipsOtherThan(zip);
    }

    private void deleteZipsOtherThan(String kept) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().startsWith(ZIP_PREFIX))
                    .filter(f -> !f.getFileName().toString().equals(kept))
                    .forEach(Checkpoints::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that must match to resume: all hyper-parameters but the number of epochs. */
    private static JsonNode settings(JsonNode config) {
        ObjectNode copy = ((ObjectNode) config).deepCopy();
        copy.remove("epochs");
        return copy;
    }
}
