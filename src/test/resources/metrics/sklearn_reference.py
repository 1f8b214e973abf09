#!/usr/bin/env python3
"""Reference numbers for the tests of org.imgcluster.metrics, from scikit-learn (1.2.1 when they were taken).

Run:  /usr/bin/python3 src/test/resources/metrics/sklearn_reference.py
Every fixture is made by a formula that the Java tests repeat exactly (integer arithmetic, float32 operations),
so no data file is needed. Each printed line names the fixture and the numbers the tests hold.
"""
import numpy as np
import sklearn
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import (adjusted_mutual_info_score, adjusted_rand_score, classification_report,
                             mutual_info_score, normalized_mutual_info_score, silhouette_samples, silhouette_score)


def lcg_ids(n, k, seed):
    """n ids in 0..k-1 from the C-library LCG; MetricFixtures.lcgIds in Java."""
    s, out = seed, []
    for _ in range(n):
        s = (1103515245 * s + 12345) % 2 ** 31
        out.append((s >> 16) % k)
    return np.array(out)


PERMUTATION = np.array([3, 7, 1, 9, 0, 5, 2, 8, 4, 6])


def noisy(truth, k, seed):
    """Mostly the permuted truth (ids shifted by 100); one point in three gets a random cluster of k."""
    u = lcg_ids(len(truth), 3, seed)
    r = lcg_ids(len(truth), k, seed + 1)
    return np.where(u == 0, r, PERMUTATION[truth] % k) + 100


TRUTH = lcg_ids(200, 10, 1)
FIXTURES = {
    'random_k10': (TRUTH, lcg_ids(200, 10, 2)),
    'random_k7': (TRUTH, lcg_ids(200, 7, 3)),
    'random_k15': (TRUTH, lcg_ids(200, 15, 4)),
    'noisy_k8': (TRUTH, noisy(TRUTH, 8, 5)),
    'noisy_k12': (TRUTH, noisy(TRUTH, 12, 7)),
    'perfect': (TRUTH, TRUTH),
    'permuted': (TRUTH, PERMUTATION[TRUTH] + 100),
    'single_cluster': (TRUTH, np.zeros(200, int)),
    'single_both': (np.full(200, 4), np.full(200, 9)),
}


def weights(truth, clusters):
    _, c = np.unique(clusters, return_inverse=True)
    _, y = np.unique(truth, return_inverse=True)
    w = np.zeros((c.max() + 1, y.max() + 1), np.int64)
    np.add.at(w, (c, y), 1)
    return w


def hungarian(truth, clusters):
    """ACC as ../shared/peers/sk_peer.py's acc(), on the rectangular table, with the cluster → label mapping."""
    w = weights(truth, clusters)
    rows, cols = linear_sum_assignment(-w)
    return w[rows, cols].sum() / len(truth), dict(zip(np.unique(clusters)[rows], np.unique(truth)[cols])), w


def unique_optimum(w):
    """True when no other matching reaches the optimum (forbidding any matched pair lowers it)."""
    rows, cols = linear_sum_assignment(-w)
    best = w[rows, cols].sum()
    for r, c in zip(rows, cols):
        v = w.astype(float)
        v[r, c] = -1e9
        rr, cc = linear_sum_assignment(-v)
        if v[rr, cc].sum() >= best:
            return False
    return True


def majority(truth, clusters):
    w = weights(truth, clusters)
    return w.max(axis=1).sum() / len(truth)


def java_ints(a):
    return '{' + ', '.join(str(int(v)) for v in a) + '}'


print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}")
for name, (y, c) in FIXTURES.items():
    acc, _, _ = hungarian(y, c)
    print(f"{name}: acc={acc!r} majority={majority(y, c)!r} mi={mutual_info_score(y, c)!r} "
          f"nmi={normalized_mutual_info_score(y, c)!r} ami={adjusted_mutual_info_score(y, c)!r} "
          f"ari={adjusted_rand_score(y, c)!r}")

# Classification reports: the Hungarian mapping must be the only optimum, or the per-class numbers would depend on
# which of the tied matchings a solver returns.
NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
for name in ('noisy_k8', 'noisy_k12'):
    y, c = FIXTURES[name]
    acc, mapping, w = hungarian(y, c)
    assert unique_optimum(w), name
    predicted = np.array([mapping.get(v, -1) for v in c])
    report = classification_report(y, predicted, labels=np.unique(y), zero_division=0, output_dict=True)
    print(f"report {name}: accuracy={acc!r}")
    for label in np.unique(y):
        r = report[str(label)]
        print(f"  {label}: {r['precision']!r}, {r['recall']!r}, {r['f1-score']!r}, {r['support']}")
    for avg in ('macro avg', 'weighted avg'):
        r = report[avg]
        print(f"  {avg}: {r['precision']!r}, {r['recall']!r}, {r['f1-score']!r}, {r['support']}")
    if set(predicted) <= set(y):  # all clusters matched: sklearn's own text has the accuracy line
        print(classification_report(y, predicted, target_names=NAMES, zero_division=0))


def silhouette_fixture(n, d, k, seed):
    """Cluster ids {0..k-1} from the LCG but point 0 alone in cluster k+2; features = integer hash noise in
    [-0.5, 0.5) plus 1.5 on the dimensions j ≡ id (mod k). float32 throughout; MetricFixtures.blobs in Java."""
    labels = lcg_ids(n, k, seed)
    labels[0] = k + 2
    i = np.arange(n)[:, None]
    j = np.arange(d)[None, :]
    noise = ((i * 7919 + j * 104729 + i * j * 31) % 2003).astype(np.float32) / np.float32(2003) - np.float32(0.5)
    x = noise + np.where(labels[:, None] % k == j % k, np.float32(1.5), np.float32(0))
    return x.astype(np.float32), labels


x, labels = silhouette_fixture(300, 20, 4, 11)
s = silhouette_samples(x.astype(np.float64), labels)
print(f"silhouette 300x20: score={silhouette_score(x.astype(np.float64), labels)!r} "
      f"s[0]={s[0]!r} s[1]={s[1]!r} s[150]={s[150]!r} s[299]={s[299]!r}")
centres = np.zeros((7, 20), np.float32)
for c in range(7):
    centres[c] = np.where(np.arange(20) % 4 == c % 4, np.float32(1.5), np.float32(0))
print(f"inertia 300x20: {((x.astype(np.float64) - centres[labels].astype(np.float64)) ** 2).sum()!r}")
x, labels = silhouette_fixture(5000, 32, 7, 13)
print(f"silhouette 5000x32: score={silhouette_score(x.astype(np.float64), labels)!r}")
