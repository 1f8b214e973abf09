package org.imgcluster.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Executes every notebook of {@code notebooks-java/} on the embedded data, as {@code imgcluster notebooks} does, and
 * checks the executed copies in {@code target/notebooks/}: every code cell ran, none failed, each notebook shows at
 * least one image.
 */
class ProjectNotebooksTest {
    private static final Path SOURCES = Path.of("notebooks-java");

    @Test
    void everyNotebookRunsOnTheEmbeddedData() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(SOURCES)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertThat(notebooks).extracting(p -> p.getFileName().toString())
                .contains("eda.ipynb", "features.ipynb", "deep-clustering.ipynb", "label-spreading.ipynb");
        NotebookRunner runner = NotebookRunner.forThisJvm();
        for (Path source : notebooks) {
            NotebookRunner.Result result = runner.run(source, NotebookRunner.DEFAULT_OUTPUT);
            System.out.printf("%s: %d code cells in %.1f s%n", source, result.codeCells(), result.seconds());

            Notebook executed = Notebook.read(result.notebook());
            List<CellOutput> outputs = executed.cells().stream().filter(Notebook.Cell::isCode)
                    .flatMap(cell -> executed.outputs(cell.number()).stream()).toList();
            assertThat(outputs).as(source.toString()).noneMatch(o -> o instanceof CellOutput.Error);
            assertThat(outputs).as(source.toString())
                    .anyMatch(o -> o instanceof CellOutput.Display d && d.mime().equals("image/png"));
            assertThat(Files.readString(result.html())).contains("data:image/png;base64,");
        }
    }
}
