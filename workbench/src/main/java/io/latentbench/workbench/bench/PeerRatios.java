package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.PeerRatio;
import io.latentbench.workbench.results.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ratios the peers suite exists for, measured in one run: each kernel's time against the
 * Vector API's (scalar / panama is the SIMD speedup; lucene / panama above 1 means we are
 * faster than Lucene), the engine's knn against the plain read of the same bytes, and our knn
 * and knnBatch against numpy + BLAS and FAISS (one thread; below 1 means we are faster).
 */
public final class PeerRatios {

    private PeerRatios() {}

    /** The ratio lines, or an empty string when the peers suite did not run. */
    public static String report(List<BenchmarkResult> rows) {
        List<PeerRatio> ratios = ratios(rows);
        if (ratios.isEmpty()) {
            return "";
        }
        return "\n=== peers: time ratios (same run; above 1 means the first is slower) ===\n"
                + String.join("\n", ratios.stream().map(PeerRatio::line).toList()) + "\n";
    }

    /** The ratios, in report order; none when the peers suite did not run. */
    public static List<PeerRatio> ratios(List<BenchmarkResult> rows) {
        Map<String, BenchmarkResult> peers = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            if (r.suite().equals(Suite.PEERS.label())) {
                peers.put(r.key(), r);
            }
        }
        if (peers.isEmpty()) {
            return List.of();
        }
        List<PeerRatio> found = new ArrayList<>();
        for (BenchmarkResult r : peers.values()) {
            if (!"panama".equals(r.params().get("impl"))) {
                continue;
            }
            String others = others(r);
            for (String impl : List.of("scalar", "lucene")) {
                sibling(peers, r, impl).ifPresent(s -> found.add(new PeerRatio(
                        r.name(), others, impl + " / panama", seconds(s) / seconds(r), "")));
            }
        }
        for (BenchmarkResult read : peers.values()) {
            if (!read.name().equals("plainRead")) {
                continue;
            }
            for (BenchmarkResult knn : peers.values()) {
                if (knn.name().equals("knn") && knn.params().get("dataset").equals(read.params().get("dataset"))
                        && knn.params().get("dim").equals(read.params().get("dim"))) {
                    found.add(new PeerRatio("knn vs bandwidth", others(knn), "knn(" + knn.params().get("impl") + ") / plain read",
                            seconds(knn) / seconds(read), ""));
                }
            }
        }
        // The peers outside Java (numpy + BLAS, FAISS; one thread), same shapes and data: our one
        // query and our batch per query against theirs; below 1 means we are faster.
        for (BenchmarkResult outside : peers.values()) {
            String impl = outside.params().getOrDefault("peer", "");
            TreeMap<String, String> shape = new TreeMap<>(outside.params());
            shape.remove("peer");
            String note = impl.equals("faiss") && outside.name().equals("pythonKnn")
                    ? "Debian's FAISS is a generic build: no AVX2 in its one-query scan" : "";
            if (outside.name().equals("pythonKnn")) {
                TreeMap<String, String> ours = new TreeMap<>(shape);
                ours.put("impl", "panama");
                sameParams(peers, "knn", ours).ifPresent(knn -> found.add(new PeerRatio("vs " + impl, describe(shape),
                        "knn(panama) / " + impl + " one query", seconds(knn) / seconds(outside), note)));
                sameParams(peers, "knnOneAtATime", shape).ifPresent(one -> found.add(new PeerRatio("vs " + impl, describe(shape),
                        "knnOneAtATime / " + impl + " one query", seconds(one) / seconds(outside), note)));
            } else if (outside.name().equals("pythonKnnBatch")) {
                TreeMap<String, String> ours = new TreeMap<>(shape);
                ours.put("workers", "1");
                sameParams(peers, "knnBatch", ours).ifPresent(batch -> found.add(new PeerRatio("vs " + impl, describe(shape),
                        "knnBatch per query (1 worker) / " + impl + " batch of 32 per query", seconds(batch) / seconds(outside), "")));
            }
        }
        // The batch targets: per-query time of a batch on one worker against one query at a time
        // on one thread, and what a second worker (or, for single queries, a second calling
        // thread) adds to the throughput.
        Optional<BenchmarkResult> batchOnOne = withWorkers(peers, "1");
        Optional<BenchmarkResult> batchOnTwo = withWorkers(peers, "2");
        batchOnOne.ifPresent(one -> sameParams(peers, "knnOneAtATime", withoutWorkers(one)).ifPresent(single -> found.add(new PeerRatio(
                "batch vs one", others(single), "knnBatch per query / one query", seconds(one) / seconds(single), ""))));
        batchOnOne.ifPresent(one -> batchOnTwo.ifPresent(two -> found.add(new PeerRatio(
                "threads", describe(withoutWorkers(one)), "knnBatch throughput 2 workers / 1", seconds(one) / seconds(two), ""))));
        peers.values().stream().filter(r -> r.name().equals("knnOneAtATime")).findFirst()
                .ifPresent(one -> sameParams(peers, "knnOneAtATimeTwoThreads", one.params())
                .ifPresent(two -> found.add(new PeerRatio("threads", others(one), "knnOneAtATime throughput 2 threads / 1",
                        2 * seconds(one) / seconds(two), ""))));
        return List.copyOf(found);
    }

    /** The result of benchmark {@code name} with exactly these params. */
    private static Optional<BenchmarkResult> sameParams(Map<String, BenchmarkResult> peers, String name, Map<String, String> params) {
        return peers.values().stream()
                .filter(r -> r.name().equals(name) && r.params().equals(params))
                .findFirst();
    }

    private static Optional<BenchmarkResult> withWorkers(Map<String, BenchmarkResult> peers, String workers) {
        return peers.values().stream()
                .filter(r -> r.name().equals("knnBatch") && workers.equals(r.params().get("workers")))
                .findFirst();
    }

    private static Map<String, String> withoutWorkers(BenchmarkResult r) {
        TreeMap<String, String> params = new TreeMap<>(r.params());
        params.remove("workers");
        return params;
    }

    private static Optional<BenchmarkResult> sibling(Map<String, BenchmarkResult> peers, BenchmarkResult r, String impl) {
        TreeMap<String, String> params = new TreeMap<>(r.params());
        params.put("impl", impl);
        return sameParams(peers, r.name(), params);
    }

    private static String others(BenchmarkResult r) {
        TreeMap<String, String> params = new TreeMap<>(r.params());
        params.remove("impl");
        return describe(params);
    }

    private static String describe(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static double seconds(BenchmarkResult r) {
        return Units.secondsPerOp(r.primary().score(), r.unit());
    }
}
