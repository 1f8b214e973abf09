package org.imgcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import smile.math.blas.BLAS;
import smile.math.matrix.Matrix;

/**
 * ND4J and Smile share one JavaCPP/OpenBLAS line: both start in one fresh JVM, compute right, and JavaCPP prints no
 * "Versions of org.bytedeco... do not match" warning (a fresh JVM, because that warning appears only at first load).
 */
class NativeStackTest {

    /** Runs in the child JVM: an ND4J GEMM and Smile's LAPACK-backed inverse, printed for the parent to check. */
    public static void main(String[] args) {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.createFromArray(new float[][] {{5, 6}, {7, 8}});
        System.out.println("nd4j " + a.mmul(b).toString().replaceAll("\\s+", ""));
        Matrix m = Matrix.of(new double[][] {{4, 7}, {2, 6}});
        Matrix inv = m.inverse();
        System.out.printf("smile %.1f %.1f %.1f %.1f %s%n", inv.get(0, 0), inv.get(0, 1), inv.get(1, 0), inv.get(1, 1),
                BLAS.engine.getClass().getSimpleName());
    }

    @Test
    void nd4jAndSmileLoadOneJavacppVersionAndComputeRight() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                NativeStackTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("nd4j [[19.0000,22.0000],[43.0000,50.0000]]");
        // inverse of [[4,7],[2,6]] is [[0.6,-0.7],[-0.2,0.4]]; Smile must run on OpenBLAS, not a Java fallback.
        assertThat(out).contains("smile 0.6 -0.7 -0.2 0.4 OpenBLAS");
        assertThat(out).doesNotContainIgnoringCase("do not match");
    }
}
