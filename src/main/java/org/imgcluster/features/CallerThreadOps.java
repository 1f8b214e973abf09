package org.imgcluster.features;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A scope in which libnd4j runs each op on the calling thread alone. After a parallel op ND4J's OpenMP threads
 * spin-wait (GOMP's default wait policy), and OpenBLAS's threads busy-wait after each product; on 2 cores a training
 * step that alternates the two lets each pool starve the other. Measured on the dense32 epoch (60,000 Fashion-MNIST
 * images, 2 cores): 0.6–1.1 s at batch 2,056 and 0.5–2.1 s at batch 256 with both pools; 0.41 s and 0.39–0.46 s with
 * ND4J's ops on the caller, as with {@code OMP_WAIT_POLICY=PASSIVE} (0.38–0.41 s). The setting is global to ND4J, so
 * the scope restores it.
 */
final class CallerThreadOps implements AutoCloseable {
    private final Environment environment = Nd4j.getEnvironment();
    private final int previous = environment.maxMasterThreads();

    CallerThreadOps() {
        environment.setMaxMasterThreads(1);
    }

    @Override
    public void close() {
        environment.setMaxMasterThreads(previous);
    }
}
