package org.imgcluster.features;

import java.nio.file.Path;

/**
 * How one training of a network runs, apart from its hyper-parameters: an optional checkpoint folder (written after
 * every epoch; a training started on a folder that holds a checkpoint resumes from it) and an optional note of the
 * dataset (name and split), which the model card records. Nulls mean "none".
 */
public record TrainingRun(Path checkpoints, String dataset, String split) {
    public static TrainingRun none() {
        return new TrainingRun(null, null, null);
    }

    public TrainingRun withCheckpoints(Path folder) {
        return new TrainingRun(folder, dataset, split);
    }

    public TrainingRun withDataset(String name, String datasetSplit) {
        return new TrainingRun(checkpoints, name, datasetSplit);
    }
}
