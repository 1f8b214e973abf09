package org.imgcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imgcluster.experiment.Eda;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class MainTest {
    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one command line. */
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void edaRunsOnTheEmbeddedDataAndWritesItsPage() {
        Path out = tmp.resolve("eda");
        Outcome r = run("eda", "mnist", "--split", "test", "--data-dir", tmp.resolve("nothing").toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("shape (N × H × W × C): 10,000 × 28 × 28 × 1")
                .contains("dataset: mnist, test").contains("report: " + out.toAbsolutePath().resolve(Eda.HTML));
        assertThat(out.resolve(Eda.HTML)).isRegularFile();
        assertThat(out.resolve(Eda.SAMPLES)).isRegularFile();
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        Outcome missing = run("eda", tmp.resolve("no-such.csv").toString(), "--out", tmp.resolve("o").toString());
        assertThat(missing.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(missing.err().strip()).startsWith("imgcluster: error: '" + tmp.resolve("no-such.csv"))
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(tmp.resolve("o")).doesNotExist();

        Outcome split = run("eda", "mnist", "--split", "validation");
        assertThat(split.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(split.err().strip()).isEqualTo("imgcluster: error: unknown split 'validation': expected train or test");

        assertThat(run("no-such-command").code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("eda").code()).isEqualTo(Main.EXIT_BAD_INPUT);
        Outcome name = run("fetch", "imagenet", "--dir", tmp.toString());
        assertThat(name.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(name.err()).contains("unknown dataset 'imagenet'; known: mnist, fashion-mnist, cifar10");
    }

    @Test
    void malformedFileNamesFileAndPosition() throws Exception {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "label,pixel1,pixel2,pixel3,pixel4\n1,0,0,0,0\n2,0,300,0,0\n");
        Outcome r = run("eda", csv.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(csv.toString()).contains("line 3").contains("300");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void runRefusesABrokenConfigBeforeAnyWork() throws Exception {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "output: " + tmp.resolve("runs") + "\ndataset: {name: cifar10}\nalgorithms: [kmeans]\n");
        Outcome missingKey = run("run", config.toString());
        assertThat(missingKey.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(missingKey.err().strip()).isEqualTo("imgcluster: error: " + config
                + ": algorithms[0] (kmeans): missing key 'k'");
        Files.writeString(config, "output: " + tmp.resolve("runs") + "\ndataset: {name: cifar10}\n"
                + "algorithms: [{type: kmeans, k: 10}]\n");
        Outcome noData = run("run", config.toString(), "--data-dir", tmp.resolve("none").toString());
        assertThat(noData.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(noData.err()).contains("cifar10 train split not found");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void verboseShowsTheStackTrace() {
        Outcome r = run("--verbose", "eda", "mnist", "--split", "validation");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("at org.imgcluster.data.Split.parse");
    }

    @Test
    void datasetsListsEveryNamedDatasetAndWhereItIs() {
        Outcome r = run("datasets", "--data-dir", tmp.toString());
        assertThat(r.code()).isZero();
        // Where mnist's test split is found depends on IMGCLUSTER_DATA (embedded when unset); CIFAR-10 is nowhere here.
        assertThat(r.out()).containsPattern("mnist +test +10000 +\\S")
                .containsPattern("cifar10 +train +50000 +- +not found: imgcluster fetch cifar10");
    }

    @Test
    void versionNamesTheBackend() {
        Outcome r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("imgcluster ").contains("Deeplearning4j/ND4J 1.0.0-M2.1")
                .contains("ND4J backend: CPU");
    }
}
