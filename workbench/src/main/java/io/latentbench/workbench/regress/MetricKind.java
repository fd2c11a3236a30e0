package io.latentbench.workbench.regress;

import java.util.Locale;

/**
 * Which quantities a comparison looks at. The primary score always; of the secondary metrics
 * only the memory ones (bytes per operation, peak or retained sizes), because the rest of
 * what JMH's profilers report (gc.count, gc.time, allocation rates per second) is either
 * noise or a restatement of the time. Derived speedup rows (unit "x") are not compared either.
 */
public enum MetricKind {
    /** A time or rate: the primary score of a benchmark that is not a memory measurement. */
    SPEED,
    /** Bytes allocated per operation, as JMH's gc profiler's gc.alloc.rate.norm. */
    ALLOCATION,
    /** A size of memory held: peak or retained MB, bytes per stored vector. */
    FOOTPRINT,
    /** Not compared. */
    IGNORED;

    public static MetricKind of(MeasurementId id, String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        String metric = id.metric().toLowerCase(Locale.ROOT);
        if (metric.endsWith("gc.alloc.rate.norm") || u.equals("b/op") || u.equals("bytes/op")) {
            return ALLOCATION;
        }
        // sizes (retained.mb, peak.mb in MB) and sizes per item (bytes.per.vector in B/vector)
        if (Units.isSize(u) || (u.startsWith("b/") && !u.endsWith("/s") && !u.endsWith("/sec"))) {
            return FOOTPRINT;
        }
        if (u.equals("x")) {
            return IGNORED; // a derived speedup restates two benchmarks that are compared themselves
        }
        return id.isPrimary() ? SPEED : IGNORED;
    }

    public boolean isMemory() {
        return this == ALLOCATION || this == FOOTPRINT;
    }
}
