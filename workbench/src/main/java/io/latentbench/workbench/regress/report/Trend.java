package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's baseline mean across the saved history, oldest first. */
public record Trend(MeasurementId id, String unit, List<Point> points) {

    public record Point(Instant when, double value) {}

    public Trend {
        points = List.copyOf(points);
    }

    /** Trends of the given benchmarks' primary scores over history files (in any order). */
    public static List<Trend> fromHistory(Collection<BaselineFile> history, Collection<MeasurementId> ids) {
        List<BaselineFile> files = history.stream()
                .filter(f -> parse(f.updatedAt()) != null)
                .sorted(java.util.Comparator.comparing(f -> parse(f.updatedAt())))
                .toList();
        Map<MeasurementId, List<Point>> points = new LinkedHashMap<>();
        Map<MeasurementId, String> units = new LinkedHashMap<>();
        for (MeasurementId id : ids) {
            if (!id.isPrimary()) {
                continue;
            }
            for (BaselineFile f : files) {
                BaselineRecord r = f.baselines().get(id.benchmark());
                if (r != null && Double.isFinite(r.mean()) && (units.get(id) == null || units.get(id).equals(r.unit()))) {
                    units.putIfAbsent(id, r.unit());
                    points.computeIfAbsent(id, k -> new ArrayList<>()).add(new Point(parse(f.updatedAt()), r.mean()));
                }
            }
        }
        List<Trend> out = new ArrayList<>();
        points.forEach((id, p) -> {
            if (p.size() >= 2) {
                out.add(new Trend(id, units.get(id), p));
            }
        });
        return out;
    }

    private static Instant parse(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
