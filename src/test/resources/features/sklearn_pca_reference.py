#!/usr/bin/env python3
"""Reference numbers for the tests of org.imgcluster.features.Pca, from scikit-learn (1.2.1 when they were taken).

Run:  /usr/bin/python3 src/test/resources/features/sklearn_pca_reference.py [IMGCLUSTER_DATA folder] [--fixture-only]
The small fixture is made by a formula that PcaFixture.java repeats exactly (integer hashes, float64 arithmetic in
the same order, one rounding to float32), so no data file is needed. The fixture references are fitted on float64
copies of the float32 data (the exact answer for that data); the script also prints how far scikit-learn's own float32
fit lies from them, which is the scale the Java tolerances are set against. The real-data part needs MNIST and
Fashion-MNIST (IDX .gz) under the folder given, default ../shared/datasets.
"""
import gzip
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.decomposition import PCA

N, D = 200, 16
SCALES = [3.0, 2.0, 1.2, 0.7]
ROWS = [0, 1, 100, 199]


def h(a, b, c):
    """Integer hash to [-0.5, 0.5); PcaFixture.hash in Java."""
    return ((a * a * 31 + a * b * 7919 + b * b * 104729 + c * 1299709) % 2003) / 2003.0 - 0.5


def fixture():
    """N x D float32: 0.5 + four planted factors of decreasing scale + small noise; PcaFixture.data in Java."""
    x = np.empty((N, D), np.float32)
    for i in range(N):
        for j in range(D):
            s = 0.5
            for f in range(len(SCALES)):
                s += SCALES[f] * h(i, f, 1) * h(f, j, 2)
            s += 0.1 * h(i, j, 3)
            x[i, j] = np.float32(s)
    return x


def java(a):
    a = np.atleast_2d(np.asarray(a, np.float64))
    rows = ['{' + ', '.join(repr(float(v)) for v in r) + '}' for r in a]
    return '{' + ',\n    '.join(rows) + '}' if len(rows) > 1 else rows[0]


def fixture_references():
    x = fixture()
    x64 = x.astype(np.float64)
    print(f"fixture: sum={x64.sum()!r} x[0,0]={float(x[0, 0])!r} x[199,15]={float(x[199, 15])!r}")
    full = PCA().fit(x64)
    print(f"all: explained_variance = {java(full.explained_variance_)}")
    print(f"all: explained_variance_ratio = {java(full.explained_variance_ratio_)}")
    four = PCA(n_components=4).fit(x64)
    print(f"k4: components = {java(four.components_)}")
    print(f"k4: explained_variance = {java(four.explained_variance_)}")
    print(f"k4: explained_variance_ratio = {java(four.explained_variance_ratio_)}")
    print(f"k4: singular_values = {java(four.singular_values_)}")
    print(f"k4: noise_variance = {four.noise_variance_!r}")
    print(f"k4: transform rows {ROWS} = {java(four.transform(x64[ROWS]))}")
    print(f"k4: inverse_transform rows {ROWS} = {java(four.inverse_transform(four.transform(x64[ROWS])))}")
    white = PCA(n_components=4, whiten=True).fit(x64)
    print(f"k4 whiten: transform rows {ROWS} = {java(white.transform(x64[ROWS]))}")
    print(f"k4 whiten: inverse_transform rows {ROWS} = {java(white.inverse_transform(white.transform(x64[ROWS])))}")
    # d > n: the Java side takes the Gram-matrix path.
    few = x64[:10]
    gram = PCA(n_components=3).fit(few)
    print(f"gram (rows 0..9): explained_variance = {java(PCA().fit(few).explained_variance_)}")
    print(f"gram: components = {java(gram.components_)}")
    print(f"gram: transform rows 0, 9 = {java(gram.transform(few[[0, 9]]))}")
    scores = np.sort(np.abs(gram.transform(few)), axis=0)
    print(f"gram: relative margin of the largest |score| per component (sign decision) {(scores[-1] - scores[-2]) / scores[-1]}")
    for target in (0.95, 0.99):
        print(f"variance {target}: n_components = {PCA(n_components=target).fit(x64).n_components_}")
    # How far scikit-learn's own float32 fit lies from the float64 answer: the scale of float32 error.
    f32 = PCA(n_components=4).fit(x)
    w32 = PCA(n_components=4, whiten=True).fit(x)
    print("float32 vs float64 max abs diff: "
          f"components {np.abs(f32.components_ - four.components_).max():.2e}, "
          f"explained_variance {np.abs(f32.explained_variance_ - four.explained_variance_).max():.2e}, "
          f"transform {np.abs(f32.transform(x) - four.transform(x64)).max():.2e}, "
          f"whitened {np.abs(w32.transform(x) - white.transform(x64)).max():.2e}, "
          f"inverse {np.abs(f32.inverse_transform(f32.transform(x)) - four.inverse_transform(four.transform(x64))).max():.2e}")


def idx_images(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[k:k + 4], 'big') for k in (4, 8, 12))
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, rows * cols)


def real_data_references(folder):
    for name in ('fashion-mnist', 'mnist'):
        x = idx_images(folder / name / 'train-images-idx3-ubyte.gz').astype(np.float32) / np.float32(255)
        start = time.perf_counter()
        p32 = PCA(n_components=0.95).fit(x)
        seconds = time.perf_counter() - start
        p64 = PCA().fit(x.astype(np.float64))
        cumsum = np.cumsum(p64.explained_variance_ratio_)
        k = p32.n_components_
        print(f"{name} train {x.shape}: PCA(0.95) float32 n_components={k} ({seconds:.2f} s), float64 "
              f"n_components={np.searchsorted(cumsum, 0.95, side='right') + 1}; cumulative ratio at {k - 1}, {k}: "
              f"{cumsum[k - 2]!r}, {cumsum[k - 1]!r}")
        print(f"{name}: explained_variance_ratio[0] float32={float(p32.explained_variance_ratio_[0])!r} "
              f"float64={p64.explained_variance_ratio_[0]!r}; explained_variance[0] float64="
              f"{p64.explained_variance_[0]!r}")


print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}")
fixture_references()
if '--fixture-only' not in sys.argv:
    folders = [a for a in sys.argv[1:] if not a.startswith('--')]
    real_data_references(Path(folders[0] if folders else '../shared/datasets'))
