package io.latentbench.workbench.regress.baseline;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of {@code baselines/<testbed>/baselines.json}.
 *
 * @param testbed    the machine class every record was measured on
 * @param createdAt  when the file was first written (ISO-8601)
 * @param updatedAt  when it was last updated
 * @param baselines  records by benchmark key
 */
public record BaselineFile(String testbed, String createdAt, String updatedAt, SortedMap<String, BaselineRecord> baselines) {

    public static final String FORMAT = "latentbench-baselines/1";

    public BaselineFile {
        Objects.requireNonNull(testbed, "testbed");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        baselines = Collections.unmodifiableSortedMap(new TreeMap<>(baselines));
    }

    /** The latest commit any record was measured at, for history file names and listings. */
    public String latestCommit() {
        return baselines.values().stream()
                .filter(r -> r.timestamp() != null)
                .max(java.util.Comparator.comparing(BaselineRecord::timestamp))
                .map(BaselineRecord::gitCommit)
                .orElse("unknown");
    }
}
