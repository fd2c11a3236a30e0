package io.latentbench.workbench.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named benchmark plan: which suites and methods run, which values their parameters take
 * (restricting the values the JMH classes declare), and how long each is measured.
 *
 * <ul>
 *   <li>{@code quick}: every suite at one representative point or two (d = 256, 10k vectors),
 *       enough for the headline ratios, 2 forks with short iterations; for CI, minutes (49
 *       benchmarks, 43 before the peers suite grew its batch, add and build targets; one run took 6 minutes on a shared, heavily loaded 2-core machine). Three
 *       warmup iterations: with two, the Vector API code of some forks was still not compiled
 *       by C2 on that machine (it allocated boxed vectors while measured).</li>
 *   <li>{@code critical}: the matrix suite's critical path (dims 128/256/512 x k 10/100/1000
 *       x batch 1/32 x 10k vectors) plus knn latency and the peers (d = 256, 10k and 100k rows).</li>
 *   <li>{@code full}: every suite over every declared value (the peers' 1M-row scans among them),
 *       3 forks; hours, so shardable.</li>
 * </ul>
 */
public enum Profile {
    QUICK(new RunSettings(2, 3, Duration.ofMillis(400), 3, Duration.ofMillis(400)),
            EnumSet.allOf(Suite.class),
            Map.of(
                    Suite.LATENCY, Map.of("dim", List.of("256"), "k", List.of("10", "100"),
                            "type", List.of("standard", "flash")),
                    Suite.THROUGHPUT, Map.of("batch", List.of("32"), "queries", List.of("1", "32")),
                    Suite.MEMORY, Map.of("dataset", List.of("10000"), "dim", List.of("256")),
                    Suite.MATRIX, Map.of("dim", List.of("256"), "k", List.of("10"), "batch", List.of("1", "32"),
                            "dataset", List.of("10000")),
                    Suite.ATTENTION_COMPARISON, Map.of("dim", List.of("256"), "keys", List.of("1000")),
                    Suite.DISTANCE_COMPARISON, Map.of("dim", List.of("256")),
                    Suite.FLASH_VS_STANDARD, Map.of("keys", List.of("1024", "4096")),
                    Suite.PEERS, Map.of("dim", List.of("256"), "dataset", List.of("10000"), "k", List.of("10"))),
            Map.of(Suite.MEMORY, Set.of("buildScaling"),
                    // The headline ratio of each peers target once; manhattan and hyperbolic, which
                    // have no Lucene peer, and the wider params run in the critical and full profiles.
                    Suite.PEERS, Set.of("dotProduct", "squareDistance", "cosine", "scanSquareDistance", "plainRead",
                            "knn", "knnBatch", "knnOneAtATime", "knnOneAtATimeTwoThreads",
                            "add", "buildPeak", "pythonKnn", "pythonKnnBatch"))),
    CRITICAL(new RunSettings(2, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1)),
            EnumSet.of(Suite.MATRIX, Suite.LATENCY, Suite.PEERS),
            Map.of(
                    Suite.MATRIX, Map.of("dim", List.of("128", "256", "512"), "k", List.of("10", "100", "1000"),
                            "batch", List.of("1", "32"), "dataset", List.of("10000")),
                    Suite.LATENCY, Map.of("dim", List.of("128", "256", "512"), "k", List.of("10", "100", "1000")),
                    // the peers at the design's reference dimension; `--suite peers` runs every dimension.
                    // The 1M-row scans (a gigabyte per fork) are the full profile's.
                    Suite.PEERS, Map.of("dim", List.of("256"), "dataset", List.of("10000", "100000"))),
            Map.of(Suite.LATENCY, Set.of("knn"))),
    FULL(new RunSettings(3, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1)),
            EnumSet.allOf(Suite.class), Map.of(), Map.of());

    private final RunSettings settings;
    private final Set<Suite> suites;
    private final Map<Suite, Map<String, List<String>>> restrictions;
    private final Map<Suite, Set<String>> methods;

    Profile(RunSettings settings, Set<Suite> suites, Map<Suite, Map<String, List<String>>> restrictions,
            Map<Suite, Set<String>> methods) {
        this.settings = settings;
        this.suites = suites;
        this.restrictions = restrictions;
        this.methods = methods;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public RunSettings settings() {
        return settings;
    }

    /** The suites run when none is named. */
    public Set<Suite> suites() {
        return suites;
    }

    /** The values this profile gives a parameter of a suite, or null to keep the declared ones. */
    public List<String> restriction(Suite suite, String param) {
        return restrictions.getOrDefault(suite, Map.of()).get(param);
    }

    /** Whether this profile runs the benchmark method of the suite. */
    public boolean includesMethod(Suite suite, String method) {
        Set<String> only = methods.get(suite);
        return only == null || only.contains(method);
    }

    public static Profile parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Profile p : values()) {
            if (p.label().equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Profile::label).collect(Collectors.joining(", ")));
    }
}
