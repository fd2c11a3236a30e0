package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.BenchmarkResult;
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
 * faster than Lucene), and the engine's knn against the plain read of the same bytes.
 */
public final class PeerRatios {

    private PeerRatios() {}

    /** The ratio lines, or an empty string when the peers suite did not run. */
    public static String report(List<BenchmarkResult> rows) {
        Map<String, BenchmarkResult> peers = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            if (r.suite().equals(Suite.PEERS.label())) {
                peers.put(r.key(), r);
            }
        }
        if (peers.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (BenchmarkResult r : peers.values()) {
            if (!"panama".equals(r.params().get("impl"))) {
                continue;
            }
            String others = others(r);
            for (String impl : List.of("scalar", "lucene")) {
                sibling(peers, r, impl).ifPresent(s -> lines.add(String.format("%-20s %-28s %s / panama = %.2fx",
                        r.name(), others, impl, seconds(s) / seconds(r))));
            }
        }
        for (BenchmarkResult read : peers.values()) {
            if (!read.name().equals("plainRead")) {
                continue;
            }
            for (BenchmarkResult knn : peers.values()) {
                if (knn.name().equals("knn") && knn.params().get("dataset").equals(read.params().get("dataset"))
                        && knn.params().get("dim").equals(read.params().get("dim"))) {
                    lines.add(String.format("%-20s %-28s knn(%s) / plain read = %.2fx", "knn vs bandwidth",
                            others(read), knn.params().get("impl"), seconds(knn) / seconds(read)));
                }
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "\n=== peers: time ratios (same run; above 1 means the first is slower) ===\n"
                + String.join("\n", lines) + "\n";
    }

    private static Optional<BenchmarkResult> sibling(Map<String, BenchmarkResult> peers, BenchmarkResult r, String impl) {
        TreeMap<String, String> params = new TreeMap<>(r.params());
        params.put("impl", impl);
        return peers.values().stream()
                .filter(p -> p.name().equals(r.name()) && p.params().equals(params))
                .findFirst();
    }

    private static String others(BenchmarkResult r) {
        List<String> parts = new ArrayList<>();
        r.params().forEach((k, v) -> {
            if (!k.equals("impl")) {
                parts.add(k + "=" + v);
            }
        });
        return String.join(" ", parts);
    }

    private static double seconds(BenchmarkResult r) {
        return Units.secondsPerOp(r.primary().score(), r.unit());
    }
}
