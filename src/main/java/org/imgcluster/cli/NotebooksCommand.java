package org.imgcluster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.imgcluster.notebook.NotebookException;
import org.imgcluster.notebook.NotebookRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code imgcluster notebooks [FILE...]}: executes Java notebooks with JShell and writes executed copies. */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = "Execute Java Jupyter notebooks (code cells in order, with JShell, on this program's classpath) "
                + "and write each executed copy, <name>.ipynb with its outputs and <name>.html with images inline, "
                + "into the output folder. Stops at the first cell that does not compile or throws (exit code 2).")
final class NotebooksCommand implements Callable<Integer> {
    static final Path DEFAULT_FOLDER = Path.of("notebooks-java");

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "The notebooks (.ipynb), run in the order given (default: notebooks-java/*.ipynb in name order).")
    List<Path> files;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder for the executed copies (default: ${DEFAULT-VALUE}).")
    Path output = NotebookRunner.DEFAULT_OUTPUT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> notebooks = files == null || files.isEmpty() ? notebooksIn(DEFAULT_FOLDER) : files;
        NotebookRunner runner = NotebookRunner.forThisJvm();
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : notebooks) {
            NotebookRunner.Result result = runner.run(file, output);
            out.printf("%s: %d code cells in %.1f s -> %s%n", file, result.codeCells(), result.seconds(),
                    result.html().toAbsolutePath());
            out.flush();
        }
        return Main.EXIT_OK;
    }

    /** The notebooks of a folder in name order; none there is bad input. */
    static List<Path> notebooksIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NotebookException(folder + ": no such folder (give notebook files, or run from the project folder)");
        }
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> found = list.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
            if (found.isEmpty()) {
                throw new NotebookException(folder + ": no .ipynb files");
            }
            return found;
        }
    }
}
