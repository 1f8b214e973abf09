package org.imgcluster.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.util.Optional;
import java.util.stream.IntStream;

import org.bytedeco.arpackng.global.arpack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest eigenvalues and their eigenvectors of a symmetric operator by ARPACK's implicitly restarted Lanczos
 * (dsaupd/dseupd, through the arpack-ng binding Smile ships), started from the all-ones vector, as scipy's
 * {@code eigsh(v0=ones)} is when umap-learn calls it. Smile's own {@code ARPACK.syev} lets ARPACK draw the start
 * from a seed that lives inside ARPACK and advances with every call, so one fit would start differently each time in
 * one JVM; a fixed start makes the result a function of the input. The arrays live in direct buffers, which JavaCPP
 * hands to ARPACK without copying them on each of the many reverse-communication calls.
 */
final class LanczosEigen {
    private static final Logger LOG = LoggerFactory.getLogger(LanczosEigen.class);

    /** y = A·x for the symmetric n×n A. */
    @FunctionalInterface
    interface Operator {
        void apply(double[] x, double[] y);
    }

    /** Eigenvalues in decreasing order, and eigenvector j (n values) at {@code vectors[j]}. */
    record Result(double[] values, double[][] vectors) {
    }

    private LanczosEigen() {
    }

    /**
     * The {@code count} algebraically largest eigenpairs of the n×n operator, with {@code lanczosVectors} basis vectors
     * (count < lanczosVectors ≤ n) to relative accuracy {@code tol}; empty, with a warning, when ARPACK stops without
     * them (too many restarts, or an error), so the caller can fall back as scipy's callers do.
     */
    static Optional<Result> largest(Operator a, int n, int count, int lanczosVectors, double tol, int maxRestarts) {
        IntBuffer ido = ints(1);
        IntBuffer info = ints(1).put(0, 1); // 1: the start vector is given in resid
        ByteBuffer bmat = bytes("I");
        ByteBuffer which = bytes("LA");
        DoubleBuffer resid = doubles(n);
        for (int i = 0; i < n; i++) {
            resid.put(i, 1.0);
        }
        DoubleBuffer v = doubles((long) n * lanczosVectors);
        IntBuffer iparam = ints(11).put(0, 1).put(2, maxRestarts).put(6, 1); // exact shifts, restarts, mode 1
        IntBuffer ipntr = ints(11);
        DoubleBuffer workd = doubles(3L * n);
        int lworkl = lanczosVectors * (lanczosVectors + 8);
        DoubleBuffer workl = doubles(lworkl);
        double[] x = new double[n];
        double[] y = new double[n];
        while (true) {
            arpack.dsaupd_c(ido, bmat, n, which, count, tol, resid, lanczosVectors, v, n, iparam, ipntr, workd, workl,
                    lworkl, info);
            if (ido.get(0) != -1 && ido.get(0) != 1) {
                break;
            }
            workd.get(ipntr.get(0) - 1, x);
            a.apply(x, y);
            workd.put(ipntr.get(1) - 1, y);
        }
        if (info.get(0) != 0) {
            LOG.warn("ARPACK dsaupd stopped with info {} after {} restarts ({} of {} eigenvalues converged)",
                    info.get(0), iparam.get(2), iparam.get(4), count);
            return Optional.empty();
        }
        DoubleBuffer values = doubles(count);
        DoubleBuffer vectors = doubles((long) n * count);
        info.put(0, 0);
        arpack.dseupd_c(1, bytes("A"), ints(lanczosVectors), values, vectors, n, 0.0, bmat, n, which, count, tol, resid,
                lanczosVectors, v, n, iparam, ipntr, workd, workl, lworkl, info);
        if (info.get(0) != 0 || iparam.get(4) < count) {
            LOG.warn("ARPACK dseupd returned info {} with {} of {} eigenvalues", info.get(0), iparam.get(4), count);
            return Optional.empty();
        }
        int[] order = IntStream.range(0, count).boxed()
                .sorted((p, q) -> Double.compare(values.get(q), values.get(p))).mapToInt(Integer::intValue).toArray();
        double[] sortedValues = new double[count];
        double[][] sortedVectors = new double[count][n];
        for (int j = 0; j < count; j++) {
            sortedValues[j] = values.get(order[j]);
            vectors.get(order[j] * n, sortedVectors[j]);
        }
        return Optional.of(new Result(sortedValues, sortedVectors));
    }

    private static IntBuffer ints(int length) {
        return ByteBuffer.allocateDirect(length * Integer.BYTES).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    private static DoubleBuffer doubles(long length) {
        return ByteBuffer.allocateDirect(Math.toIntExact(length * Double.BYTES)).order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
    }

    private static ByteBuffer bytes(String text) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer.put(i, (byte) text.charAt(i));
        }
        return buffer;
    }
}
