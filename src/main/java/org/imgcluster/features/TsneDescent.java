package org.imgcluster.features;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * scikit-learn 1.2's exact t-SNE optimisation ({@code _gradient_descent} on {@code _kl_divergence}): Student-t
 * similarities w = (1 + d²/ν)^−(ν+1)/2 with ν = max(k − 1, 1), the gradient (2(ν+1)/ν)·Σ_j (p_ij − q_ij)·w_ij·(y_i −
 * y_j), per-coordinate gains (+0.2 when the step reverses, ×0.8 otherwise, at least 0.01) and momentum. A phase
 * starts with fresh steps and gains, checks every 50 iterations and stops early when the gradient norm falls below
 * 1e-7 or the KL divergence has not improved for {@code patience} iterations, as scikit-learn's does. Each iteration
 * visits all n² ordered pairs, rows in parallel: O(n²·k) time, O(n·k) memory beyond P.
 */
final class TsneDescent {
    private static final Logger LOG = LoggerFactory.getLogger(TsneDescent.class);
    private static final int CHECK_EVERY = 50;
    /** Progress is logged at most this often. */
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;
    private static final double MIN_GRADIENT_NORM = 1e-7;
    private static final double MIN_GAIN = 0.01;
    /** Row ranges per pass: enough to balance the cores even for a few hundred rows, each of which costs n pairs. */
    private static final int TASKS = 16;

    private final float[][] p;
    private final double[] y;
    private final int n;
    private final int k;
    private final double dof;
    private final double sumP;
    private final double sumPLogP;

    /** Where a phase stopped: its last iteration (0-based, counted across phases) and the KL divergence there. */
    record Stop(int iteration, double klDivergence) {
    }

    /** Moves the n×k coordinates {@code y} (row-major) in place to fit the joint probabilities {@code p}. */
    TsneDescent(float[][] p, double[] y, int k) {
        this.p = p;
        this.y = y;
        this.n = p.length;
        this.k = k;
        this.dof = Math.max(k - 1, 1);
        double total = 0;
        double entropyTerm = 0;
        for (float[] row : p) {
            for (float v : row) {
                total += v;
                entropyTerm += v > 0 ? v * Math.log(v) : 0;
            }
        }
        this.sumP = total;
        this.sumPLogP = entropyTerm;
    }

    /**
     * Iterations {@code first} .. {@code last}−1 with P multiplied by {@code exaggeration}, stopping early after
     * {@code patience} iterations without progress.
     */
    Stop phase(int first, int last, double exaggeration, double momentum, double learningRate, int patience) {
        double[] step = new double[n * k];
        double[] gains = new double[n * k];
        Arrays.fill(gains, 1);
        double[] gradient = new double[n * k];
        double best = Double.POSITIVE_INFINITY;
        int bestIteration = first;
        double error = Double.NaN;
        long lastReport = System.nanoTime();
        int i = first;
        for (; i < last; i++) {
            boolean check = (i + 1) % CHECK_EVERY == 0 || i == last - 1;
            error = objective(exaggeration, check, gradient);
            double squaredNorm = 0;
            for (int t = 0; t < gradient.length; t++) {
                gains[t] = step[t] * gradient[t] < 0 ? gains[t] + 0.2 : Math.max(MIN_GAIN, gains[t] * 0.8);
                double scaled = gains[t] * gradient[t];
                squaredNorm += scaled * scaled; // scikit-learn checks the norm of the gain-scaled gradient
                step[t] = momentum * step[t] - learningRate * scaled;
                y[t] += step[t];
            }
            if (!check) {
                continue;
            }
            if (System.nanoTime() - lastReport > REPORT_EVERY_NANOS) {
                lastReport = System.nanoTime();
                LOG.info("t-SNE: iteration {}, KL divergence {}, gradient norm {}", i + 1, error,
                        Math.sqrt(squaredNorm));
            }
            if (error < best) {
                best = error;
                bestIteration = i;
            } else if (i - bestIteration > patience) {
                break;
            }
            if (Math.sqrt(squaredNorm) <= MIN_GRADIENT_NORM) {
                break;
            }
        }
        return new Stop(Math.min(i, last - 1), error);
    }

    /**
     * scikit-learn's {@code _kl_divergence}: the gradient at the current coordinates into {@code out} and, when
     * {@code withError}, the KL divergence Σ p log(p/q) of the exaggerated P (NaN otherwise). With q = w/Z the gradient
     * is (2(ν+1)/ν)·(e·Σ_j p·w·Δ − Σ_j w²·Δ / Z), so one pass over each row collects its two sums and its part of
     * Z = Σ w (and of Σ p·log w). Rows are summed on their own and Z in row order, so the result does not depend on how
     * rows are shared among threads.
     */
    double objective(double exaggeration, boolean withError, double[] out) {
        double[] repulsion = new double[n * k];
        double[] rowZ = new double[n];
        double[] rowPLogW = new double[n];
        double exponent = -(dof + 1) / 2;
        IntStream.range(0, TASKS).parallel().forEach(task -> {
            double[] delta = new double[k];
            double[] own = new double[k];
            double[] pull = new double[k];
            double[] push = new double[k];
            for (int i = (int) ((long) task * n / TASKS), to = (int) ((long) (task + 1) * n / TASKS); i < to; i++) {
                float[] pi = p[i];
                System.arraycopy(y, i * k, own, 0, k);
                Arrays.fill(pull, 0);
                Arrays.fill(push, 0);
                double z = 0;
                double pLogW = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double d2 = 0;
                    for (int t = 0; t < k; t++) {
                        delta[t] = own[t] - y[j * k + t];
                        d2 += delta[t] * delta[t];
                    }
                    double base = 1 + d2 / dof;
                    double w = dof == 1 ? 1 / base : dof == 2 ? 1 / (base * Math.sqrt(base)) : Math.pow(base, exponent);
                    double pw = pi[j] * w;
                    double ww = w * w;
                    for (int t = 0; t < k; t++) {
                        pull[t] += pw * delta[t];
                        push[t] += ww * delta[t];
                    }
                    z += w;
                    if (withError) {
                        pLogW += pi[j] * Math.log(w);
                    }
                }
                System.arraycopy(pull, 0, out, i * k, k);
                System.arraycopy(push, 0, repulsion, i * k, k);
                rowZ[i] = z;
                rowPLogW[i] = pLogW;
            }
        });
        double z = 0;
        double pLogW = 0;
        for (int i = 0; i < n; i++) {
            z += rowZ[i];
            pLogW += rowPLogW[i];
        }
        double scale = 2 * (dof + 1) / dof;
        for (int t = 0; t < out.length; t++) {
            out[t] = scale * (exaggeration * out[t] - repulsion[t] / z);
        }
        if (!withError) {
            return Double.NaN;
        }
        // Σ ep·log(ep/q) with q = w/Z: e·(Σ p log p + log e·Σ p − Σ p log w + log Z·Σ p).
        return exaggeration * (sumPLogP + (Math.log(exaggeration) + Math.log(z)) * sumP - pLogW);
    }
}
