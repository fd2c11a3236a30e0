package io.latentbench.workbench.regress;

/** The entries of {@code [thresholds]} in regression_config.toml, by their TOML path. */
public enum ThresholdEntry {
    DEFAULT("default", 10.0),
    KNN_SEARCH("latency.knn_search", 5.0),
    ADD_EMBEDDING("latency.add_embedding", 8.0),
    ATTENTION("latency.attention", 12.0),
    BATCH_OPERATIONS("throughput.batch_operations", 15.0),
    PARALLEL_SEARCH("throughput.parallel_search", 10.0),
    PEAK_USAGE("memory.peak_usage", 20.0),
    ALLOCATION_COUNT("memory.allocation_count", 25.0);

    private final String path;
    private final double builtInDefault;

    ThresholdEntry(String path, double builtInDefault) {
        this.path = path;
        this.builtInDefault = builtInDefault;
    }

    /** The key under {@code [thresholds]}, e.g. {@code latency.knn_search}. */
    public String path() {
        return path;
    }

    /** The percent used when no config file is given; baselines/regression_config.toml ships the same values. */
    public double builtInDefault() {
        return builtInDefault;
    }

    public static ThresholdEntry byPath(String path) {
        for (ThresholdEntry e : values()) {
            if (e.path.equals(path)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown threshold entry '" + path + "'");
    }
}
