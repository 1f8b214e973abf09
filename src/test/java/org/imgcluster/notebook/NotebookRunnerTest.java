package org.imgcluster.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class NotebookRunnerTest {
    private static NotebookRunner runner;

    @TempDir
    Path tmp;

    @BeforeAll
    static void classPath() {
        runner = NotebookRunner.forThisJvm();
    }

    /** A Java notebook of these cells: "md:" starts a markdown cell, anything else is a code cell. */
    private Path notebook(String name, String... cells) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("cells");
        for (String cell : cells) {
            ObjectNode c = array.addObject();
            boolean markdown = cell.startsWith("md:");
            c.put("cell_type", markdown ? "markdown" : "code").putObject("metadata");
            c.put("source", markdown ? cell.substring(3) : cell);
            if (!markdown) {
                c.putNull("execution_count");
                c.putArray("outputs");
            }
        }
        ObjectNode meta = root.putObject("metadata");
        meta.putObject("kernelspec").put("name", "java").put("display_name", "Java").put("language", "java");
        meta.putObject("language_info").put("name", "java");
        root.put("nbformat", 4).put("nbformat_minor", 5);
        Path file = tmp.resolve(name);
        Files.writeString(file, json.writeValueAsString(root));
        return file;
    }

    @Test
    void outputsAreCapturedInOrderAndStateCarriesAcrossCells() throws IOException {
        Path file = notebook("order.ipynb",
                "md:# Title with `code`",
                "%jars ../target/imgcluster.jar ../target/lib/*.jar",
                """
                        import org.imgcluster.notebook.Show;
                        int x = 40;
                        System.out.println("first");
                        Show.table(java.util.List.of("a", "b"), java.util.List.of(java.util.List.of("1", "<2>")));
                        System.err.println("warning");
                        System.out.print("second");
                        """,
                """
                        // a comment, then an image and a value
                        Show.image(new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));
                        x + 2
                        """);
        Path out = tmp.resolve("out");
        NotebookRunner.Result result = runner.run(file, out);

        assertThat(result.codeCells()).isEqualTo(3);
        assertThat(result.notebook()).isEqualTo(out.resolve("order.ipynb"));
        Notebook executed = Notebook.read(result.notebook());
        assertThat(executed.outputs(2)).isEmpty();
        assertThat(executed.outputs(3)).containsExactly(
                new CellOutput.Stream("stdout", "first\n"),
                new CellOutput.Display("text/html",
                        "<table>\n<thead><tr><th>a</th><th>b</th></tr></thead>\n<tbody>\n<tr><td>1</td><td>&lt;2&gt;</td></tr>\n</tbody>\n</table>"),
                new CellOutput.Stream("stderr", "warning\n"),
                new CellOutput.Stream("stdout", "second"));
        List<CellOutput> last = executed.outputs(4);
        assertThat(last).hasSize(2);
        assertThat(last.get(0)).isInstanceOfSatisfying(CellOutput.Display.class,
                d -> assertThat(d.mime()).isEqualTo("image/png"));
        assertThat(last.get(1)).isEqualTo(new CellOutput.Result(3, "42"));

        String html = Files.readString(result.html());
        assertThat(html).contains("<h1>Title with <code>code</code></h1>", "data:image/png;base64,",
                "<td>&lt;2&gt;</td>", "warning");
    }

    @Test
    void aCellThatDoesNotCompileStopsTheNotebookWithOneLineNamingTheCell() throws IOException {
        Path file = notebook("broken.ipynb", "int ok = 1;", "md:text", "int a = 2;\nString s = 3;", "int never = 4;");
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> runner.run(file, out))
                .isInstanceOf(NotebookException.class)
                .hasMessage(file + ": cell 3: does not compile (line 2): incompatible types: int cannot be converted to"
                        + " java.lang.String");
        Notebook executed = Notebook.read(out.resolve("broken.ipynb"));
        assertThat(executed.outputs(3)).singleElement().isInstanceOfSatisfying(CellOutput.Error.class,
                e -> assertThat(e.name()).isEqualTo("CompilationError"));
        assertThat(executed.outputs(4)).isEmpty();
        assertThat(out.resolve("broken.html")).isRegularFile();
    }

    @Test
    void aCellThatThrowsStopsTheNotebookWithOneLineNamingTheCellAndTheException() throws IOException {
        Path file = notebook("throws.ipynb", """
                System.out.println("before");
                if (true) throw new IllegalStateException("boom\\nsecond line");
                """);
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> runner.run(file, out))
                .isInstanceOf(NotebookException.class)
                .hasMessage(file + ": cell 1: threw java.lang.IllegalStateException: boom second line");
        List<CellOutput> outputs = Notebook.read(out.resolve("throws.ipynb")).outputs(1);
        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0)).isEqualTo(new CellOutput.Stream("stdout", "before\n"));
        assertThat(outputs.get(1)).isInstanceOfSatisfying(CellOutput.Error.class,
                e -> assertThat(e.name()).isEqualTo("java.lang.IllegalStateException"));
    }

    @Test
    void anNd4jProductRunsInACell() throws IOException {
        Path file = notebook("gemm.ipynb", """
                var a = org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 64, 32);
                System.out.println(a.mmul(a.transpose()).getFloat(3, 5));
                """);
        NotebookRunner.Result result = runner.run(file, tmp.resolve("out"));
        assertThat(Notebook.read(result.notebook()).outputs(1)).containsExactly(new CellOutput.Stream("stdout", "32.0\n"));
    }

    @Test
    void aFileThatIsNotANotebookIsRefused() throws IOException {
        Path file = tmp.resolve("bad.ipynb");
        Files.writeString(file, "{\"cells\": [");
        assertThatThrownBy(() -> runner.run(file, tmp.resolve("out")))
                .isInstanceOf(NotebookException.class)
                .hasMessageStartingWith(file + ": not a notebook: invalid JSON");
        Files.writeString(file, "{\"nbformat\": 3, \"cells\": []}");
        assertThatThrownBy(() -> runner.run(file, tmp.resolve("out")))
                .hasMessage(file + ": not a notebook in nbformat 4 (nbformat is 3)");
    }
}
