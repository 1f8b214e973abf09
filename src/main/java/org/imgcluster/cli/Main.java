package org.imgcluster.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import org.imgcluster.data.BadInputException;

/** The {@code imgcluster} command. Exit codes: 0 ok, 2 bad input or usage, 1 internal error. */
@Command(name = "imgcluster", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Cluster images without labels and measure how much learned features beat raw pixels.",
        subcommands = {RunCommand.class, SuiteCommand.class, DatasetsCommand.class, FetchCommand.class, EdaCommand.class,
            NotebooksCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            int code = exitCode(e);
            err.println("imgcluster: " + (code == EXIT_BAD_INPUT ? "error: " : "internal error: ") + oneLine(e)
                    + (main.verbose || code == EXIT_BAD_INPUT ? "" : " (run with --verbose for details)"));
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof NoSuchFileException
                || e.getCause() instanceof NoSuchFileException || e instanceof CommandLine.ParameterException) {
            return EXIT_BAD_INPUT;
        }
        return EXIT_INTERNAL;
    }

    private static String oneLine(Throwable e) {
        Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String msg = shown.getMessage();
        if (shown instanceof NoSuchFileException) {
            msg = "no such file: " + msg;
        } else if (msg == null || !(shown instanceof BadInputException || shown instanceof IllegalArgumentException)) {
            msg = shown.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        }
        return msg.replaceAll("\\s*\\R\\s*", " ");
    }
}
