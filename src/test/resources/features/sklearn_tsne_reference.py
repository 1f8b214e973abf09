#!/usr/bin/env python3
"""scikit-learn 1.2.1 reference numbers for TsneTest (run: /usr/bin/python3 sklearn_tsne_reference.py).

The fixture is computed the same way in TsneTest.fixture(): 150 points in 5-D, float32,
x_ij = sin(0.37 (i+1)(j+1)) + 3·[i mod 3 = j mod 3]. Prints entries of the exact method's joint probabilities
P, the KL divergence TSNE(method="exact", init="pca", learning_rate="auto") reaches in 2-D and 3-D (from float32
and float64 input), and the objective with its gradient at fixed coordinates.
"""
import numpy as np
from scipy.spatial.distance import squareform
from sklearn.manifold import TSNE
from sklearn.manifold._t_sne import _joint_probabilities
from sklearn.metrics import pairwise_distances

i = np.arange(150)[:, None]
j = np.arange(5)[None, :]
X = (np.sin(0.37 * (i + 1) * (j + 1)) + 3.0 * ((i % 3) == (j % 3))).astype(np.float32)
P = squareform(_joint_probabilities(pairwise_distances(X, squared=True), 30.0, 0))
print("P sum %.9f" % P.sum())
for a, b in ((0, 1), (0, 3), (5, 77), (149, 146), (10, 11)):
    print("P[%d,%d] = %.9e" % (a, b, P[a, b]))
for k in (2, 3):
    t = TSNE(k, method="exact", init="pca", learning_rate="auto", random_state=0).fit(X)
    print("n_components %d: KL %.6f after %d iterations" % (k, t.kl_divergence_, t.n_iter_ + 1))

# The objective and its gradient at fixed coordinates y_it = sin(0.5 i + t), float64: no optimisation, no chaos.
from sklearn.manifold._t_sne import _kl_divergence
Pc = _joint_probabilities(pairwise_distances(X, squared=True), 30.0, 0)
for k in (2, 3):
    Y = np.sin(0.5 * np.arange(150)[:, None] + np.arange(k)[None, :])
    kl, grad = _kl_divergence(Y.ravel(), Pc, max(k - 1, 1), 150, k)
    print("n_components %d at sin(0.5 i + t): KL %.9f, |grad| %.9e, grad[0] %.9e, grad[%d] %.9e"
          % (k, kl, np.linalg.norm(grad), grad[0], 3 * k + 1, grad[3 * k + 1]))
for k in (2, 3):
    t = TSNE(k, method="exact", init="pca", learning_rate="auto", random_state=0).fit(X.astype(np.float64))
    print("n_components %d, float64 input: KL %.6f" % (k, t.kl_divergence_))
