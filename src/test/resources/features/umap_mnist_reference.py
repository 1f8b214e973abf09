#!/usr/bin/env python3
"""Reference for UmapRealDataTest: umap-learn 0.5.3 + scikit-learn 1.2.1 on the 10,000 MNIST test images.

Run: IMGCLUSTER_DATA=../shared/datasets /usr/bin/python3 umap_mnist_reference.py
Pixels / 255 (float32), PCA(50), UMAP with umap-learn's defaults, then KMeans(10, n_init=10); prints the NMI of
the clusters against the true digits for a few seeds.
"""
import gzip, os, time
import numpy as np
from sklearn.decomposition import PCA
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score
import umap

def idx(path):
    with gzip.open(path) as f:
        b = f.read()
    nd = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], 'big') for i in range(nd)]
    return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(dims)

d = os.path.join(os.environ.get("IMGCLUSTER_DATA", "../shared/datasets"), "mnist")
X = idx(os.path.join(d, "t10k-images-idx3-ubyte.gz")).reshape(10000, -1).astype(np.float32) / 255
y = idx(os.path.join(d, "t10k-labels-idx1-ubyte.gz")).astype(int)
Z = PCA(50, random_state=42).fit_transform(X)
for seed in (42, 0, 1):
    s = time.perf_counter()
    E = umap.UMAP(n_components=2, random_state=seed).fit_transform(Z)
    t = time.perf_counter() - s
    labels = KMeans(10, n_init=10, random_state=seed).fit_predict(E)
    print("seed %d: umap %.1f s, NMI %.4f" % (seed, t, normalized_mutual_info_score(y, labels)), flush=True)
