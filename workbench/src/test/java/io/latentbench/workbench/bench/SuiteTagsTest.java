package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.regress.ThresholdEntry;
import io.latentbench.workbench.results.ForeignRows;
import io.latentbench.workbench.results.RowTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SuiteTagsTest {

    private static Catalog catalog;

    @BeforeAll
    static void loadCatalog() {
        catalog = Catalog.load();
    }

    /** Every point of the declared matrix: the method and one combination of its parameter values. */
    private static List<BenchPoint> everyPoint() {
        List<BenchPoint> points = new ArrayList<>();
        for (Catalog.Declared d : catalog.benchmarks()) {
            List<TreeMap<String, String>> combos = new ArrayList<>(List.of(new TreeMap<>()));
            d.params().forEach((name, values) -> {
                List<TreeMap<String, String>> next = new ArrayList<>();
                for (TreeMap<String, String> c : combos) {
                    for (String v : values) {
                        TreeMap<String, String> more = new TreeMap<>(c);
                        more.put(name, v);
                        next.add(more);
                    }
                }
                combos.clear();
                combos.addAll(next);
            });
            combos.forEach(c -> points.add(new BenchPoint(d.suite(), d.method(), d.mode(), c)));
        }
        return points;
    }

    @Test
    void everyBenchmarkOfEverySuiteIsDeclaredWithAThresholdTheGateKnows() {
        List<BenchPoint> points = everyPoint();
        assertThat(points).extracting(BenchPoint::suite).contains(Suite.values());
        for (BenchPoint p : points) {
            RowTags tags = SuiteTags.of(p);
            assertThat(ThresholdEntry.byPath(tags.threshold())).as(p.key()).isNotNull();
        }
    }

    /**
     * Files written before rows carried tags are read with tags guessed from their names: for every
     * point of today's suites the guess must be the declaration, so an old baseline or relative.json is
     * judged exactly as a new one.
     */
    @Test
    void theGuessForUntaggedFilesOfOurSuitesIsTheDeclaration() {
        for (BenchPoint p : everyPoint()) {
            assertThat(ForeignRows.guess(p.suite().label(), p.method(), p.params())).as(p.key())
                    .isEqualTo(SuiteTags.of(p));
        }
    }

    @Test
    void thePeersReferencesAreDeclaredAndOurKernelsAreNot() {
        assertThat(SuiteTags.of(Suite.PEERS, "plainRead", Map.of("dataset", "10000", "dim", "256")).role())
                .isEqualTo(RowTags.Role.MACHINE);
        assertThat(SuiteTags.of(Suite.PEERS, "dotProduct", Map.of("impl", "scalar", "dim", "256")).role())
                .isEqualTo(RowTags.Role.MACHINE);
        assertThat(SuiteTags.of(Suite.PEERS, "scanSquareDistance", Map.of("impl", "scalar", "dim", "256")).role())
                .isEqualTo(RowTags.Role.MACHINE);
        // the scalar knn is the engine's search on its scalar kernels: a slower search moves it too, so as a
        // gauge of the machine it would excuse the very slowdown it should show
        assertThat(SuiteTags.of(Suite.PEERS, "knn", Map.of("impl", "scalar", "k", "10")).role())
                .isEqualTo(RowTags.Role.OURS);
        assertThat(SuiteTags.of(Suite.PEERS, "cosine", Map.of("impl", "lucene", "dim", "256")).role())
                .isEqualTo(RowTags.Role.REFERENCE);
        assertThat(SuiteTags.of(Suite.PEERS, "pythonKnnBatch", Map.of("peer", "faiss")).role())
                .isEqualTo(RowTags.Role.REFERENCE);
        assertThat(SuiteTags.of(Suite.PEERS, "cosine", Map.of("impl", "panama", "dim", "256")).role())
                .isEqualTo(RowTags.Role.OURS);
        assertThat(SuiteTags.of(Suite.LATENCY, "knn", Map.of("dim", "128", "k", "10")).role())
                .isEqualTo(RowTags.Role.OURS);
    }

    @Test
    void theMatrixJudgesABatchAsAParallelSearchAndPlotsOnlyOneQueryAgainstK() {
        RowTags one = SuiteTags.of(Suite.MATRIX, "knn", Map.of("batch", "1", "dim", "128", "k", "10"));
        RowTags many = SuiteTags.of(Suite.MATRIX, "knn", Map.of("batch", "32", "dim", "128", "k", "10"));
        assertThat(one.threshold()).isEqualTo("latency.knn_search");
        assertThat(one.on(RowTags.Chart.LATENCY_VS_K)).isTrue();
        assertThat(many.threshold()).isEqualTo("throughput.parallel_search");
        assertThat(many.charts()).isEmpty();
    }

    @Test
    void aMethodTheSuiteDoesNotDeclareIsAnErrorNamingIt() {
        assertThatThrownBy(() -> SuiteTags.of(Suite.LATENCY, "teleport", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency")
                .hasMessageContaining("teleport")
                .hasMessageContaining("SuiteTags");
    }

    @Test
    void aSuiteClassIsKeyedByItsLabelInARawJmhFile() {
        for (Catalog.Declared d : catalog.benchmarks()) {
            assertThat(ForeignRows.suiteOf(d.benchmarkClass())).as(d.benchmarkClass()).isEqualTo(d.suite().label());
            assertThat(new BenchPoint(d.suite(), d.method(), d.mode(), new TreeMap<>()).benchmark())
                    .isEqualTo(d.benchmarkClass() + "." + d.method());
        }
        assertThat(Suite.ATTENTION_COMPARISON.benchmarkClass())
                .isEqualTo("io.latentbench.workbench.bench.suites.AttentionComparisonBenchmarks");
        assertThat(catalog.benchmarks()).filteredOn(d -> d.suite() == Suite.PEERS)
                .extracting(Catalog.Declared::benchmarkClass).allMatch(c -> c.startsWith(
                        "io.latentbench.workbench.bench.suites.peers.") && c.endsWith("Benchmarks"));
        // A method name is a result key's, so it names one method of its suite across the suite's classes.
        assertThat(catalog.benchmarks()).extracting(d -> d.suite().label() + "." + d.method()).doesNotHaveDuplicates();
        assertThatThrownBy(Suite.PEERS::benchmarkClass).hasMessageContaining("peers");
        assertThatThrownBy(() -> Catalog.benchmarkClass(Suite.PEERS, "teleport"))
                .hasMessageContaining("teleport").hasMessageContaining("plainRead");
    }
}
