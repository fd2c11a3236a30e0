package io.latentbench.workbench.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Operations on whole runs. */
public final class ResultSets {

    private ResultSets() {}

    /**
     * Joins the outputs of the shards of one run. The parts must come from the same commit,
     * testbed and profile, and no benchmark may appear twice (shards partition the matrix);
     * anything else is an error naming the culprit. The merged run carries the latest
     * timestamp, its rows sorted by key, and the benchmarks any shard failed to measure.
     *
     * @param parts  the shard results, with a label each (usually the file) for error messages
     */
    public static ResultSet merge(Map<String, ResultSet> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: give at least one results file");
        }
        Map<String, String> seenIn = new LinkedHashMap<>();
        List<BenchmarkResult> rows = new ArrayList<>();
        List<FailedBenchmark> failed = new ArrayList<>();
        String firstLabel = null;
        RunInfo first = null;
        Instant latest = null;
        for (Map.Entry<String, ResultSet> part : parts.entrySet()) {
            RunInfo info = part.getValue().info();
            if (first == null) {
                first = info;
                firstLabel = part.getKey();
            } else {
                requireSame("git commit", first.gitCommit(), info.gitCommit(), firstLabel, part.getKey());
                requireSame("testbed", first.testbed(), info.testbed(), firstLabel, part.getKey());
                requireSame("profile", first.profile(), info.profile(), firstLabel, part.getKey());
            }
            if (info.timestamp() != null && (latest == null || info.timestamp().isAfter(latest))) {
                latest = info.timestamp();
            }
            for (BenchmarkResult r : part.getValue().results()) {
                String before = seenIn.putIfAbsent(r.key(), part.getKey());
                if (before != null) {
                    throw new IllegalArgumentException("benchmark " + r.key() + " is in both " + before + " and "
                            + part.getKey() + "; shards of one run never overlap, so these are not shards of one run");
                }
                rows.add(r);
            }
            failed.addAll(part.getValue().failed());
        }
        rows.sort(NaturalOrder.RESULTS);
        RunInfo merged = new RunInfo(latest, first.gitCommit(), first.profile(), first.jdk(), first.cpu(), first.cores());
        return new ResultSet(merged, rows, failed);
    }

    private static void requireSame(String what, Object a, Object b, String labelA, String labelB) {
        if (!Objects.equals(a, b)) {
            throw new IllegalArgumentException("cannot merge runs with different " + what + ": " + labelA + " has "
                    + a + ", " + labelB + " has " + b);
        }
    }
}
