package org.imgcluster.features;

/**
 * The low-dimensional similarity 1/(1 + a·d^2b) of UMAP, with a and b fitted as umap-learn's {@code find_ab_params}
 * does: least squares against 1 for d < min_dist and exp(−(d − min_dist)/spread) beyond, on 300 points evenly over
 * [0, 3·spread], from a = b = 1 (scipy's {@code curve_fit} start), here by Levenberg–Marquardt on the 2×2 normal
 * equations. For min_dist 0.1 and spread 1 this gives a ≈ 1.577, b ≈ 0.895.
 */
record UmapCurve(double a, double b) {
    private static final int POINTS = 300;
    private static final int MAX_STEPS = 200;

    static UmapCurve fit(double spread, double minDist) {
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = 3 * spread * i / (POINTS - 1);
            y[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double damping = 1e-3;
        double error = squaredError(x, y, a, b);
        for (int step = 0; step < MAX_STEPS && damping < 1e12; step++) {
            double aa = 0;
            double ab = 0;
            double bb = 0;
            double ga = 0;
            double gb = 0;
            for (int i = 0; i < POINTS; i++) {
                double power = x[i] > 0 ? Math.pow(x[i], 2 * b) : 0;
                double denominator = 1 + a * power;
                double residual = y[i] - 1 / denominator;
                double da = -power / (denominator * denominator);
                double db = x[i] > 0 ? -2 * a * power * Math.log(x[i]) / (denominator * denominator) : 0;
                aa += da * da;
                ab += da * db;
                bb += db * db;
                ga += da * residual;
                gb += db * residual;
            }
            double daa = aa * (1 + damping);
            double dbb = bb * (1 + damping);
            double determinant = daa * dbb - ab * ab;
            double stepA = (ga * dbb - gb * ab) / determinant;
            double stepB = (gb * daa - ga * ab) / determinant;
            double trial = squaredError(x, y, a + stepA, b + stepB);
            if (trial < error) {
                boolean converged = error - trial < 1e-15 * (1 + error);
                a += stepA;
                b += stepB;
                error = trial;
                damping /= 10;
                if (converged) {
                    break;
                }
            } else {
                damping *= 10;
            }
        }
        return new UmapCurve(a, b);
    }

    private static double squaredError(double[] x, double[] y, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - 1 / (1 + a * (x[i] > 0 ? Math.pow(x[i], 2 * b) : 0));
            sum += r * r;
        }
        return sum;
    }
}
