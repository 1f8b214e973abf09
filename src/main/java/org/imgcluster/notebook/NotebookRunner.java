package org.imgcluster.notebook;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Executes a Java notebook's code cells in order with the JDK's JShell, as a Java kernel would, and writes the executed
 * copy ({@code <name>.ipynb} with the outputs filled in, and {@code <name>.html}) into an output folder.
 * <p>
 * Each notebook gets a fresh JShell on the <em>local</em> execution engine: snippets run in this JVM, so ND4J's
 * native libraries, loaded once, serve every notebook; the classpath given (normally {@link #currentClassPath()}) is
 * added for the compiler and the snippets' class loader. A cell is cut into snippets with
 * {@link SourceCodeAnalysis#analyzeCompletion}; lines starting with {@code %} are a kernel's magics (such as
 * IJava's {@code %jars}) and are skipped, since the classpath is already there. The first cell that does not compile
 * or throws stops the notebook: its executed copy is still written, with the error as the cell's output, and a
 * {@link NotebookException} names the notebook, the cell and the first diagnostic or the exception. When a cell's
 * last snippet is an expression with a value other than null, the value is the cell's {@code execute_result}.
 * <p>
 * While a cell runs, {@code System.out} and {@code System.err} of this JVM are redirected to the cell, so output
 * from other threads in that time lands there too; run one runner at a time.
 */
public final class NotebookRunner {
    /** The default folder for executed copies. */
    public static final Path DEFAULT_OUTPUT = Path.of("target", "notebooks");
    private static final int TRACE_LINES = 12;

    private final List<String> classPath;

    /** The outcome of one notebook: its executed copies and how many code cells ran. */
    public record Result(Path source, Path notebook, Path html, int codeCells, double seconds) {
    }

    public NotebookRunner(List<String> classPath) {
        this.classPath = List.copyOf(classPath);
    }

    /** A runner whose cells see this JVM's classpath ({@link #currentClassPath()}). */
    public static NotebookRunner forThisJvm() {
        return new NotebookRunner(currentClassPath());
    }

    /**
     * This JVM's classpath with the jars' manifest {@code Class-Path} entries expanded to real paths: under
     * {@code java -jar target/imgcluster.jar} that is the jar and {@code target/lib/*.jar}; under Maven's surefire it
     * is the test classpath ({@code surefire.test.class.path}).
     */
    public static List<String> currentClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
        Set<String> out = new LinkedHashSet<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                expand(Path.of(entry).toAbsolutePath().normalize(), out);
            }
        }
        return List.copyOf(out);
    }

    private static void expand(Path entry, Set<String> out) {
        if (!out.add(entry.toString()) || !Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String ref : classPath.trim().split("\\s+")) {
                if (!ref.isEmpty()) {
                    // Entries are URLs relative to the jar's folder (lib/x.jar) or absolute (file:/...).
                    Path resolved = Path.of(entry.toUri().resolve(ref)).normalize();
                    if (Files.exists(resolved)) {
                        expand(resolved, out);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a readable jar: kept as it is
        }
    }

    /**
     * Runs every code cell of {@code source} and writes the executed copies into {@code outputDir}.
     *
     * @throws NotebookException for a file that is not a notebook, or at the first cell that fails (after writing
     *                           the executed copies up to that cell)
     */
    public Result run(Path source, Path outputDir) throws IOException {
        long start = System.nanoTime();
        Notebook notebook = Notebook.read(source);
        String language = notebook.language();
        if (!language.isEmpty() && !language.equalsIgnoreCase("java")) {
            throw new NotebookException(source + ": not a Java notebook (its language is " + language + ")");
        }
        String name = source.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Files.createDirectories(outputDir);
        Path executed = outputDir.resolve(name + ".ipynb");
        Path html = outputDir.resolve(name + ".html");
        int count = 0;
        NotebookException failure = null;
        String previous = System.getProperty(Show.RUNNER_PROPERTY);
        System.setProperty(Show.RUNNER_PROPERTY, "true");
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            classPath.forEach(shell::addToClasspath);
            for (Notebook.Cell cell : notebook.cells()) {
                if (!cell.isCode()) {
                    continue;
                }
                count++;
                OutputCapture capture = new OutputCapture();
                String error = runCell(shell, cell, count, capture);
                notebook.setOutputs(cell.number(), count, capture.finish());
                if (error != null) {
                    failure = new NotebookException(source + ": cell " + cell.number() + ": " + error);
                    break;
                }
            }
        } finally {
            if (previous == null) {
                System.clearProperty(Show.RUNNER_PROPERTY);
            } else {
                System.setProperty(Show.RUNNER_PROPERTY, previous);
            }
        }
        notebook.write(executed);
        NotebookHtml.write(notebook, name, html);
        if (failure != null) {
            throw failure;
        }
        return new Result(source, executed, html, count, (System.nanoTime() - start) / 1e9);
    }

    /** Runs one cell's snippets into {@code capture}; returns null, or the one-line error that stopped the cell. */
    private static String runCell(JShell shell, Notebook.Cell cell, int executionCount, OutputCapture capture) {
        String code = withoutMagics(cell.source());
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        PrintStream out = capture.stdout();
        PrintStream err = capture.stderr();
        System.setOut(out);
        System.setErr(err);
        try {
            String rest = code;
            SnippetEvent last = null;
            while (!rest.isBlank()) {
                int offset = code.length() - rest.length();
                CompletionInfo info = analysis.analyzeCompletion(rest);
                if (info.completeness() == Completeness.EMPTY) {
                    break;
                }
                boolean complete = info.completeness().isComplete();
                String snippet = complete ? info.source() : rest;
                List<SnippetEvent> events = shell.eval(snippet);
                if (events.isEmpty() && !complete) {
                    return fail(capture, "CompilationError", "incomplete code at the end of the cell (line "
                            + lineOf(code, offset) + ")");
                }
                for (SnippetEvent event : events) {
                    if (event.causeSnippet() != null) {
                        continue; // a dependent snippet updated by this one, not this snippet itself
                    }
                    String problem = problem(shell, event, code, offset);
                    if (problem != null) {
                        return problem.startsWith("does not compile")
                                ? fail(capture, "CompilationError", problem)
                                : failWithTrace(capture, event.exception(), problem);
                    }
                    last = event;
                }
                if (!complete) {
                    break;
                }
                rest = info.remaining();
            }
            out.flush();
            err.flush();
            if (last != null && last.value() != null && !last.value().equals("null") && isExpression(last.snippet())) {
                capture.add(new CellOutput.Result(executionCount, last.value()));
            }
            return null;
        } finally {
            out.flush();
            err.flush();
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    /** Null if the snippet compiled and ran; otherwise the one-line reason. */
    private static String problem(JShell shell, SnippetEvent event, String code, int offset) {
        if (event.status() == Snippet.Status.REJECTED) {
            Diag diag = shell.diagnostics(event.snippet()).filter(Diag::isError).findFirst()
                    .orElse(shell.diagnostics(event.snippet()).findFirst().orElse(null));
            String where = "line " + lineOf(code, offset + (diag == null || diag.getStartPosition() < 0 ? 0
                    : (int) diag.getStartPosition()));
            return "does not compile (" + where + "): "
                    + (diag == null ? firstLine(event.snippet().source()) : diag.getMessage(Locale.ROOT));
        }
        JShellException thrown = event.exception();
        if (thrown instanceof EvalException e) {
            return "threw " + e.getExceptionClassName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (thrown instanceof UnresolvedReferenceException) {
            return "does not compile (line " + lineOf(code, offset) + "): unresolved reference in "
                    + firstLine(event.snippet().source());
        }
        if (thrown != null) {
            return "threw " + thrown;
        }
        return null;
    }

    /** An expression (not a declaration or statement): its value is the cell's result, as a kernel shows it. */
    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static String fail(OutputCapture capture, String name, String message) {
        capture.add(new CellOutput.Error(name, NotebookException.oneLine(message), List.of(message)));
        return NotebookException.oneLine(message);
    }

    private static String failWithTrace(OutputCapture capture, Throwable thrown, String message) {
        List<String> trace = new ArrayList<>();
        trace.add(message);
        Arrays.stream(thrown.getStackTrace()).limit(TRACE_LINES).forEach(frame -> trace.add("    at " + frame));
        String name = thrown instanceof EvalException e ? e.getExceptionClassName() : thrown.getClass().getName();
        capture.add(new CellOutput.Error(name, NotebookException.oneLine(String.valueOf(thrown.getMessage())), trace));
        return NotebookException.oneLine(message);
    }

    /** The cell without its kernel magic lines ({@code %jars ...}), blanked so that line numbers stay. */
    static String withoutMagics(String source) {
        return Arrays.stream(source.split("\n", -1))
                .map(line -> line.stripLeading().startsWith("%") ? "" : line)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static int lineOf(String code, int position) {
        int end = Math.min(Math.max(position, 0), code.length());
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int nl = stripped.indexOf('\n');
        return nl < 0 ? stripped : stripped.substring(0, nl) + " ...";
    }
}
