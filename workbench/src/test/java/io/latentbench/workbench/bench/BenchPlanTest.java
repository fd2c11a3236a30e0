package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

    private static Map<String, List<String>> params(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) pairs[i + 1];
            m.put((String) pairs[i], values);
        }
        return m;
    }

    /** A catalog shaped like ours, independent of what is compiled. */
    private static Catalog synthetic() {
        return new Catalog(List.of(
                new Catalog.Declared(Suite.LATENCY, "knn", "avgt",
                        params("dim", List.of("128", "256", "512"), "k", List.of("10", "50", "100", "500", "1000"))),
                new Catalog.Declared(Suite.LATENCY, "create", "avgt", params("dim", List.of("64", "256", "1024"))),
                new Catalog.Declared(Suite.MEMORY, "buildScaling", "ss",
                        params("dataset", List.of("1000", "10000"), "dim", List.of("256"))),
                new Catalog.Declared(Suite.MEMORY, "buildByDimension", "ss",
                        params("dataset", List.of("10000"), "dim", List.of("64", "256"))),
                new Catalog.Declared(Suite.PEERS, "io.latentbench.workbench.bench.suites.peers.KnnScanBenchmarks", "plainRead",
                        "avgt", params()),
                new Catalog.Declared(Suite.ATTENTION_COMPARISON, "attention", "avgt",
                        params("type", List.of("standard", "flash"), "dim", List.of("256")))));
    }

    private static List<String> keys(BenchPlan plan) {
        return plan.points().stream().map(BenchPoint::key).toList();
    }

    @Test
    void theFullProfileIsTheCrossProductOfTheDeclaredValues() {
        BenchPlan plan = BenchPlan.create(synthetic(), Profile.FULL, Map.of(), Map.of(), Shard.ALL);

        assertThat(plan.totalSize()).isEqualTo(15 + 3 + 2 + 2 + 1 + 2);
        assertThat(keys(plan)).contains("latency.knn[dim=512,k=1000]", "peers.plainRead",
                "attention_comparison.attention[dim=256,type=flash]");
    }

    @Test
    void pointsAreOrderedBySuiteBenchmarkAndNumericParams() {
        BenchPlan plan = BenchPlan.create(synthetic(), Profile.FULL,
                BenchPlan.parseSelection(List.of("latency.knn")), params("dim", List.of("128")), Shard.ALL);

        assertThat(keys(plan)).containsExactly(
                "latency.knn[dim=128,k=10]", "latency.knn[dim=128,k=50]", "latency.knn[dim=128,k=100]",
                "latency.knn[dim=128,k=500]", "latency.knn[dim=128,k=1000]");
    }

    @Test
    void aProfileNarrowsTheDeclaredValuesAndMethods() {
        BenchPlan plan = BenchPlan.create(synthetic(), Profile.QUICK,
                BenchPlan.parseSelection(List.of("latency", "memory")), Map.of(), Shard.ALL);

        assertThat(keys(plan)).containsExactly(
                "latency.create[dim=256]",
                "latency.knn[dim=256,k=10]", "latency.knn[dim=256,k=100]",
                "memory.buildScaling[dataset=10000,dim=256]");
    }

    @Test
    void aParamOverrideAppliesWhereverTheParameterExists() {
        BenchPlan plan = BenchPlan.create(synthetic(), Profile.QUICK,
                BenchPlan.parseSelection(List.of("latency")), params("dim", List.of("64", "128")), Shard.ALL);

        assertThat(keys(plan)).containsExactly(
                "latency.create[dim=64]", "latency.create[dim=128]",
                "latency.knn[dim=64,k=10]", "latency.knn[dim=64,k=100]",
                "latency.knn[dim=128,k=10]", "latency.knn[dim=128,k=100]");
    }

    @Test
    void namingOneBenchmarkRunsOnlyIt() {
        BenchPlan plan = BenchPlan.create(synthetic(), Profile.FULL,
                BenchPlan.parseSelection(List.of("memory.buildByDimension")), Map.of(), Shard.ALL);
        assertThat(keys(plan)).containsExactly(
                "memory.buildByDimension[dataset=10000,dim=64]", "memory.buildByDimension[dataset=10000,dim=256]");

        // A suite named whole wins over one of its benchmarks named as well.
        Map<Suite, Set<String>> both = BenchPlan.parseSelection(List.of("memory.buildByDimension", "memory"));
        assertThat(both).containsEntry(Suite.MEMORY, Set.of());
    }

    @Test
    void anUnknownParameterIsAnErrorThatListsTheKnownOnes() {
        assertThatThrownBy(() -> BenchPlan.create(synthetic(), Profile.FULL,
                BenchPlan.parseSelection(List.of("latency")), params("size", List.of("3")), Shard.ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--param size")
                .hasMessageContaining("no selected benchmark has a parameter 'size'")
                .hasMessageContaining("dim, k");
    }

    @Test
    void aWordForANumericParameterIsAnError() {
        assertThatThrownBy(() -> BenchPlan.create(synthetic(), Profile.FULL, Map.of(),
                params("k", List.of("ten")), Shard.ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--param k=ten: expected whole numbers")
                .hasMessageContaining("10,50,100,500,1000");
    }

    @Test
    void labelsTheEngineParsesAreCheckedBeforeAnyFork() {
        assertThatThrownBy(() -> BenchPlan.create(synthetic(), Profile.FULL, Map.of(),
                params("type", List.of("flash", "flashy")), Shard.ALL))
                .hasMessageContaining("--param type=flashy: unknown attention type 'flashy'");
        assertThat(BenchPlan.create(synthetic(), Profile.FULL, BenchPlan.parseSelection(List.of("attention_comparison")),
                params("type", List.of("moe_8_2")), Shard.ALL).points()).extracting(BenchPoint::key)
                .containsExactly("attention_comparison.attention[dim=256,type=moe_8_2]");
    }

    @Test
    void unknownSuitesAndBenchmarksAreErrors() {
        assertThatThrownBy(() -> BenchPlan.parseSelection(List.of("latencies")))
                .hasMessageContaining("unknown suite 'latencies'")
                .hasMessageContaining("attention_comparison");
        assertThatThrownBy(() -> BenchPlan.create(synthetic(), Profile.FULL,
                BenchPlan.parseSelection(List.of("latency.search")), Map.of(), Shard.ALL))
                .hasMessageContaining("suite latency has no benchmark 'search'; it has create, knn");
        assertThatThrownBy(() -> Profile.parse("fast")).hasMessageContaining("expected one of quick, critical, full");
    }

    @Test
    void paramsParseFromTheCommandLineForm() {
        assertThat(BenchPlan.parseParam("dim=128, 256,,128")).isEqualTo(Map.entry("dim", List.of("128", "256")));
        assertThatThrownBy(() -> BenchPlan.parseParam("dim")).hasMessageContaining("not of the form name=v1,v2");
    }

    @Test
    void shardsParseAndRejectImpossibleOnes() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThatThrownBy(() -> Shard.parse("0/4")).hasMessageContaining("shard 0/4 does not exist");
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("shard 5/4 does not exist");
        assertThatThrownBy(() -> Shard.parse("1-4")).hasMessageContaining("not of the form i/n");
    }

    @Test
    void shardsOfTheRealFullMatrixPartitionIt() {
        Catalog catalog = Catalog.load();
        BenchPlan full = BenchPlan.create(catalog, Profile.FULL, Map.of(), Map.of(), Shard.ALL);
        List<String> all = keys(full);
        assertThat(all).doesNotHaveDuplicates().hasSize(full.totalSize());

        // every count a CI matrix or an Indexed Job would use, and one with shards of a few points
        for (int n : IntStream.concat(IntStream.rangeClosed(1, 16), IntStream.of(64)).toArray()) {
            List<String> union = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int i = 1; i <= n; i++) {
                BenchPlan shard = BenchPlan.create(catalog, Profile.FULL, Map.of(), Map.of(), new Shard(i, n));
                assertThat(shard.totalSize()).isEqualTo(all.size());
                for (String key : keys(shard)) {
                    assertThat(seen.add(key)).as("%s runs in two shards of %d", key, n).isTrue();
                    union.add(key);
                }
                smallest = Math.min(smallest, shard.points().size());
                largest = Math.max(largest, shard.points().size());
            }
            assertThat(union).as("shards of %d", n).containsExactlyInAnyOrderElementsOf(all);
            assertThat(largest - smallest).as("balance of %d shards", n).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theMillionRowScansRunInTheFullProfileOnly() {
        Catalog catalog = Catalog.load();
        Map<Suite, Set<String>> peers = BenchPlan.parseSelection(List.of("peers.knn", "peers.knnBatch", "peers.plainRead"));
        List<String> full = keys(BenchPlan.create(catalog, Profile.FULL, peers, Map.of(), Shard.ALL));
        assertThat(full).contains("peers.knn[dataset=1000000,dim=256,impl=panama,k=10]",
                "peers.knnBatch[dataset=1000000,dim=256,k=10,workers=1]",
                "peers.plainRead[dataset=1000000,dim=256]");
        for (Profile narrower : List.of(Profile.QUICK, Profile.CRITICAL)) {
            List<String> planned = keys(BenchPlan.create(catalog, narrower, peers, Map.of(), Shard.ALL));
            assertThat(planned).as("%s", narrower).isNotEmpty().noneMatch(key -> key.contains("dataset=1000000"));
        }
        assertThat(keys(BenchPlan.create(catalog, Profile.CRITICAL, peers, Map.of(), Shard.ALL)))
                .contains("peers.knn[dataset=100000,dim=256,impl=panama,k=100]");
    }

    @Test
    void theCatalogReadsOurCompiledSuites() {
        Catalog.Declared dot = Catalog.load().find(Suite.PEERS, "dotProduct").orElseThrow();
        assertThat(dot.mode()).isEqualTo("avgt");
        assertThat(dot.params()).containsEntry("impl", List.of("scalar", "panama", "lucene"));
    }
}
