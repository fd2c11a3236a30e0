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

    private static final String PEERS = "peers.";
    private static final Set<String> REFERENCE_IMPLS = Set.of("scalar", "lucene");

    private PeerReferences() {}

    /** Whether {@code benchmark} (a results key such as {@code peers.knn[dataset=10000,impl=scalar]}) is a reference. */
    static boolean isReference(String benchmark) {
        if (!benchmark.startsWith(PEERS)) {
            return false;
        }
        int open = benchmark.indexOf('[');
        String name = benchmark.substring(PEERS.length(), open < 0 ? benchmark.length() : open);
        if (name.equals("plainRead")) {
            return true;
        }
        if (open < 0 || !benchmark.endsWith("]")) {
            return false;
        }
        for (String param : benchmark.substring(open + 1, benchmark.length() - 1).split(",")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equals("impl")
                    && REFERENCE_IMPLS.contains(param.substring(eq + 1).trim())) {
                return true;
            }
        }
        return false;
    }
}
