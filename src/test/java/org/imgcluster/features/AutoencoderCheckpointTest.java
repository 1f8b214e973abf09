package org.imgcluster.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imgcluster.features.PcaBadInputTest.oneLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.imgcluster.data.BadInputException;
import org.imgcluster.linalg.Matrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A training stopped after an epoch and started again on its checkpoint folder ends where a straight one does. */
class AutoencoderCheckpointTest {
    private static final Autoencoder FOUR_EPOCHS = Autoencoder.dense32().withEpochs(4).withBatchSize(100);

    @TempDir
    Path dir;

    @Test
    void resumingAfterTwoEpochsGivesBitIdenticalParametersToFourStraight() throws IOException {
        INDArray x = NetworkFixtures.fashionRows(0, 600);
        AutoencoderModel straight = FOUR_EPOCHS.fit(x, null, TrainingRun.none());
        Path folder = dir.resolve("checkpoints");
        // A training killed after its second epoch leaves this folder as a 2-epoch training does.
        FOUR_EPOCHS.withEpochs(2).fit(x, null, TrainingRun.none().withCheckpoints(folder));
        AutoencoderModel resumed = FOUR_EPOCHS.fit(x, null, TrainingRun.none().withCheckpoints(folder));

        assertThat(Matrices.toFloatArray(resumed.network().params()))
                .isEqualTo(Matrices.toFloatArray(straight.network().params()));
        assertThat(Matrices.toFloatArray(resumed.network().getUpdater().getStateViewArray())).as("Adam's moments")
                .isEqualTo(Matrices.toFloatArray(straight.network().getUpdater().getStateViewArray()));
        for (int e = 0; e < 4; e++) {
            // Losses are sums by OpenBLAS's level-1 kernels, whose order follows memory alignment: equal to rounding.
            assertThat(resumed.summary().history().get(e).scores().loss()).as("loss of epoch %d", e + 1)
                    .isCloseTo(straight.summary().history().get(e).scores().loss(), within(1e-6));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("checkpoint.json", "network-epoch-0004.zip");
        }
    }

    @Test
    void aCheckpointOfOtherSettingsOrMoreEpochsIsRefusedInOneLine() {
        INDArray x = NetworkFixtures.fashionRows(0, 300);
        Path folder = dir.resolve("checkpoints");
        TrainingRun run = TrainingRun.none().withCheckpoints(folder);
        FOUR_EPOCHS.withEpochs(2).fit(x, null, run);

        oneLine(() -> FOUR_EPOCHS.withBatchSize(50).fit(x, null, run), BadInputException.class)
                .startsWith(folder.resolve("checkpoint.json") + ": was written by a training with other settings");
        oneLine(() -> FOUR_EPOCHS.fit(NetworkFixtures.fashionRows(300, 300), null, run), BadInputException.class)
                .startsWith(folder.resolve("checkpoint.json") + ": was written by a training on other data");
        oneLine(() -> FOUR_EPOCHS.withEpochs(1).fit(x, null, run), BadInputException.class)
                .contains("holds a training of 2 epochs, more than the 1 asked for");
        oneLine(() -> FOUR_EPOCHS.withOptimizer(Optimizer.nesterovs(0.1, 0.9)).fit(x, null, run),
                BadInputException.class)
                .startsWith(folder.resolve("checkpoint.json") + ": was written by a training with other settings");
    }

    /** A checkpoint written before activity_l2, optimizer and weight_init were recorded resumes as their defaults. */
    @Test
    void aCheckpointWithoutTheNewerSettingsResumesAsTheirDefaults() throws IOException {
        INDArray x = NetworkFixtures.fashionRows(0, 300);
        Autoencoder older = FOUR_EPOCHS.withL2(0, 0);
        Path folder = dir.resolve("checkpoints");
        TrainingRun run = TrainingRun.none().withCheckpoints(folder);
        older.withEpochs(2).fit(x, null, run);
        Path card = folder.resolve("checkpoint.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(card.toFile());
        ((ObjectNode) root.get("config")).remove(List.of("activity_l2", "optimizer", "weight_init"));
        json.writeValue(card.toFile(), root);

        assertThat(older.fit(x, null, run).summary().history()).hasSize(4);
    }
}
