package org.imgcluster.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.nd4j.linalg.factory.Nd4j;

import picocli.CommandLine;

/** What {@code imgcluster --version} prints: our version, the libraries', the JVM, and ND4J's backend. */
final class VersionInfo implements CommandLine.IVersionProvider {
    static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("/imgcluster-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Override
    public String[] getVersion() {
        Properties p = buildProperties();
        var backend = Nd4j.getBackend();
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        return new String[] {
            "imgcluster " + p.getProperty("version", "unknown"),
            "Deeplearning4j/ND4J " + p.getProperty("dl4j.version") + ", Smile " + p.getProperty("smile.version"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "ND4J backend: " + env.get("backend") + " (" + backend.getClass().getSimpleName() + "), BLAS: "
                    + env.get("blas.vendor") + ", threads: " + env.get("omp.threads") + ", cores: " + env.get("cores"),
        };
    }
}
