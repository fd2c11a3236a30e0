package io.latentbench.workbench.regress;

/**
 * The rows a suite measures to divide by, as the row's tags say ({@code bench.SuiteTags}): in
 * the peers suite the scalar reference loop, Lucene's {@code VectorUtil}, numpy and FAISS and the
 * plain read of the bytes. They measure the machine or a library that is not ours, so the gate
 * reports their change (a move there says the machine moved) but never judges it. On an
 * unchanged engine the gate once failed on two of them, Lucene's cosine (+17 %) and the scalar
 * knn (+10 %), while our own cosine had not moved (+0.0 %).
 */
final class PeerReferences {

    private PeerReferences() {}

    static boolean isReference(Measurement m) {
        return m.tags().role().isReference();
    }
}
