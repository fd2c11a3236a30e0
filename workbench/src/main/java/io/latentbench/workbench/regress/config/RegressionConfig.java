package io.latentbench.workbench.regress.config;

import io.latentbench.workbench.regress.ThresholdEntry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed regression_config.toml.
 *
 * @param thresholds  percent per entry, only the entries the file sets (plus {@code default})
 * @param source      where it came from, for reports and error messages
 */
public record RegressionConfig(
        Map<ThresholdEntry, Double> thresholds,
        ActionsConfig actions,
        BaselineManagement baselineManagement,
        StatisticsConfig statistics,
        String source) {

    public RegressionConfig {
        EnumMap<ThresholdEntry, Double> copy = new EnumMap<>(ThresholdEntry.class);
        copy.putAll(thresholds);
        copy.putIfAbsent(ThresholdEntry.DEFAULT, ThresholdEntry.DEFAULT.builtInDefault());
        thresholds = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(baselineManagement, "baselineManagement");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(source, "source");
    }

    /** No file: each threshold entry's {@link ThresholdEntry#builtInDefault()} and each section's defaults. */
    public static RegressionConfig defaults() {
        EnumMap<ThresholdEntry, Double> builtIn = new EnumMap<>(ThresholdEntry.class);
        for (ThresholdEntry e : ThresholdEntry.values()) {
            builtIn.put(e, e.builtInDefault());
        }
        return new RegressionConfig(builtIn, ActionsConfig.defaults(), BaselineManagement.defaults(),
                StatisticsConfig.defaults(), "built-in defaults");
    }

    /** The percent threshold of an entry: its own value when the file sets it, else {@code default}. */
    public double thresholdPercent(ThresholdEntry entry) {
        Double own = thresholds.get(entry);
        return own != null ? own : thresholds.get(ThresholdEntry.DEFAULT);
    }

    /** Every threshold replaced by one value, as {@code --threshold P} asks. */
    public RegressionConfig withUniformThreshold(double percent) {
        if (!(percent > 0) || !Double.isFinite(percent)) {
            throw new IllegalArgumentException("threshold " + percent + " must be a positive percentage");
        }
        EnumMap<ThresholdEntry, Double> all = new EnumMap<>(ThresholdEntry.class);
        for (ThresholdEntry e : ThresholdEntry.values()) {
            all.put(e, percent);
        }
        return new RegressionConfig(all, actions, baselineManagement, statistics, source + ", --threshold " + percent);
    }

    public RegressionConfig withStatistics(StatisticsConfig stats) {
        return new RegressionConfig(thresholds, actions, baselineManagement, stats, source);
    }
}
