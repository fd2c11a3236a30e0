package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.Measurement;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.results.BenchmarkResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The names of a chart's rows: each benchmark with only the parameters whose values tell its rows
 * apart in that chart ({@code attention_comparison.attention[type=flash]} where every row has
 * {@code dim=256,keys=1000}), so that a long key cut to fit never loses what distinguishes it.
 * The full keys stay in the report's tables.
 */
final class RowLabels {

    /** Longer labels are cut, keeping their start and end: the end holds the parameters that differ. */
    static final int MAX_LENGTH = 64;

    private final Map<MeasurementId, String> labels = new HashMap<>();

    private RowLabels(List<Comparison> rows) {
        Map<String, Set<String>> varying = new HashMap<>();
        Map<String, Map<String, String>> first = new HashMap<>();
        for (Comparison c : rows) {
            Measurement m = c.current();
            String benchmark = m.suite() + "." + m.name();
            Map<String, String> seen = first.putIfAbsent(benchmark, m.params());
            if (seen != null) {
                Set<String> keys = new HashSet<>(seen.keySet());
                keys.addAll(m.params().keySet());
                for (String key : keys) {
                    if (!m.params().getOrDefault(key, "").equals(seen.getOrDefault(key, ""))) {
                        varying.computeIfAbsent(benchmark, b -> new HashSet<>()).add(key);
                    }
                }
            }
        }
        for (Comparison c : rows) {
            Measurement m = c.current();
            Set<String> shown = varying.getOrDefault(m.suite() + "." + m.name(), Set.of());
            Map<String, String> params = new TreeMap<>(m.params());
            params.keySet().retainAll(shown);
            String label = BenchmarkResult.key(m.suite(), m.name(), params)
                    + (c.id().isPrimary() ? "" : ":" + c.id().metric());
            labels.put(c.id(), cut(label));
        }
    }

    static RowLabels of(List<Comparison> rows) {
        return new RowLabels(rows);
    }

    String of(Comparison c) {
        String label = labels.get(c.id());
        if (label == null) {
            throw new IllegalArgumentException(c.id() + " is not a row of this chart");
        }
        return label;
    }

    static String cut(String label) {
        if (label.length() <= MAX_LENGTH) {
            return label;
        }
        int keep = MAX_LENGTH - 3;
        return label.substring(0, keep / 2) + "..." + label.substring(label.length() - (keep - keep / 2));
    }
}
