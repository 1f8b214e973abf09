package org.imgcluster.cli;

import java.util.Map;

import org.imgcluster.data.BuildInfo;
import org.nd4j.linalg.factory.Nd4j;

import picocli.CommandLine;

/** What {@code imgcluster --version} prints: our version, the libraries', the JVM, and ND4J's backend. */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Map<String, String> v = BuildInfo.versions();
        var backend = Nd4j.getBackend();
        var env = Nd4j.getExecutioner().getEnvironmentInformation();
        return new String[] {
            "imgcluster " + v.get("imgcluster"),
            "Deeplearning4j/ND4J " + v.get("deeplearning4j") + ", Smile " + v.get("smile"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
            "ND4J backend: " + env.get("backend") + " (" + backend.getClass().getSimpleName() + "), BLAS: "
                    + env.get("blas.vendor") + ", threads: " + env.get("omp.threads") + ", cores: " + env.get("cores"),
        };
    }
}
