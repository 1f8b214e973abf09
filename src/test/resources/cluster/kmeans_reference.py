# Reference numbers for KMeansTest: scikit-learn 1.2.1 / numpy 1.24 (Debian bookworm), run as
#   /usr/bin/python3 kmeans_reference.py ../shared/datasets/fashion-mnist   (from the project root)
import os, sys, time, numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../../shared/peers'))
from sk_peer import load
from sklearn.cluster import KMeans
X, y = load(sys.argv[1])
for n_init in (1, 10):
    t = time.perf_counter()
    m = KMeans(10, n_init=n_init, random_state=42).fit(X)
    s = time.perf_counter() - t
    X64 = X.astype(np.float64); C64 = m.cluster_centers_.astype(np.float64)
    exact = ((X64 - C64[m.labels_]) ** 2).sum()
    print(f"n_init={n_init} time={s:.2f}s inertia_sklearn={m.inertia_:.1f} inertia_exact_f64={exact:.1f} iter={m.n_iter_}", flush=True)
