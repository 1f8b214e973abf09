# The reference numbers of LabelSpreadingTest: scikit-learn 1.2.1 (Debian python3-sklearn), run with /usr/bin/python3.
import numpy as np
from sklearn.semi_supervised import LabelSpreading
n=60
X=np.array([[ (i%3)*1.0+np.sin(i*1.3)*1.2, (i%3)*0.5+np.cos(i*2.1)*1.2] for i in range(n)],dtype=np.float32)
y=np.array([i%3 if i<9 else -1 for i in range(n)])
m=LabelSpreading(kernel='knn',alpha=0.2).fit(X,y)
print("n_iter",m.n_iter_)
print("transduction", ",".join(map(str,m.transduction_)))
for i in [0,10,20,59]:
    print(i, ",".join("%.10f"%v for v in m.label_distributions_[i]))
y2=np.array([ (i%3) if i%5==0 else -1 for i in range(n)])
m2=LabelSpreading(kernel='knn',alpha=0.5,n_neighbors=4,max_iter=5).fit(X,y2)
print("n_iter2",m2.n_iter_)
print("transduction2", ",".join(map(str,m2.transduction_)))
for i in [1,13,30]:
  print(i, ",".join("%.10f"%v for v in m2.label_distributions_[i]))
# kernel rbf: sklearn's default gamma 20, and gamma 2 with alpha 0.5
for g, a in [(20, 0.2), (2, 0.5)]:
    m3 = LabelSpreading(kernel='rbf', gamma=g, alpha=a).fit(X, y)
    print("rbf", g, a, "n_iter", m3.n_iter_)
    print("transduction", ",".join(map(str, m3.transduction_)))
    for i in [0, 10, 20, 59]:
        print(i, ",".join("%.10f" % v for v in m3.label_distributions_[i]))
