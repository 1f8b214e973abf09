#!/usr/bin/env python3
"""umap-learn 0.5.3 reference numbers for UmapTest (run: /usr/bin/python3 umap_reference.py).

The fixture is computed the same way in UmapTest.fixture(): 60 points in 3-D, float32,
x_i = (3 sin(0.7 i) + 0.05 i, 2 cos(1.3 i), 0.5 (i mod 7)). Neighbours are exact (brute force, the point
itself first), as our KnnGraph finds them, so the fuzzy graph can be compared weight by weight.
"""
import numpy as np
from sklearn.neighbors import NearestNeighbors
from umap.umap_ import find_ab_params, fuzzy_simplicial_set

i = np.arange(60)
X = np.stack([3 * np.sin(0.7 * i) + 0.05 * i, 2 * np.cos(1.3 * i), 0.5 * (i % 7)], axis=1).astype(np.float32)
dist, ind = NearestNeighbors(n_neighbors=15, algorithm="brute").fit(X).kneighbors(X)
assert (ind[:, 0] == i).all()
graph, sigmas, rhos = fuzzy_simplicial_set(X, 15, np.random.RandomState(0), "euclidean",
                                           knn_indices=ind, knn_dists=dist.astype(np.float32))
graph = graph.tocsr()
graph.sort_indices()
print("edges", graph.nnz)
print("weight sum %.9f" % graph.data.sum())
for row in (0, 17, 59):
    s, e = graph.indptr[row], graph.indptr[row + 1]
    print("row", row, "columns", list(graph.indices[s:e]))
    print("row", row, "weights", ", ".join("%.7f" % w for w in graph.data[s:e]))
a, b = find_ab_params(1.0, 0.1)
print("a b (spread 1, min_dist 0.1): %.10f %.10f" % (a, b))
a, b = find_ab_params(1.0, 0.5)
print("a b (spread 1, min_dist 0.5): %.10f %.10f" % (a, b))
