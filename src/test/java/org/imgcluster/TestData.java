package org.imgcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.imgcluster.data.IdxLoader;
import org.imgcluster.data.ImageSet;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the real datasets: the IMGCLUSTER_DATA environment variable (CI points it at ../shared/datasets). */
public final class TestData {
    private static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private TestData() {
    }

    /** The folder holding mnist/ and fashion-mnist/; the calling test is skipped (not passed) when it is not set. */
    public static Path sharedDatasets() {
        String dir = System.getenv("IMGCLUSTER_DATA");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")),
                "IMGCLUSTER_DATA is not set to a folder with mnist/ and fashion-mnist/");
        return Path.of(dir);
    }

    /** The {@code train} or {@code test} split of {@code mnist} or {@code fashion-mnist}, classes named 0..9. */
    public static ImageSet split(String dataset, String split) {
        Path dir = sharedDatasets().resolve(dataset);
        String stem = split.equals("test") ? "t10k" : split;
        return IdxLoader.load(dir.resolve(stem + "-images-idx3-ubyte.gz"), dir.resolve(stem + "-labels-idx1-ubyte.gz"),
                CLASSES);
    }
}
