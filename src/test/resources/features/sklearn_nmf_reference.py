#!/usr/bin/env python3
"""Reference numbers for the tests of org.imgcluster.features.Nmf, from scikit-learn (1.2.1 when they were taken).

Run:  /usr/bin/python3 src/test/resources/features/sklearn_nmf_reference.py [IMGCLUSTER_DATA folder] [--fixture-only]
The small fixture is made by a formula that NmfFixture.java repeats exactly (integer hashes, float64 arithmetic in
the same order, one rounding to float32), so no data file is needed. The fixture references are computed on float64
copies of the float32 data (the exact answer for that data); the script also prints how far scikit-learn's own float32
fit lies from them, the scale the Java tolerances are set against, and the margins of the decisions a test depends on
(singular-value gaps, NNDSVD's choice of sign, the 1e-6 cut, the stopping iteration). The real-data part needs
Fashion-MNIST (IDX .gz) under the folder given, default ../shared/datasets, and takes about half a minute.
"""
import contextlib
import gzip
import io
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.decomposition import NMF
from sklearn.decomposition._nmf import _initialize_nmf

N, D, K = 150, 24, 4
NEW = 10
SCALES = [4.0, 3.0, 2.0, 1.5]
ROWS = [0, 1, 75, 149]


def h(a, b, c):
    """Integer hash to [-0.5, 0.5); PcaFixture.hash in Java."""
    return ((a * a * 31 + a * b * 7919 + b * b * 104729 + c * 1299709) % 2003) / 2003.0 - 0.5


def row(i):
    """Row i: four sparse non-negative parts (half the loadings are 0) plus small non-negative noise."""
    out = np.empty(D, np.float32)
    for j in range(D):
        s = 0.0
        for f in range(K):
            s += SCALES[f] * max(0.0, h(i, f, 11)) * max(0.0, h(f, j, 12))
        s += 0.02 * (h(i, j, 13) + 0.5)
        out[j] = np.float32(s)
    return out


def fixture(first, count):
    """Rows first..first+count-1; rows 0..N-1 are the training data, N..N+NEW-1 rows it never saw."""
    return np.array([row(i) for i in range(first, first + count)], np.float32)


def java(a):
    a = np.atleast_2d(np.asarray(a, np.float64))
    rows = ['{' + ', '.join(repr(float(v)) for v in r) + '}' for r in a]
    return '{' + ',\n    '.join(rows) + '}' if len(rows) > 1 else rows[0]


def fit_with_trace(model, x):
    """W of fit_transform, and the violation ratios scikit-learn prints with verbose=1, one per iteration."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        w = model.set_params(verbose=1).fit_transform(x)
    model.set_params(verbose=0)
    return w, [float(line.split()[-1]) for line in out.getvalue().splitlines() if line.startswith('violation:')]


def fixture_references():
    x = fixture(0, N)
    x64 = x.astype(np.float64)
    new64 = fixture(N, NEW).astype(np.float64)
    print(f"fixture: sum={x64.sum()!r} x[0,0]={float(x[0, 0])!r} x[{N - 1},{D - 1}]={float(x[-1, -1])!r} "
          f"min={float(x.min())!r} zeros={int((x == 0).sum())}")
    s = np.linalg.svd(x64, compute_uv=False)
    print(f"singular values (top {K + 2}): {s[:K + 2]}; relative gaps {-np.diff(s[:K + 1]) / s[:K]}")

    for init in ('nndsvd', 'nndsvda'):
        w, hh = _initialize_nmf(x64, K, init=init, random_state=0)
        w1, h1 = _initialize_nmf(x64, K, init=init, random_state=1)
        print(f"init {init}: W rows {ROWS} = {java(w[ROWS])}")
        print(f"init {init}: H = {java(hh)}")
        print(f"init {init}: randomized SVD seed 0 vs 1 max diff {max(np.abs(w - w1).max(), np.abs(hh - h1).max()):.2e}"
              f", zeros in W {int((w == 0).sum())}, in H {int((hh == 0).sum())}")
    # NNDSVD's choices: how far the products of norms are from a tie, how far any value is from the 1e-6 cut.
    u, sv, vt = np.linalg.svd(x64, full_matrices=False)
    for j in range(1, K):
        up, un, vp, vn = (np.linalg.norm(np.maximum(s_ * a, 0)) for s_, a in
                          ((1, u[:, j]), (-1, u[:, j]), (1, vt[j]), (-1, vt[j])))
        print(f"nndsvd pair {j}: m_p={up * vp:.4f} m_n={un * vn:.4f}")
    w, hh = _initialize_nmf(x64, K, init='nndsvd', random_state=0)
    raw = np.concatenate([w.ravel(), hh.ravel()])
    print(f"nndsvd: nearest non-zero value to the 1e-6 cut {raw[raw > 0].min():.3e}")

    model = NMF(K, init='nndsvda', solver='cd', tol=1e-4, max_iter=200, random_state=0)
    w, ratios = fit_with_trace(model, x64)
    print(f"fit: n_iter = {model.n_iter_}; violation ratios at the last three iterations {ratios[-3:]} (tol 1e-4)")
    print(f"fit: reconstruction_err = {model.reconstruction_err_!r}")
    print(f"fit: W rows {ROWS} = {java(w[ROWS])}")
    print(f"fit: H = {java(model.components_)}")
    t = model.transform(new64)
    print(f"fit: transform of the {NEW} new rows = {java(t)}")
    print(f"fit: inverse_transform of that, row 0 = {java(model.inverse_transform(t)[0])}")

    f32 = NMF(K, init='nndsvda', solver='cd', tol=1e-4, max_iter=200, random_state=0)
    w32 = f32.fit_transform(x)
    print("float32 vs float64: "
          f"n_iter {f32.n_iter_} vs {model.n_iter_}, "
          f"W {np.abs(w32 - w).max():.2e}, H {np.abs(f32.components_ - model.components_).max():.2e}, "
          f"reconstruction_err {abs(f32.reconstruction_err_ - model.reconstruction_err_):.2e}, "
          f"transform {np.abs(f32.transform(new64.astype(np.float32)) - t).max():.2e}")


def idx_images(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[k:k + 4], 'big') for k in (4, 8, 12))
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, rows * cols)


def real_data_references(folder):
    """The benchmark's NMF: NMF(10, random_state=42, max_iter=300) on the float32 Fashion-MNIST training pixels."""
    x = idx_images(folder / 'fashion-mnist' / 'train-images-idx3-ubyte.gz').astype(np.float32) / 255
    model = NMF(10, random_state=42, max_iter=300)
    start = time.perf_counter()
    w = model.fit_transform(x)
    seconds = time.perf_counter() - start
    exact = np.linalg.norm(x.astype(np.float64) - w.astype(np.float64) @ model.components_.astype(np.float64))
    print(f"fashion-mnist train {x.shape}: NMF(10, max_iter=300) fit_transform {seconds:.1f} s, "
          f"n_iter={model.n_iter_}, reconstruction_err_={float(model.reconstruction_err_)!r} (float32), "
          f"recomputed in float64 {exact!r}")


print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}")
fixture_references()
if '--fixture-only' not in sys.argv:
    folders = [a for a in sys.argv[1:] if not a.startswith('--')]
    real_data_references(Path(folders[0] if folders else '../shared/datasets'))
