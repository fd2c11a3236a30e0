package io.latentbench.workbench.results;

import io.latentbench.workbench.files.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code benchmark_results.toml}, a run's summary for reading by eye beside results.json: one table
 * per benchmark x params, named {@code [suite.benchmark.param_value...]}, with values as
 * strings that carry their unit.
 *
 * <ul>
 *   <li>time per operation: {@code mean}, {@code std_dev}, {@code median}, {@code mad} (plus
 *       {@code error}, {@code allocated} from the gc profiler, the speed-up its tags name ({@code speedup_vs_standard})
 *       where measured);</li>
 *   <li>throughput (thrpt mode): {@code throughput} in elements per second (an op of a batch
 *       benchmark handles {@code batch} or {@code queries} elements) and {@code ops_per_sec};</li>
 *   <li>memory: {@code peak_mb} (heap during the build), {@code average_mb} (retained heap,
 *       mean over iterations), {@code allocations} (bytes allocated per build),
 *       {@code retained_mb}, {@code bytes_per_vector}, {@code engine_mb} (memoryBytes()).</li>
 * </ul>
 *
 * Standard deviation and MAD are over all measurement iterations of all forks.
 */
public final class TomlSummary {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** Params that count the elements one operation handles. */
    private static final List<String> ELEMENT_PARAMS = List.of("batch", "queries");

    private TomlSummary() {}

    public static void write(ResultSet set, Path path) {
        AtomicFiles.write(path, render(set));
    }

    public static String render(ResultSet set) {
        StringBuilder out = new StringBuilder();
        RunInfo info = set.info();
        out.append("# benchmark_results.toml: latentbench ").append(info.profile()).append(" run");
        if (info.timestamp() != null) {
            out.append(" of ").append(info.timestamp());
        }
        out.append(" on ").append(info.testbed()).append(", commit ").append(info.gitCommit()).append('\n');
        for (BenchmarkResult r : set.results()) {
            out.append('\n').append('[').append(tableName(r)).append("]\n");
            for (Map.Entry<String, String> e : values(r).entrySet()) {
                out.append(e.getKey()).append(" = ").append(quote(e.getValue())).append('\n');
            }
        }
        return out.toString();
    }

    static String tableName(BenchmarkResult r) {
        List<String> segments = new ArrayList<>();
        segments.add(r.suite());
        segments.add(r.name());
        r.params().forEach((k, v) -> segments.add(k + "_" + v));
        return String.join(".", segments.stream().map(TomlSummary::key).toList());
    }

    private static Map<String, String> values(BenchmarkResult r) {
        Map<String, String> v = new LinkedHashMap<>();
        Metric p = r.primary();
        Metric peak = r.secondary().get("peak.mb");
        if (peak != null) {
            v.put("peak_mb", Units.number(peak.score()));
            Metric retained = r.secondary().get("retained.mb");
            if (retained != null) {
                v.put("average_mb", Units.number(retained.score()));
                v.put("retained_mb", Units.number(retained.score()));
            }
            Metric alloc = r.secondary().get("gc.alloc.rate.norm");
            if (alloc != null) {
                v.put("allocations", Units.withUnit(alloc.score(), "B"));
            }
            putIfPresent(v, "bytes_per_vector", r.secondary().get("bytes.per.vector"));
            putIfPresent(v, "engine_mb", r.secondary().get("engine.mb"));
            v.put("build_time", Units.withUnit(p.score(), p.unit()));
            return v;
        }
        if (Units.isOpsPerTime(p.unit())) {
            double ops = Units.opsPerSecond(p.score(), p.unit());
            double perOp = ELEMENT_PARAMS.stream().filter(r.params()::containsKey).findFirst()
                    .map(name -> parseOrNaN(r.params().get(name))).orElse(1.0);
            v.put("throughput", Units.number(ops * perOp) + " elements/s");
            v.put("ops_per_sec", Units.number(ops));
            v.put("error", Units.withUnit(p.error(), p.unit()));
            return v;
        }
        v.put("mean", Units.withUnit(p.score(), p.unit()));
        v.put("std_dev", Units.withUnit(p.stdDev(), p.unit()));
        v.put("median", Units.withUnit(p.median(), p.unit()));
        v.put("mad", Units.withUnit(p.mad(), p.unit()));
        v.put("error", Units.withUnit(p.error(), p.unit()));
        Metric alloc = r.secondary().get("gc.alloc.rate.norm");
        if (alloc != null) {
            v.put("allocated", Units.withUnit(alloc.score(), alloc.unit()));
        }
        r.tags().speedup().ifPresent(name -> {
            Metric speedup = r.secondary().get(name);
            if (speedup != null) {
                v.put(name, Units.number(speedup.score()) + "x");
            }
        });
        return v;
    }

    private static void putIfPresent(Map<String, String> v, String name, Metric m) {
        if (m != null) {
            v.put(name, Units.number(m.score()));
        }
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String key(String segment) {
        return BARE_KEY.matcher(segment).matches() ? segment : quote(segment);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
