package org.imgcluster;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Where tests find the real datasets: the IMGCLUSTER_DATA environment variable (CI points it at ../shared/datasets). */
public final class TestData {
    private TestData() {
    }

    /** The folder holding mnist/ and fashion-mnist/; the calling test is skipped (not passed) when it is not set. */
    public static Path sharedDatasets() {
        String dir = System.getenv("IMGCLUSTER_DATA");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "mnist")),
                "IMGCLUSTER_DATA is not set to a folder with mnist/ and fashion-mnist/");
        return Path.of(dir);
    }
}
