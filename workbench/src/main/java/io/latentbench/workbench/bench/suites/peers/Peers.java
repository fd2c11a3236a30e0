package io.latentbench.workbench.bench.suites.peers;

import io.latentbench.engine.vector.VectorKernels;

/** What the families of the peers suite share: the names of the implementations and the query batch. */
final class Peers {

    /** Implementations under comparison, as {@code impl} parameter values. */
    static final String SCALAR = "scalar";
    static final String PANAMA = "panama";
    static final String LUCENE = "lucene";

    /**
     * Queries per knnBatch call in {@link KnnBatchBenchmarks.Batch}; the peers outside Java
     * answer the same batch.
     */
    static final int BATCH = 32;

    private Peers() {}

    static VectorKernels engineKernels(String impl) {
        return switch (impl) {
            case PANAMA -> VectorKernels.panama();
            case SCALAR -> VectorKernels.scalar();
            default -> throw new IllegalArgumentException("impl '" + impl
                    + "' has no engine kernels; expected panama or scalar");
        };
    }
}
