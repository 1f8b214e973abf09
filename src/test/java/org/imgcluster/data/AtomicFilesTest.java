package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoDebris() throws IOException {
        Path target = dir.resolve("report.html");
        AtomicFiles.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk on fire");
        })).hasMessage("disk on fire");

        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void createsMissingFoldersAndReplacesTheTarget() throws IOException {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");

        assertThat(Files.readString(target)).isEqualTo("two");
    }
}
