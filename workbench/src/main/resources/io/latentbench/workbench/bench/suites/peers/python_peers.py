"""The peers outside Java for latentbench's peers suite: exact kNN with numpy + BLAS and with
FAISS IndexFlatL2, on data the JMH benchmark wrote, one thread.

Started by PythonPeer (peers.PythonPeerBenchmarks) as a child process; it reads one command a line on stdin
and answers one line on stdout, so each JMH invocation times a fixed number of searches here:

  load DATA ROWS QUERIES COUNT DIM   float32 little-endian files -> "ok <versions and BLAS>"
  knn IMPL K REPEAT                  REPEAT one-query searches, cycling through the queries -> "ok <checksum>"
  batch IMPL K REPEAT                REPEAT searches of all the queries at once -> "ok <checksum>"

IMPL is numpy or faiss. The thread pools are sized before numpy loads: an unsized OpenBLAS pool
inside FAISS's OpenMP loop ran a batch 9x slower.
"""
import os

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import sys  # noqa: E402

import numpy as np  # noqa: E402

try:
    import faiss  # noqa: E402
    faiss.omp_set_num_threads(1)
except ImportError as e:  # reported by the load command, so that numpy alone still answers
    faiss = None
    FAISS_ERROR = str(e)


class Peers:
    def __init__(self, data, queries, k_max):
        self.data = data
        self.queries = queries
        # |x|^2 once, as FAISS and the engine's batch do: d(q, x) = |x|^2 - 2 q.x (+ |q|^2).
        self.norms = np.einsum("ij,ij->i", data, data)
        self.next = 0
        self.index = None
        if faiss is not None:
            self.index = faiss.IndexFlatL2(data.shape[1])
            self.index.add(data)

    def numpy_one(self, q, k):
        d = self.norms - 2.0 * (self.data @ q)
        d += float(q @ q)
        idx = np.argpartition(d, k - 1)[:k]
        return idx[np.argsort(d[idx], kind="stable")]

    def numpy_batch(self, k):
        q = self.queries
        d = self.norms[None, :] - 2.0 * (q @ self.data.T)
        d += np.einsum("ij,ij->i", q, q)[:, None]
        idx = np.argpartition(d, k - 1, axis=1)[:, :k]
        part = np.take_along_axis(d, idx, axis=1)
        return np.take_along_axis(idx, np.argsort(part, axis=1, kind="stable"), axis=1)

    def one(self, impl, k):
        q = self.queries[self.next]
        self.next = (self.next + 1) % len(self.queries)
        if impl == "numpy":
            return int(self.numpy_one(q, k)[0])
        return int(self.faiss_index().search(q.reshape(1, -1), k)[1][0, 0])

    def batch(self, impl, k):
        if impl == "numpy":
            return int(self.numpy_batch(k)[:, 0].sum())
        return int(self.faiss_index().search(self.queries, k)[1][:, 0].sum())

    def faiss_index(self):
        if self.index is None:
            raise RuntimeError("faiss is not importable: " + FAISS_ERROR)
        return self.index


def describe():
    parts = ["numpy " + np.__version__]
    if faiss is not None:
        parts.append("faiss " + faiss.__version__ + " (" + faiss.get_compile_options().strip() + ")")
    else:
        parts.append("faiss missing: " + FAISS_ERROR)
    try:
        from threadpoolctl import threadpool_info  # optional: names the BLAS actually loaded
        parts += [f"{i.get('internal_api')} {i.get('version')} {i.get('num_threads')} thread(s)"
                  for i in threadpool_info()]
    except ImportError:
        pass
    return "; ".join(parts)


def main():
    peers = None
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            if words[0] == "load":
                data_path, rows, queries_path, count, dim = words[1], int(words[2]), words[3], int(words[4]), int(words[5])
                data = np.fromfile(data_path, dtype="<f4").reshape(rows, dim)
                queries = np.fromfile(queries_path, dtype="<f4").reshape(count, dim)
                peers = Peers(np.ascontiguousarray(data), np.ascontiguousarray(queries), count)
                answer = "ok " + describe()
            elif words[0] in ("knn", "batch"):
                impl, k, repeat = words[1], int(words[2]), int(words[3])
                if impl not in ("numpy", "faiss"):
                    raise ValueError("impl " + impl + " is not a peer; expected numpy or faiss")
                checksum = 0
                for _ in range(repeat):
                    checksum += peers.one(impl, k) if words[0] == "knn" else peers.batch(impl, k)
                answer = "ok " + str(checksum)
            else:
                raise ValueError("unknown command " + words[0])
        except Exception as e:  # one line back, so the benchmark fails with the reason
            answer = "error " + type(e).__name__ + ": " + str(e).replace("\n", " ")
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
