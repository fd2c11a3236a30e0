package io.latentbench.workbench.bench.suites.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.engine.LatentSpace;
import io.latentbench.workbench.bench.DataSets;
import io.latentbench.workbench.bench.Spaces;
import org.junit.jupiter.api.Test;

/**
 * The peers outside Java answer what the engine answers on the same data: the nearest row of
 * each query by numpy and by FAISS. Needs python3 with numpy and faiss (the set-up installs
 * Debian's python3-numpy, python3-faiss and libopenblas0-pthread): without them this fails,
 * naming the packages, rather than skipping.
 */
class PythonPeerTest {

    @Test
    void numpyAndFaissFindTheEnginesNearestRows() {
        int rows = 2000;
        int dim = 48;
        float[][] queries = DataSets.queries(Peers.BATCH, dim, DataSets.SEED + 1);
        LatentSpace space = Spaces.filled(rows, dim, "euclidean", "standard");
        long expected = 0;
        for (float[] q : queries) {
            expected += space.knn(q, 10).get(0).id();
        }
        try (PythonPeer peer = PythonPeer.start(DataSets.uniform(rows, dim, DataSets.SEED), queries)) {
            peer.require("numpy");
            peer.require("faiss");
            assertThat(peer.versions()).contains("numpy 1.").contains("faiss 1.");
            for (String impl : new String[] {"numpy", "faiss"}) {
                assertThat(peer.knn(impl, 10, queries.length)).as(impl + " one at a time").isEqualTo(expected);
                assertThat(peer.batch(impl, 10, 2)).as(impl + " batch, twice").isEqualTo(2 * expected);
            }
            assertThatThrownBy(() -> peer.knn("torch", 10, 1)).hasMessageContaining("impl torch is not a peer");
        }
    }
}
