package org.imgcluster.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.bytedeco.javacpp.Pointer;

/**
 * Peak memory of a step: Java heap in use plus JavaCPP's off-heap bytes (where ND4J keeps its arrays), sampled every
 * few milliseconds on a daemon thread. The heap part counts live objects, not what the JVM has reserved.
 */
public final class MemoryProbe implements AutoCloseable {
    private static final long PERIOD_MS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long peak;

    private MemoryProbe() {
        peak = now();
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, now());
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling after a garbage collection, so the baseline is what is live now. */
    public static MemoryProbe start() {
        System.gc();
        return new MemoryProbe();
    }

    private long now() {
        return memory.getHeapMemoryUsage().getUsed() + Pointer.totalBytes();
    }

    /** The largest heap-plus-off-heap use seen so far, in bytes. */
    public long peakBytes() {
        return Math.max(peak, now());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
