#!/usr/bin/env python3
"""Reference numbers for the tests of org.imgcluster.cluster.GaussianMixture, from scikit-learn (1.2.1 when taken).

Run from the project root:  /usr/bin/python3 src/test/resources/cluster/sklearn_gmm_reference.py
It writes gmm_fixture.csv (the fixture's points as float32 text, which Java reads back exactly) and prints the
numbers GaussianMixtureSklearnTest and GaussianMixtureRealDataTest hold, as Java literals. sklearn runs in float64 on
the same float32 values. Every fit starts from explicit weights_init, means_init and precisions_init, so no random
draw is involved. EM's lower bound converges geometrically, so each covariance type gets its own tol: the geometric
mean of its lower-bound changes at the two iterations around where they fall below 1e-4, which puts tol as far as
possible from both (the printed margins), so that n_iter cannot flip on float32 rounding.
"""
import gzip
import warnings

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

warnings.simplefilter('ignore')
HERE = 'src/test/resources/cluster/'

# --- the fixture: three overlapping 3-D Gaussians, 240 points ---------------------------------------------------
rng = np.random.default_rng(20240601)
centers = np.array([[0.0, 0.0, 0.0], [2.5, 1.0, -1.0], [0.5, 3.0, 1.5]])
scales = [np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.0, 0.3, 0.5]]),
          np.array([[0.7, 0.0, 0.0], [-0.2, 1.1, 0.0], [0.4, 0.0, 0.6]]),
          np.array([[1.2, 0.0, 0.0], [0.0, 0.5, 0.0], [-0.5, 0.2, 0.9]])]
counts = [70, 80, 90]
points = np.vstack([centers[c] + rng.standard_normal((counts[c], 3)) @ scales[c].T for c in range(3)])
points = points[rng.permutation(len(points))].astype(np.float32)
with open(HERE + 'gmm_fixture.csv', 'w') as f:
    for row in points:
        f.write(','.join('%.9g' % v for v in row) + '\n')
X = np.loadtxt(HERE + 'gmm_fixture.csv', delimiter=',', dtype=np.float32).astype(np.float64)
assert np.array_equal(X, points.astype(np.float64))

K, D = 3, 3
WEIGHTS = np.array([0.2, 0.3, 0.5])
MEANS = np.array([[-1.0, 0.0, 0.0], [3.0, 0.0, 0.0], [0.0, 2.0, 1.0]])
PRECISIONS = {
    'full': np.array([np.eye(D) * 0.5, np.eye(D) * 0.5 + 0.1, np.eye(D)]),
    'tied': np.eye(D) * 0.5 + 0.1,
    'diag': np.array([[0.5, 0.5, 0.5], [1.0, 0.5, 0.25], [1.0, 1.0, 1.0]]),
    'spherical': np.array([0.5, 0.8, 1.0]),
}
REG_COVAR = 0.01  # large enough that mishandling it shows at the tests' tolerance
QUERIES = np.array([[0.0, 0.0, 0.0], [2.5, 1.0, -1.0], [1.0, 1.5, 0.5], [-3.0, 4.0, 2.0], [1.25, 0.5, -0.5]])


def java(values):
    return 'new double[] {%s}' % ', '.join('%.17g' % v for v in np.asarray(values, dtype=float).ravel())


def fit(x, covariance_type, weights, means, precisions, tol, max_iter=500, reg_covar=1e-6):
    return GaussianMixture(n_components=len(weights), covariance_type=covariance_type, tol=tol, max_iter=max_iter,
                           reg_covar=reg_covar,
                           weights_init=weights, means_init=means, precisions_init=precisions,
                           random_state=0).fit(x)


def changes(x, covariance_type, weights, means, precisions, max_iter, reg_covar):
    """|change of the lower bound| at iterations 1..max_iter (the first is infinite)."""
    bounds = [fit(x, covariance_type, weights, means, precisions, tol=0, max_iter=m, reg_covar=reg_covar).lower_bound_
              for m in range(1, max_iter + 1)]
    return np.abs(np.diff(np.concatenate([[-np.inf], bounds])))


def stop_margins(x, covariance_type, weights, means, precisions, tol, n_iter, reg_covar):
    """|change| / tol at the last two iterations: the last must be well below 1, the one before well above."""
    return changes(x, covariance_type, weights, means, precisions, n_iter, reg_covar)[-2:] / tol


def centred_tol(x, covariance_type, weights, means, precisions, level, reg_covar):
    ch = changes(x, covariance_type, weights, means, precisions, 200, reg_covar)
    n = int(np.argmax(ch < level))
    return float('%.3g' % np.sqrt(ch[n - 1] * ch[n]))


print('    // scikit-learn', sklearn.__version__, 'numpy', np.__version__)
for t in ['full', 'tied', 'diag', 'spherical']:
    tol = centred_tol(X, t, WEIGHTS, MEANS, PRECISIONS[t], 1e-4, REG_COVAR)
    gm = fit(X, t, WEIGHTS, MEANS, PRECISIONS[t], tol, reg_covar=REG_COVAR)
    print('    // n_iter %d, converged %s, |change|/tol at the last two iterations %s'
          % (gm.n_iter_, gm.converged_, stop_margins(X, t, WEIGHTS, MEANS, PRECISIONS[t], tol, gm.n_iter_, REG_COVAR)))
    fields = [repr(tol), java(gm.weights_), java(gm.means_), java(gm.covariances_), java(gm.precisions_cholesky_),
              '%.17g' % gm.lower_bound_, str(gm.n_iter_), '%.17g' % gm.score(X), '%.17g' % gm.bic(X),
              '%.17g' % gm.aic(X), '"%s"' % ''.join(str(v) for v in gm.predict(X)),
              java(gm.predict_proba(QUERIES)), java(gm.score_samples(QUERIES))]
    print('    static final Fit %s = new Fit(%s);' % (t.upper(), ',\n            '.join(fields)))


# --- real data: MNIST test split (the copy embedded in the jar), 4×4 average pooling to 7×7 = 49 features --------
with gzip.open('data/mnist/t10k-images-idx3-ubyte.gz') as f:
    images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(10000, 28, 28)
sums = images.reshape(10000, 7, 4, 7, 4).astype(np.int64).sum(axis=(2, 4)).reshape(10000, 49)
pooled = (sums.astype(np.float32) / np.float32(4080)).astype(np.float64)
starts = pooled[::1000]
gm = fit(pooled, 'diag', np.full(10, 0.1), starts, np.full((10, 49), 20.0), tol=1e-3, max_iter=300)
print('    // MNIST test 7x7 diag, 10 components, means_init = rows 0, 1000, ..., 9000, precisions 20, weights 0.1:')
print('    // n_iter %d, converged %s, |change|/tol at the last two iterations %s'
      % (gm.n_iter_, gm.converged_, stop_margins(pooled, 'diag', np.full(10, 0.1), starts, np.full((10, 49), 20.0),
                                                1e-3, gm.n_iter_, 1e-6)))
print('    static final double MNIST_SCORE = %.17g;' % gm.score(pooled))
print('    static final double MNIST_LOWER_BOUND = %.17g;' % gm.lower_bound_)
