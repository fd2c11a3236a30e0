package io.latentbench.workbench.results;

import static io.latentbench.workbench.results.Columns.doubles;
import static io.latentbench.workbench.results.Columns.ints;
import static io.latentbench.workbench.results.Columns.strings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Results as a Tablesaw {@link Table}: one row per benchmark x params, a column per parameter
 * (integer where every value is one, so {@code dim} and {@code k} sort and plot as numbers),
 * the primary score with its error and interval, bytes allocated per op where the gc profiler
 * ran, and every non-gc secondary metric (speedups, memory) under its own name.
 */
public final class ResultTables {

    private ResultTables() {}

    public static Table toTable(ResultSet set) {
        List<BenchmarkResult> rows = set.results();
        Table t = Table.create("latentbench " + set.info().profile());
        t.addColumns(
                strings("key", rows, BenchmarkResult::key),
                strings("suite", rows, BenchmarkResult::suite),
                strings("benchmark", rows, BenchmarkResult::name));

        TreeSet<String> paramNames = new TreeSet<>();
        rows.forEach(r -> paramNames.addAll(r.params().keySet()));
        for (String name : paramNames) {
            t.addColumns(paramColumn(name, rows));
        }
        t.addColumns(
                strings("mode", rows, BenchmarkResult::mode),
                doubles("score", rows, r -> r.primary().score()),
                doubles("error", rows, r -> r.primary().error()),
                strings("unit", rows, BenchmarkResult::unit),
                doubles("ci_low", rows, r -> r.primary().ciLow()),
                doubles("ci_high", rows, r -> r.primary().ciHigh()),
                doubles("median", rows, r -> r.primary().median()),
                ints("forks", rows, r -> r.primary().forks()),
                doubles("alloc_bytes_per_op", rows, r -> secondary(r, "gc.alloc.rate.norm")));

        Map<String, String> extra = new LinkedHashMap<>();
        rows.forEach(r -> r.secondary().forEach((name, m) -> {
            if (!name.startsWith("gc.")) {
                extra.putIfAbsent(name, m.unit());
            }
        }));
        new TreeSet<>(extra.keySet()).forEach(name -> t.addColumns(doubles(name, rows, r -> secondary(r, name))));
        return t;
    }

    /**
     * The same table, its decimal columns printed with four significant digits (in text and in a
     * notebook's HTML); the values themselves keep their precision.
     */
    public static Table readable(Table table) {
        for (Column<?> c : table.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(new ReadableNumbers(), ""));
            }
        }
        return table;
    }

    private static double secondary(BenchmarkResult r, String name) {
        Metric m = r.secondary().get(name);
        return m == null ? Double.NaN : m.score();
    }

    private static Column<?> paramColumn(String name, List<BenchmarkResult> rows) {
        boolean allInts = rows.stream()
                .map(r -> r.params().get(name))
                .filter(v -> v != null && !v.isEmpty())
                .allMatch(v -> v.matches("-?\\d{1,9}"));
        if (allInts) {
            IntColumn c = IntColumn.create(name);
            for (BenchmarkResult r : rows) {
                String v = r.params().get(name);
                if (v == null || v.isEmpty()) {
                    c.appendMissing();
                } else {
                    c.append(Integer.parseInt(v));
                }
            }
            return c;
        }
        StringColumn c = StringColumn.create(name);
        rows.forEach(r -> c.append(r.params().getOrDefault(name, "")));
        return c;
    }

    /** A plain-text table of the run for terminals: key, score ± error, unit, allocation, speedup. */
    public static String text(ResultSet set) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"benchmark", "mode", "score", "± error", "unit", "alloc B/op", "note"});
        for (BenchmarkResult r : set.results()) {
            Metric alloc = r.secondary().get("gc.alloc.rate.norm");
            Metric speedup = r.tags().speedupOf(r.secondary()).orElse(null);
            Metric perVector = r.secondary().get("bytes.per.vector");
            String note = speedup != null ? Units.number(speedup.score()) + "x vs standard"
                    : perVector != null ? Units.number(perVector.score()) + " B/vector retained" : "";
            lines.add(new String[] {
                r.key(), r.mode(), Units.number(r.primary().score()),
                Double.isNaN(r.primary().error()) ? "" : Units.number(r.primary().error()),
                r.unit(), alloc == null ? "" : Units.number(alloc.score()), note});
        }
        int[] width = new int[lines.get(0).length];
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            String[] l = lines.get(n);
            for (int i = 0; i < l.length; i++) {
                boolean numeric = i == 2 || i == 3 || i == 5;
                String cell = numeric ? " ".repeat(width[i] - l[i].length()) + l[i]
                        : l[i] + " ".repeat(width[i] - l[i].length());
                b.append(cell).append(i + 1 < l.length ? "  " : "");
            }
            b.append('\n');
            if (n == 0) {
                for (int i = 0; i < width.length; i++) {
                    b.append("-".repeat(width[i])).append(i + 1 < width.length ? "  " : "");
                }
                b.append('\n');
            }
        }
        return b.toString().replaceAll(" +\n", "\n");
    }
}
