package org.imgcluster.features;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a training produced besides the weights, as the model card records it: the per-epoch history, the dataset
 * (name and split when the caller gave them; null otherwise), the number of training and validation samples, and
 * the wall time of the fit call that finished it.
 */
public record TrainingSummary(List<EpochRecord> history, String dataset, String split, int samples,
                              int validationSamples, double wallSeconds) {
    public TrainingSummary {
        history = List.copyOf(history);
    }

    /** The last epoch's record. */
    public EpochRecord last() {
        return history.get(history.size() - 1);
    }

    /** The epochs' own times added up, across resumed sessions. */
    public double trainingSeconds() {
        return history.stream().mapToDouble(EpochRecord::seconds).sum();
    }

    void writeTo(ObjectNode card) {
        ObjectNode data = card.putObject("dataset");
        if (dataset != null) {
            data.put("name", dataset);
        }
        if (split != null) {
            data.put("split", split);
        }
        data.put("count", samples).put("validation_count", validationSamples);
        ObjectNode training = card.putObject("training").put("epochs", history.size());
        EpochScores last = last().scores();
        ModelCard.putMeasured(training, "final_loss", last.loss());
        ModelCard.putMeasured(training, "final_validation_loss", last.validationLoss());
        ModelCard.putMeasured(training, "final_validation_accuracy", last.validationAccuracy());
        training.put("wall_seconds", wallSeconds).put("training_seconds", trainingSeconds());
        training.set("history", ModelCard.historyJson(history));
    }

    static TrainingSummary read(ModelCard card) {
        List<EpochRecord> history = card.historyAt("/training/history");
        if (history.isEmpty()) {
            throw card.bad("/training/history is empty");
        }
        return new TrainingSummary(history, card.optionalTextAt("/dataset/name"), card.optionalTextAt("/dataset/split"),
                card.intAt("/dataset/count"), card.intAt("/dataset/validation_count"),
                card.doubleAt("/training/wall_seconds"));
    }
}
