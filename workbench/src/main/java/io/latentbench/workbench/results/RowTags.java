package io.latentbench.workbench.results;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a result row means, declared by the suite that measured it and written on the row, so
 * that the layers reading rows (tables, charts, the gate, its reports) take the meaning from the
 * row and never from a suite's name. Rows read without tags (a foreign JMH file, a file written
 * before tags) get the tags {@link ForeignRows} guesses from their names.
 *
 * @param role       whose code the row measures: ours, judged; or a reference, reported, never judged
 * @param threshold  the {@code [thresholds]} entry of regression_config.toml that judges the row's
 *                   speed, e.g. {@code latency.knn_search}; memory metrics are judged by their unit instead
 * @param speedup    the secondary metric that holds the row's speed-up derived from other rows of
 *                   the run, e.g. {@code speedup_vs_standard}; empty when the row has none
 * @param charts     the standard charts the row belongs on
 */
public record RowTags(Role role, String threshold, Optional<String> speedup, Set<Chart> charts) {

    /** The threshold entry of everything no more specific entry governs. */
    public static final String DEFAULT_THRESHOLD = "default";

    /** Whose code a row measures. */
    public enum Role {
        /** Our code: compared and judged. */
        OURS,
        /** A reference the suite divides by (another library, another language): reported, never judged. */
        REFERENCE,
        /**
         * A reference that measures the machine itself (a plain read of the bytes, the scalar loop of
         * a distance kernel): reported, never judged, and when it moved past its threshold the machine moved.
         */
        MACHINE;

        /**
         * The role of a row of the peers suite, for files that declare it and files that do not alike:
         * the plain read and a distance kernel's scalar loop measure the machine; Lucene and the
         * Python peers are libraries not ours; the rest is ours. The scalar knn is ours: it is the
         * engine's whole search on its scalar kernels, so a slower search moves it too, and taken for
         * the machine it would hide that very slowdown behind "the machine moved".
         */
        public static Role ofPeer(String method, Map<String, String> params) {
            String impl = params.getOrDefault("impl", "");
            if (method.equals("plainRead") || (impl.equals("scalar") && !method.startsWith("knn"))) {
                return MACHINE;
            }
            return impl.equals("lucene") || params.containsKey("peer") ? REFERENCE : OURS;
        }

        public boolean isReference() {
            return this != OURS;
        }

        /** The name in results.json, e.g. {@code machine}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role parse(String label) {
            return parseLabel(Role.class, label, "role");
        }
    }

    /** The standard charts of a run ({@link ResultCharts}). */
    public enum Chart {
        /** Time per query against k, a line per dimension. */
        LATENCY_VS_K,
        /** Each attention type's speed-up against Standard. */
        ATTENTION_SPEEDUPS,
        /** Retained and peak heap against the number of vectors. */
        MEMORY_VS_DATASET;

        /** The name in results.json, e.g. {@code latency_vs_k}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Chart parse(String label) {
            return parseLabel(Chart.class, label, "chart");
        }
    }

    public RowTags {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isBlank()) {
            throw new IllegalArgumentException("a row's threshold entry is blank; expected a key such as latency.knn_search");
        }
        Objects.requireNonNull(speedup, "speedup");
        charts = charts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(charts));
    }

    /** Our code, judged under {@code threshold}, with no derived metric and on no chart. */
    public static RowTags ours(String threshold) {
        return new RowTags(Role.OURS, threshold, Optional.empty(), Set.of());
    }

    public RowTags withRole(Role newRole) {
        return new RowTags(newRole, threshold, speedup, charts);
    }

    public RowTags withSpeedup(String metric) {
        return new RowTags(role, threshold, Optional.of(metric), charts);
    }

    public RowTags withCharts(Collection<Chart> more) {
        EnumSet<Chart> all = charts.isEmpty() ? EnumSet.noneOf(Chart.class) : EnumSet.copyOf(charts);
        all.addAll(more);
        return new RowTags(role, threshold, speedup, all);
    }

    public RowTags withChart(Chart chart) {
        return withCharts(Set.of(chart));
    }

    public boolean on(Chart chart) {
        return charts.contains(chart);
    }

    /** The speed-up metric of a row carrying these tags, when the run could derive it. */
    public Optional<Metric> speedupOf(Map<String, Metric> secondary) {
        return speedup.map(secondary::get);
    }

    private static <E extends Enum<E>> E parseLabel(Class<E> type, String label, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + label + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
