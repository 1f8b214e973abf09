package org.imgcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class NotebooksCommandTest {
    @TempDir
    Path tmp;

    private static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                          "language_info": {"name": "java"}},
             "cells": [{"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
                        "source": ["System.out.println(\\"hi\\");\\n"]},
                       {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
                        "source": "CELL2"}]}
            """;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void executesNotebooksIntoTheOutputFolder() throws Exception {
        Path nb = tmp.resolve("ok.ipynb");
        Files.writeString(nb, NOTEBOOK.replace("CELL2", "int x = 1;"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "notebooks", nb.toString(), "--output", tmp.resolve("out").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ok.ipynb: 2 code cells in");
        assertThat(tmp.resolve("out/ok.ipynb")).content().contains("\"hi\\n\"");
        assertThat(tmp.resolve("out/ok.html")).isRegularFile();
    }

    @Test
    void aFailingCellExitsWithCode2AndOneLine() throws Exception {
        Path nb = tmp.resolve("bad.ipynb");
        Files.writeString(nb, NOTEBOOK.replace("CELL2", "undefinedCall();"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "notebooks", nb.toString(), "--output", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("imgcluster: error: " + nb + ": cell 2: does not compile (line 1): "
                + "cannot find symbol").doesNotContain("\n");
    }
}
