package io.latentbench.workbench.regress;

/**
 * Which {@code [thresholds]} entry governs a measurement:
 *
 * <ol>
 *   <li>memory metrics, by their unit: bytes per operation (gc.alloc.rate.norm, B/op) use
 *       {@code memory.allocation_count}; sizes (peak or retained MB) use {@code memory.peak_usage};</li>
 *   <li>every other quantity uses the entry its row's tags name: the suite declares it per
 *       benchmark ({@code bench.SuiteTags}), and a row without tags (a foreign JMH file, an old
 *       file) gets the one guessed from its names ({@code results.ForeignRows}).</li>
 * </ol>
 *
 * A config entry that is absent falls back to {@code default}: the most specific entry present wins.
 */
public final class ThresholdMapping {

    private ThresholdMapping() {}

    /**
     * @throws IllegalArgumentException when the row's tags name an entry this gate does not know
     */
    public static ThresholdEntry entryFor(Measurement m) {
        MetricKind kind = MetricKind.of(m.id(), m.unit());
        if (kind == MetricKind.ALLOCATION) {
            return ThresholdEntry.ALLOCATION_COUNT;
        }
        if (kind == MetricKind.FOOTPRINT) {
            return ThresholdEntry.PEAK_USAGE;
        }
        try {
            return ThresholdEntry.byPath(m.tags().threshold());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(m.id() + ": its tags name the threshold entry '" + m.tags().threshold()
                    + "', which regression_config.toml has no place for; expected one of "
                    + java.util.Arrays.stream(ThresholdEntry.values()).map(ThresholdEntry::path).toList(), e);
        }
    }
}
