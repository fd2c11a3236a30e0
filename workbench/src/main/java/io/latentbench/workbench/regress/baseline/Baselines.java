package io.latentbench.workbench.regress.baseline;

import io.latentbench.workbench.regress.Measurement;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.Measurements;
import io.latentbench.workbench.regress.MetricKind;
import io.latentbench.workbench.regress.stats.Descriptive;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Direction;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.ScoreUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/** Conversions between results, baseline records and the comparable view. */
public final class Baselines {

    /** A baseline record keeps a run's peak memory in MB. */
    private static final ScoreUnit MEGABYTES = ScoreUnit.parse("MB");

    private Baselines() {}

    /** One record per benchmark of the run, keyed by {@link BenchmarkResult#key()}. */
    public static SortedMap<String, BaselineRecord> fromResults(ResultSet results, Instant now) {
        SortedMap<String, BaselineRecord> out = new TreeMap<>();
        String timestamp = (results.info().timestamp() != null ? results.info().timestamp() : now).toString();
        String commit = results.info().gitCommit() == null ? "unknown" : results.info().gitCommit();
        for (BenchmarkResult r : results.results()) {
            Metric p = r.primary();
            Descriptive d = Descriptive.of(Arrays.stream(p.allSamples()).filter(Double::isFinite).toArray());
            double mean = Double.isFinite(p.score()) ? p.score() : d.mean();
            if (!Double.isFinite(mean)) {
                continue; // a benchmark JMH could not score has nothing to be a baseline for
            }
            Map<String, BaselineMetric> secondary = new TreeMap<>();
            Double peakMb = null;
            for (Map.Entry<String, Metric> e : r.secondary().entrySet()) {
                Metric m = e.getValue();
                MetricKind kind = MetricKind.of(new MeasurementId(r.key(), e.getKey()), m.unit());
                if (kind.isMemory() && Double.isFinite(m.score())) {
                    secondary.put(e.getKey(), new BaselineMetric(m.unit(), m.score(), m.forkSamples()));
                    if (kind == MetricKind.FOOTPRINT && e.getKey().toLowerCase(Locale.ROOT).contains("peak")) {
                        peakMb = toMb(m.score(), m.unit());
                    }
                }
            }
            if (peakMb == null && p.scoreUnit() instanceof ScoreUnit.Size && r.name().toLowerCase(Locale.ROOT).contains("peak")) {
                peakMb = toMb(mean, p.unit());
            }
            out.put(r.key(), new BaselineRecord(
                    r.key(), r.suite(), r.name(), r.params(), dimension(r.params()), r.mode(), p.unit(),
                    mean, d.stdDev(), d.median(), p.forkSamples(),
                    p.direction() == Direction.HIGHER_IS_BETTER ? mean : null,
                    peakMb, secondary, timestamp, commit, r.tags()));
        }
        return out;
    }

    private static Double toMb(double value, String unit) {
        OptionalDouble f = ScoreUnit.of(unit).factorTo(MEGABYTES);
        return f.isPresent() ? value * f.getAsDouble() : null;
    }

    private static Integer dimension(Map<String, String> params) {
        for (String key : List.of("dim", "dimension", "dims", "d")) {
            String v = params.get(key);
            if (v != null) {
                try {
                    return Integer.valueOf(v.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The comparable view of a baselines file. Records without samples compare as Inconclusive. */
    public static MeasurementSet toMeasurements(BaselineFile file, String source) {
        List<Measurement> items = new ArrayList<>();
        for (BaselineRecord r : file.baselines().values()) {
            String suite = r.suite().isEmpty() ? suiteOf(r.name()) : r.suite();
            String name = r.benchmark() == null || r.benchmark().isEmpty() ? r.name() : r.benchmark();
            Map<String, Metric> secondary = new TreeMap<>();
            r.secondary().forEach((metric, m) -> secondary.put(metric, asMetric(m.unit(), m.mean(), m.samples())));
            items.addAll(Measurements.of(r.name(), suite, name, r.params(), r.tags(),
                    asMetric(r.unit(), r.mean(), r.samples()), secondary));
        }
        String commit = file.latestCommit();
        return MeasurementSet.of(source, file.testbed().isEmpty() ? null : file.testbed(), commit, file.updatedAt(), items);
    }

    /** A stored mean and its samples, for the one conversion to measurements: a baseline keeps no interval. */
    private static Metric asMetric(String unit, double mean, List<List<Double>> samples) {
        return new Metric(unit, mean, Double.NaN, Double.NaN, Double.NaN, samples);
    }

    /** For minimal records without a suite (see {@link BaselineJson}): the part of the key before the first dot. */
    static String suiteOf(String key) {
        int bracket = key.indexOf('[');
        String head = bracket < 0 ? key : key.substring(0, bracket);
        int dot = head.indexOf('.');
        return dot < 0 ? "" : head.substring(0, dot);
    }
}
