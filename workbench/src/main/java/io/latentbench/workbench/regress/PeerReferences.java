package io.latentbench.workbench.regress;

import java.util.Set;

/**
 * The rows of the peers suite that are there to divide by: the scalar reference loop, Lucene's
 * {@code VectorUtil} and the plain read of the bytes. They measure the machine and a library
 * that is not ours, so the gate reports their change (a move there says the machine moved) but
 * never judges it. On an unchanged engine the gate once failed on two of them, Lucene's cosine
 * (+17 %) and the scalar knn (+10 %), while our own cosine had not moved (+0.0 %).
 */
final class PeerReferences {

    private static final String PEERS = "peers";
    private static final Set<String> REFERENCE_IMPLS = Set.of("scalar", "lucene");

    private PeerReferences() {}

    static boolean isReference(Measurement m) {
        return m.suite().equals(PEERS)
                && (m.name().equals("plainRead") || REFERENCE_IMPLS.contains(m.params().getOrDefault("impl", ""))
                || m.params().containsKey("peer")); // numpy and FAISS, outside Java
    }
}
