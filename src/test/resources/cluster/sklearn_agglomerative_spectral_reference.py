#!/usr/bin/env python3
"""Reference numbers for the tests of agglomerative and spectral clustering, from scikit-learn (1.2.1) and scipy
(1.10.1) when they were taken.

Run:  /usr/bin/python3 src/test/resources/cluster/sklearn_agglomerative_spectral_reference.py
Every fixture is made by a formula that ClusterFixtures.java repeats exactly (integer LCG, then one double → float32
rounding per value), so no data file is needed. Each printed line names the fixture and the numbers the tests hold.
Labels print as one digit per point; the tests compare partitions, not label numbers.
"""
import gzip
import math
import os
import warnings

import numpy as np
from scipy.cluster.hierarchy import linkage, ward
from scipy.sparse.csgraph import connected_components, laplacian
from sklearn.cluster import AgglomerativeClustering, KMeans, SpectralClustering
from sklearn.metrics import adjusted_rand_score
from sklearn.metrics.pairwise import rbf_kernel
from sklearn.neighbors import kneighbors_graph


class Lcg:
    """The C-library LCG; ClusterFixtures.Lcg in Java."""

    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (1103515245 * self.s + 12345) % 2 ** 31
        return self.s

    def uniform(self):
        """A double in [0, 1) on a grid of 2^-20."""
        return (self.next() >> 8) % 2 ** 20 / 2 ** 20


def blobs(n, scale):
    """n×5: five blob centres on an integer grid times scale, uniform noise in [-2, 2) per feature; uneven sizes."""
    rng = Lcg(42)
    x = np.zeros((n, 5), np.float32)
    truth = np.zeros(n, int)
    for i in range(n):
        k = rng.next() % 7 % 5
        truth[i] = k
        for t in range(5):
            centre = (k * 7 + t * 3) % 11 - 5
            x[i, t] = np.float32(scale * centre + 4 * rng.uniform() - 2)
    return x, truth


def rings():
    """600×2: concentric rings of radius 1, 2, 3 with 100, 200, 300 points, radial noise in [-0.1, 0.1)."""
    rng = Lcg(7)
    x = np.zeros((600, 2), np.float32)
    truth = np.zeros(600, int)
    i = 0
    for k, size in enumerate((100, 200, 300)):
        for _ in range(size):
            angle = 2 * math.pi * rng.uniform()
            radius = k + 1 + 0.2 * rng.uniform() - 0.1
            x[i] = (np.float32(radius * math.cos(angle)), np.float32(radius * math.sin(angle)))
            truth[i] = k
            i += 1
    return x, truth


def moons():
    """200×2: sklearn's two interleaved half circles (100 points each), noise in [-0.05, 0.05) per coordinate."""
    rng = Lcg(11)
    x = np.zeros((200, 2), np.float32)
    truth = np.zeros(200, int)
    for i in range(200):
        k = i // 100
        angle = math.pi * rng.uniform()
        if k == 0:
            px, py = math.cos(angle), math.sin(angle)
        else:
            px, py = 1 - math.cos(angle), 0.5 - math.sin(angle)
        x[i] = (np.float32(px + 0.1 * rng.uniform() - 0.05), np.float32(py + 0.1 * rng.uniform() - 0.05))
        truth[i] = k
    return x, truth


def components(x, n_neighbors):
    graph = kneighbors_graph(x, n_neighbors, include_self=True)
    return connected_components(0.5 * (graph + graph.T))[0]


def laplacian_eigenvalues(affinity, k):
    """The k smallest eigenvalues of the normalised Laplacian, as spectral_embedding forms it (dense, exact)."""
    lap = laplacian(affinity.toarray() if hasattr(affinity, 'toarray') else affinity.astype(np.float64), normed=True)
    np.fill_diagonal(lap, 1)
    return np.linalg.eigvalsh(lap)[:k].tolist()


def digits(labels):
    return ''.join(str(v) for v in labels)


def mnist_test_head(n):
    """The first n MNIST test images as float32 pixels / 255 (ImageSet.toUnitFloats) and their labels."""
    folder = os.path.join(os.environ.get('IMGCLUSTER_DATA', '../shared/datasets'), 'mnist')
    with gzip.open(os.path.join(folder, 't10k-images-idx3-ubyte.gz')) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)[:n]
    with gzip.open(os.path.join(folder, 't10k-labels-idx1-ubyte.gz')) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)[:n]
    return x.astype(np.float32) / np.float32(255), y


def main():
    x, truth = blobs(200, 1.0)
    print('blobs(200, 1.0) x[0] =', x[0].tolist(), 'x[199] =', x[199].tolist(),
          'sum =', float(x.astype(np.float64).sum()))
    for method in ('ward', 'complete', 'average', 'single'):
        z = ward(x) if method == 'ward' else linkage(x.astype(np.float64), method)
        print(f'{method} scipy top heights', z[-6:, 2][::-1].tolist(), 'sum', float(z[:, 2].sum()))
        for k in (3, 5, 8):
            labels = AgglomerativeClustering(k, linkage=method).fit(x).labels_
            print(f'{method} k={k}', digits(labels))
    x, truth = blobs(300, 0.7)
    labels = [SpectralClustering(5, affinity='nearest_neighbors', random_state=seed).fit(x).labels_
              for seed in range(10)]
    print('blobs(300, 0.7) components', components(x, 10), 'spectral k=5', digits(labels[0]),
          'ARI between seeds ≥', min(adjusted_rand_score(labels[0], other) for other in labels))
    graph = kneighbors_graph(x, 10, include_self=True)
    print('blobs(300, 0.7) nearest_neighbors Laplacian eigenvalues', laplacian_eigenvalues(0.5 * (graph + graph.T), 5))
    labels = [SpectralClustering(5, affinity='rbf', gamma=0.1, random_state=seed).fit(x).labels_ for seed in range(10)]
    print('blobs(300, 0.7) rbf gamma=0.1 k=5', digits(labels[0]),
          'ARI between seeds ≥', min(adjusted_rand_score(labels[0], other) for other in labels))
    print('blobs(300, 0.7) rbf gamma=0.1 Laplacian eigenvalues', laplacian_eigenvalues(rbf_kernel(x, gamma=0.1), 5))
    for name, (data, t), n_neighbors in (('rings', rings(), 20), ('moons', moons(), 10)):
        k = t.max() + 1
        spectral = SpectralClustering(k, affinity='nearest_neighbors', n_neighbors=n_neighbors,
                                      random_state=0).fit(data)
        kmeans = KMeans(k, n_init=10, random_state=0).fit(data)
        print(f'{name} x[0] =', data[0].tolist(), 'n_neighbors', n_neighbors, 'components',
              components(data, n_neighbors), 'spectral ARI', adjusted_rand_score(t, spectral.labels_),
              'kmeans ARI', adjusted_rand_score(t, kmeans.labels_))
    x, truth = mnist_test_head(2000)
    for method in ('ward', 'complete', 'average', 'single'):
        labels = AgglomerativeClustering(10, linkage=method).fit(x).labels_
        print(f'mnist test[:2000] {method} k=10 ARI vs digits', adjusted_rand_score(truth, labels))
    labels = SpectralClustering(10, affinity='nearest_neighbors', random_state=0).fit(x).labels_
    print('mnist test[:2000] spectral k=10 ARI vs digits', adjusted_rand_score(truth, labels))


if __name__ == '__main__':
    warnings.simplefilter('ignore')
    main()
