package io.latentbench.workbench.regress;

/**
 * The rows a suite measures to divide by, as the row's tags say ({@code RowTags.Role#ofPeer}): in
 * the peers suite the kernels' scalar reference loops, Lucene's {@code VectorUtil}, numpy and FAISS
 * and the plain read of the bytes. They measure the machine or a library that is not ours, so the
 * gate reports their change (a move there says the machine moved) but never judges it. On an
 * unchanged engine a stored-baseline gate once failed on Lucene's cosine (+17 %) while our own
 * cosine had not moved (+0.0 %). (The scalar knn, +10 % in that run, was a reference too until it
 * showed that it moves with the engine's search: it is judged now, in relative runs that do not
 * see the machine's moves.)
 */
final class PeerReferences {

    private PeerReferences() {}

    static boolean isReference(Measurement m) {
        return m.tags().role().isReference();
    }
}
