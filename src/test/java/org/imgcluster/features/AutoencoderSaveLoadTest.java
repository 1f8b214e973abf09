package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A saved autoencoder reads back into the same features, bit for bit; a damaged zip is refused in one line. */
class AutoencoderSaveLoadTest {
    private static INDArray rows;
    private static AutoencoderModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        rows = NetworkFixtures.fashionRows(0, 400);
        model = Autoencoder.dense32().withEpochs(2).withBatchSize(100)
                .fit(rows, NetworkFixtures.fashionRows(400, 100),
                        TrainingRun.none().withDataset("fashion-mnist", "train"));
    }

    @Test
    void saveThenLoadGivesBitIdenticalCodesAndTheCardSaysHowTheyWereMade() throws IOException {
        Path file = dir.resolve("ae.zip");
        model.save(file);
        AutoencoderModel loaded = AutoencoderModel.load(file);

        assertThat(Matrices.toFloatArray(loaded.transform(rows)))
                .isEqualTo(Matrices.toFloatArray(model.transform(rows)));
        assertThat(loaded.extractor()).isEqualTo(model.extractor());
        assertThat(loaded.summary()).isEqualTo(model.summary());
        JsonNode card = new ObjectMapper().readTree(dir.resolve("ae.json").toFile());
        assertThat(card.path("kind").asText()).isEqualTo("autoencoder");
        assertThat(card.at("/config/architecture").asText()).isEqualTo("dense32");
        assertThat(card.at("/config/l2").asDouble()).isEqualTo(0.0);
        assertThat(card.at("/config/activity_l2").asDouble()).isEqualTo(0.01);
        assertThat(card.at("/dataset/name").asText()).isEqualTo("fashion-mnist");
        assertThat(card.at("/dataset/count").asInt()).isEqualTo(400);
        assertThat(card.at("/dataset/validation_count").asInt()).isEqualTo(100);
        assertThat(card.at("/training/history").size()).isEqualTo(2);
        assertThat(card.at("/training/final_validation_loss").isNumber()).isTrue();
        assertThat(card.at("/versions/deeplearning4j").asText()).isEqualTo("1.0.0-M2.1");
        assertThat(card.at("/model_file").asText()).isEqualTo("ae.zip");
    }

    /** Cards written before these settings existed lack their keys: no activity penalty, Adam, Glorot weights. */
    @Test
    void aCardWithoutTheActivityPenaltyOptimizerOrWeightInitReadsAsNoneAdamAndGlorot() throws IOException {
        Path file = dir.resolve("old.zip");
        model.save(file);
        ObjectMapper json = new ObjectMapper();
        Path cardFile = dir.resolve("old.json");
        ObjectNode card =
                (ObjectNode) json.readTree(cardFile.toFile());
        ((ObjectNode) card.get("config")).remove(List.of("activity_l2", "optimizer", "weight_init"));
        json.writeValue(cardFile.toFile(), card);

        Autoencoder loaded = AutoencoderModel.load(file).extractor();
        assertThat(loaded.activityL2()).isZero();
        assertThat(loaded.l2()).isEqualTo(model.extractor().l2());
        assertThat(loaded.optimizer()).isEqualTo(Optimizer.adam(model.extractor().optimizer().learningRate()));
        assertThat(loaded.weightInit()).isEqualTo(InitialWeights.GLOROT_UNIFORM);
    }

    @Test
    void nesterovsAndFanInUniformWeightsAreRecordedAndReadBack() throws IOException {
        Autoencoder settings = model.extractor().withOptimizer(Optimizer.nesterovs(0.5, 0.8))
                .withWeightInit(InitialWeights.FAN_IN_UNIFORM).withEpochs(1);
        Path file = dir.resolve("nesterovs.zip");
        settings.fit(NetworkFixtures.uniformRows(40, 12, 5)).save(file);
        JsonNode config = new ObjectMapper().readTree(dir.resolve("nesterovs.json").toFile()).get("config");
        assertThat(config.get("optimizer").asText()).isEqualTo("nesterovs");
        assertThat(config.get("momentum").asDouble()).isEqualTo(0.8);
        assertThat(config.get("weight_init").asText()).isEqualTo("fan_in_uniform");
        assertThat(AutoencoderModel.load(file).extractor()).isEqualTo(settings);
    }

    @Test
    void aTruncatedOrDamagedZipIsRefusedInOneLineNamingIt() throws IOException {
        Path file = dir.resolve("ae.zip");
        model.save(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        oneLine(() -> AutoencoderModel.load(file), BadInputException.class).startsWith(file + ": corrupt or truncated");

        byte[] damaged = whole.clone();
        damaged[whole.length / 3] ^= 0x20;
        Files.write(file, damaged);
        oneLine(() -> AutoencoderModel.load(file), BadInputException.class).startsWith(file + ": corrupt or truncated");
    }

    @Test
    void aZipWithoutItsCardOrACardOfAnotherKindIsRefusedInOneLine() throws IOException {
        Path file = dir.resolve("ae.zip");
        model.save(file);
        Files.delete(dir.resolve("ae.json"));
        oneLine(() -> AutoencoderModel.load(file), BadInputException.class)
                .startsWith(dir.resolve("ae.json") + ": no such file");

        Files.writeString(dir.resolve("ae.json"), "{\"kind\": \"cnn\"}");
        oneLine(() -> AutoencoderModel.load(file), BadInputException.class)
                .isEqualTo(dir.resolve("ae.json") + ": describes a 'cnn' model, not a 'autoencoder' model");
    }
}
