package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.ScoreUnit;
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
        if (id.metric().toLowerCase(Locale.ROOT).endsWith("gc.alloc.rate.norm")) {
            return ALLOCATION;
        }
        return switch (ScoreUnit.of(unit)) {
            case ScoreUnit.SizePerOp perOp -> ALLOCATION;
            // sizes (retained.mb, peak.mb in MB) and sizes per item (bytes.per.vector in B/vector)
            case ScoreUnit.Size size -> FOOTPRINT;
            case ScoreUnit.SizePerItem perItem -> FOOTPRINT;
            // a derived speedup restates two benchmarks that are compared themselves
            case ScoreUnit.Ratio ratio -> IGNORED;
            case ScoreUnit.TimePerOp t -> primaryOnly(id);
            case ScoreUnit.OpsPerTime r -> primaryOnly(id);
            case ScoreUnit.SizePerTime r -> primaryOnly(id);
            case ScoreUnit.Other o -> primaryOnly(id);
        };
    }

    private static MetricKind primaryOnly(MeasurementId id) {
        return id.isPrimary() ? SPEED : IGNORED;
    }

    public boolean isMemory() {
        return this == ALLOCATION || this == FOOTPRINT;
    }
}
