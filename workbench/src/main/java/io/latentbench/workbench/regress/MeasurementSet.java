package io.latentbench.workbench.regress;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one side of a comparison measured.
 *
 * @param source     a human description: the file and what kind of file it was
 * @param testbed    machine class the numbers belong to, or null when the file does not say
 * @param gitCommit  the commit measured, or "unknown"
 * @param timestamp  when, as ISO-8601 text, or "unknown"
 */
public record MeasurementSet(
        String source, String testbed, String gitCommit, String timestamp, SortedMap<MeasurementId, Measurement> measurements) {

    public MeasurementSet {
        Objects.requireNonNull(source, "source");
        gitCommit = gitCommit == null ? "unknown" : gitCommit;
        timestamp = timestamp == null ? "unknown" : timestamp;
        measurements = Collections.unmodifiableSortedMap(new TreeMap<>(measurements));
    }

    public static MeasurementSet of(String source, String testbed, String gitCommit, String timestamp,
            Iterable<Measurement> items) {
        SortedMap<MeasurementId, Measurement> map = new TreeMap<>();
        for (Measurement m : items) {
            map.put(m.id(), m);
        }
        return new MeasurementSet(source, testbed, gitCommit, timestamp, map);
    }

    public Optional<Measurement> get(MeasurementId id) {
        return Optional.ofNullable(measurements.get(id));
    }

    public MeasurementSet withMeasurements(Map<MeasurementId, Measurement> replaced) {
        return new MeasurementSet(source, testbed, gitCommit, timestamp, new TreeMap<>(replaced));
    }
}
