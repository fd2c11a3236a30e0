package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Speedups of each attention type against Standard at the same other parameters (dimension,
 * keys): Standard's time per op over the type's, recorded on every row whose tags declare the
 * speed-up ({@link SuiteTags}) as the secondary metric its tags name, {@value #METRIC} for our
 * suites (unit "x", higher is better), and printed
 * by {@link #report} as a table of types against the other parameters.
 */
public final class Speedups {

    public static final String METRIC = "speedup_vs_standard";
    static final String TYPE = "type";
    static final String STANDARD = "standard";

    private Speedups() {}

    /** The rows with speedups added where a Standard row with the same other parameters exists. */
    public static List<BenchmarkResult> annotate(List<BenchmarkResult> rows) {
        Map<String, BenchmarkResult> standards = new HashMap<>();
        for (BenchmarkResult r : rows) {
            if (STANDARD.equals(r.params().get(TYPE)) && Units.isTimePerOp(r.unit())) {
                standards.put(groupKey(r), r);
            }
        }
        List<BenchmarkResult> out = new ArrayList<>();
        for (BenchmarkResult r : rows) {
            BenchmarkResult std = r.params().containsKey(TYPE) ? standards.get(groupKey(r)) : null;
            if (std == null || !Units.isTimePerOp(r.unit()) || r.tags().speedup().isEmpty()) {
                out.add(r);
                continue;
            }
            double ratio = Units.secondsPerOp(std.primary().score(), std.unit())
                    / Units.secondsPerOp(r.primary().score(), r.unit());
            Map<String, Metric> secondary = new LinkedHashMap<>(r.secondary());
            secondary.put(r.tags().speedup().get(), Metric.of("x", ratio));
            out.add(r.withSecondary(secondary));
        }
        return out;
    }

    private static String groupKey(BenchmarkResult r) {
        TreeMap<String, String> others = new TreeMap<>(r.params());
        others.remove(TYPE);
        return r.suite() + "." + r.name() + others;
    }

    /**
     * The comparison tables: per suite and benchmark with speedups, a row per type and a column
     * per combination of the other parameters, first times then speedups.
     */
    public static String report(List<BenchmarkResult> rows) {
        Map<String, List<BenchmarkResult>> byBenchmark = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            if (r.tags().speedupOf(r.secondary()).isPresent()) {
                byBenchmark.computeIfAbsent(r.suite() + "." + r.name(), k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder b = new StringBuilder();
        byBenchmark.forEach((name, group) -> {
            Set<String> columns = new LinkedHashSet<>();
            Set<String> types = new LinkedHashSet<>();
            Map<String, BenchmarkResult> cell = new HashMap<>();
            for (BenchmarkResult r : group) {
                String column = column(r);
                columns.add(column);
                types.add(r.params().get(TYPE));
                cell.put(r.params().get(TYPE) + "|" + column, r);
            }
            int width = Math.max(12, columns.stream().mapToInt(String::length).max().orElse(0));
            b.append("\n=== ").append(name).append(": time per call ===\n");
            table(b, columns, types, width, (type, col) -> {
                BenchmarkResult r = cell.get(type + "|" + col);
                return r == null ? "" : Units.withUnit(r.primary().score(), r.unit());
            });
            b.append("\n=== ").append(name).append(": speedup vs Standard ===\n");
            table(b, columns, types, width, (type, col) -> {
                BenchmarkResult r = cell.get(type + "|" + col);
                return r == null ? "" : String.format("%.2fx", r.tags().speedupOf(r.secondary()).orElseThrow().score());
            });
        });
        return b.toString();
    }

    private static String column(BenchmarkResult r) {
        List<String> parts = new ArrayList<>();
        r.params().forEach((k, v) -> {
            if (!k.equals(TYPE)) {
                parts.add(k + "=" + v);
            }
        });
        return String.join(" ", parts);
    }

    private static void table(StringBuilder b, Set<String> columns, Set<String> types, int width,
            java.util.function.BiFunction<String, String, String> value) {
        b.append(String.format("%-15s", "type"));
        columns.forEach(c -> b.append(String.format(" %" + width + "s", c)));
        b.append('\n');
        for (String type : types) {
            b.append(String.format("%-15s", type));
            columns.forEach(c -> b.append(String.format(" %" + width + "s", value.apply(type, c))));
            b.append('\n');
        }
    }
}
