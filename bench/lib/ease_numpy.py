"""numpy reference for EASE at scale (bench/lib/ease-scale.ts runs it on the same generated file).

Reads `user,item` rows, builds the binary user x item matrix with scipy.sparse, and times the same three
steps as Rapport: Gram matrix X^T X (dense), inverse of G + lambda*I (np.linalg.inv, Steck's reference
code), and B = -P / diag(P) with a zero diagonal. Prints one JSON line of wall seconds.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp

path, n_items, lam = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
rows = np.loadtxt(path, delimiter=",", dtype=np.int64)
n_users = int(rows[:, 0].max()) + 1
x = sp.csr_matrix((np.ones(len(rows)), (rows[:, 0], rows[:, 1])), shape=(n_users, n_items))
x.data[:] = 1.0
c0 = time.process_time()
t0 = time.perf_counter()
g = (x.T @ x).toarray()
t1 = time.perf_counter()
g[np.diag_indices(n_items)] += lam
p = np.linalg.inv(g)
t2 = time.perf_counter()
b = p / (-np.diag(p))
b[np.diag_indices(n_items)] = 0
t3 = time.perf_counter()
cpu = time.process_time() - c0
print(json.dumps({"gram": t1 - t0, "inverse": t2 - t1, "weights": t3 - t2, "total": t3 - t0, "cpu": cpu, "numpy": np.__version__, "b00": float(b[0, 1])}))
