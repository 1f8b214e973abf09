package org.imgcluster.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.imgcluster.data.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The epochs of a network's training, each timed, logged and checkpointed (at most once a minute, and at the end).
 * Progress goes to the log, not the console (algorithms do not print): one INFO line per epoch, and a progress bar over
 * all steps, with its ETA, rendered into the log every 30 seconds, which is what a long CNN epoch needs.
 */
final class EpochLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EpochLoop.class);
    private static final int BAR_INTERVAL_MILLIS = 30_000;
    private static final int BAR_WIDTH = 120;
    /**
     * Checkpoints are written after the last epoch and otherwise at most this often: the DEC network's zip with Adam's
     * moments is about 40 MB and takes seconds to compress, longer than a short epoch.
     */
    private static final long CHECKPOINT_INTERVAL_NANOS = 60_000_000_000L;

    /** Trains one epoch (counted from 0), calling {@code stepDone} after each minibatch, and measures it. */
    @FunctionalInterface
    interface Epoch {
        EpochScores run(int epoch, Runnable stepDone);
    }

    /** Saves the training's state after the last epoch of {@code history}. */
    @FunctionalInterface
    interface Checkpoint {
        void save(List<EpochRecord> history) throws IOException;
    }

    private EpochLoop() {
    }

    /**
     * Runs epochs {@code done.size()} to {@code epochs - 1}; returns the whole history, {@code done} first.
     *
     * @param checkpoint called after the last epoch and after any epoch a minute or more after the last call; null
     *                   for none
     */
    static List<EpochRecord> run(String task, int epochs, int stepsPerEpoch, List<EpochRecord> done, Epoch epoch,
                                 Checkpoint checkpoint) {
        List<EpochRecord> history = new ArrayList<>(done);
        long lastSave = System.nanoTime();
        long total = (long) epochs * stepsPerEpoch;
        try (ProgressBar progress = progressBar(task, total, (long) done.size() * stepsPerEpoch)) {
            for (int e = done.size(); e < epochs; e++) {
                long start = System.nanoTime();
                EpochScores scores = epoch.run(e, progress::step);
                EpochRecord record = new EpochRecord(e + 1, scores, (System.nanoTime() - start) / 1e9);
                if (!Double.isFinite(scores.loss())) {
                    throw new BadInputException(task + " diverged at epoch " + record.epoch() + " (loss "
                            + scores.loss() + "); lower the learning rate");
                }
                history.add(record);
                String line = describe(record, epochs);
                LOG.info("{} {}", task, line);
                progress.setExtraMessage(line);
                if (e == epochs - 1 || System.nanoTime() - lastSave >= CHECKPOINT_INTERVAL_NANOS) {
                    save(checkpoint, history);
                    lastSave = System.nanoTime();
                }
            }
        }
        return List.copyOf(history);
    }

    /** A bar over {@code total} steps, {@code done} of them already taken, rendered into the log every 30 s. */
    static ProgressBar progressBar(String task, long total, long done) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" steps", 1)
                .setStyle(ProgressBarStyle.ASCII).startsFrom(done, Duration.ZERO)
                .setUpdateIntervalMillis(BAR_INTERVAL_MILLIS)
                .setConsumer(new DelegatingProgressBarConsumer(logOnce(), BAR_WIDTH)).build();
    }

    private static void save(Checkpoint checkpoint, List<EpochRecord> history) {
        if (checkpoint == null) {
            return;
        }
        try {
            checkpoint.save(List.copyOf(history));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint of epoch " + history.size() + ": " + e, e);
        }
    }

    /** Logs each rendering of the bar once: the library renders the first and the last state twice. */
    private static Consumer<String> logOnce() {
        AtomicReference<String> last = new AtomicReference<>();
        return line -> {
            if (!line.equals(last.getAndSet(line))) {
                LOG.info(line);
            }
        };
    }

    private static String describe(EpochRecord r, int epochs) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: loss %.5f", r.epoch(), epochs,
                r.scores().loss()));
        if (!Double.isNaN(r.scores().validationLoss())) {
            s.append(String.format(Locale.ROOT, ", val_loss %.5f", r.scores().validationLoss()));
        }
        if (!Double.isNaN(r.scores().validationAccuracy())) {
            s.append(String.format(Locale.ROOT, ", val_accuracy %.4f", r.scores().validationAccuracy()));
        }
        return s.append(String.format(Locale.ROOT, ", %.2f s", r.seconds())).toString();
    }
}
