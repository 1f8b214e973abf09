package org.imgcluster.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a named dataset's split on this machine, in order: {@code --data-dir}, {@code $IMGCLUSTER_DATA}, the user
 * cache ({@code ~/.cache/imgcluster}, where {@code fetch} writes), well-known system and Keras folders, and last
 * the copy embedded in the jar (test splits of MNIST and Fashion-MNIST only).
 */
public final class DatasetLocator {
    public static final String ENV_DATA = "IMGCLUSTER_DATA";

    /** A folder that may hold a dataset, and why it is looked at. */
    public record Candidate(String origin, Path dir) {
    }

    /** Where a split was found; {@code dir} is null for the embedded copy. */
    public record Found(DatasetSpec spec, Split split, String origin, Path dir) {
        public boolean isEmbedded() {
            return dir == null;
        }

        public ImageSet load() {
            return isEmbedded() ? spec.loadEmbedded() : spec.load(dir, split);
        }

        public String where() {
            return isEmbedded() ? "embedded in the jar" : dir + " (" + origin + ")";
        }
    }

    private final Path dataDir;
    private final Path envDataDir;
    private final Path home;
    private final Path cacheDir;

    /**
     * @param dataDir    the {@code --data-dir} option, or null
     * @param envDataDir the value of {@code IMGCLUSTER_DATA}, or null
     * @param home       the user's home folder (for {@code ~/.keras/datasets})
     * @param cacheDir   imgcluster's download cache
     */
    public DatasetLocator(Path dataDir, Path envDataDir, Path home, Path cacheDir) {
        this.dataDir = dataDir;
        this.envDataDir = envDataDir;
        this.home = home;
        this.cacheDir = cacheDir;
    }

    /** The locator for this process: {@code --data-dir} (may be null) plus the environment and home folder. */
    public static DatasetLocator fromEnvironment(Path dataDir) {
        String env = System.getenv(ENV_DATA);
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg == null || xdg.isBlank() ? home.resolve(".cache") : Path.of(xdg)).resolve("imgcluster");
        return new DatasetLocator(dataDir, env == null || env.isBlank() ? null : Path.of(env), home, cache);
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** The folders looked at for {@code spec}, in order (the embedded copy comes after them). */
    public List<Candidate> candidates(DatasetSpec spec) {
        List<Candidate> out = new ArrayList<>();
        if (dataDir != null) {
            addBase(out, "--data-dir", dataDir, spec);
        }
        if (envDataDir != null) {
            addBase(out, ENV_DATA, envDataDir, spec);
        }
        addBase(out, "user cache", cacheDir, spec);
        if (spec.name().equals("fashion-mnist")) {
            out.add(new Candidate("Debian dataset-fashion-mnist", Path.of("/usr/share/datasets/fashion-mnist")));
        }
        if (spec.format() == DatasetSpec.Format.CIFAR) {
            out.add(new Candidate("Keras cache", home.resolve(".keras/datasets/cifar-10-batches-py")));
        }
        return out;
    }

    private static void addBase(List<Candidate> out, String origin, Path base, DatasetSpec spec) {
        // CIFAR-10's loader also looks inside cifar-10-batches-{bin,py}/ of these folders.
        out.add(new Candidate(origin, base.resolve(spec.name())));
        out.add(new Candidate(origin, base));
    }

    public Optional<Found> find(DatasetSpec spec, Split split) {
        for (Candidate c : candidates(spec)) {
            if (Files.isDirectory(c.dir()) && spec.hasSplit(c.dir(), split)) {
                return Optional.of(new Found(spec, split, c.origin(), c.dir()));
            }
        }
        if (spec.embedded() && split == Split.TEST) {
            return Optional.of(new Found(spec, split, "embedded", null));
        }
        return Optional.empty();
    }

    /** Like {@link #find}, but a missing split is a one-line error saying where it looked and what to do. */
    public Found require(DatasetSpec spec, Split split) {
        return find(spec, split).orElseThrow(() -> new BadInputException(spec.name() + " " + split.lowerName()
                + " split not found (looked in " + candidates(spec).stream().map(c -> c.dir().toString()).distinct()
                .collect(Collectors.joining(", ")) + ")"
                + (spec.embedded() ? "; the embedded copy holds only the test split: use --split test," : ";")
                + " or run 'imgcluster fetch " + spec.name() + "', or set --data-dir / " + ENV_DATA));
    }
}
