package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.RunInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The comparable view of a run or a baseline: the primary scores and memory metrics. */
public final class Measurements {

    private Measurements() {}

    public static MeasurementSet fromResults(ResultSet results, String source, String testbedOverride) {
        List<Measurement> items = new ArrayList<>();
        for (BenchmarkResult r : results.results()) {
            items.addAll(of(r.key(), r.suite(), r.name(), r.params(), r.tags(), r.primary(), r.secondary()));
        }
        RunInfo info = results.info();
        String testbed = testbedOverride != null ? testbedOverride : knownTestbed(info);
        return MeasurementSet.of(source, testbed, info.gitCommit(),
                info.timestamp() == null ? null : info.timestamp().toString(), items);
    }

    /**
     * The one conversion of a row, of a run or of a baseline record, to what a comparison judges: its
     * primary metric and those secondary metrics {@link MetricKind} compares, each with the finite means
     * of its forks as samples.
     *
     * @param key the row's key, which every measurement's {@link MeasurementId} carries
     */
    public static List<Measurement> of(String key, String suite, String name, SortedMap<String, String> params,
            RowTags tags, Metric primary, Map<String, Metric> secondary) {
        List<Measurement> out = new ArrayList<>();
        out.add(of(MeasurementId.primary(key), suite, name, params, tags, primary));
        for (Map.Entry<String, Metric> e : secondary.entrySet()) {
            MeasurementId id = new MeasurementId(key, e.getKey());
            if (MetricKind.of(id, e.getValue().unit()) != MetricKind.IGNORED) {
                out.add(of(id, suite, name, params, tags, e.getValue()));
            }
        }
        return out;
    }

    /** A foreign JMH file does not say which machine made it; "unknown" testbeds are not compared by name. */
    static String knownTestbed(RunInfo info) {
        if (info.cpu() == null || info.cpu().isBlank() || info.jdk() == null || info.jdk().isBlank() || info.cores() <= 0) {
            return null;
        }
        return info.testbed();
    }

    private static Measurement of(MeasurementId id, String suite, String name, SortedMap<String, String> params,
            RowTags tags, Metric metric) {
        List<Double> forkMeans = Arrays.stream(metric.forkMeans()).filter(Double::isFinite).boxed().toList();
        return new Measurement(id, suite, name, params, metric.unit(), metric.score(), forkMeans, tags);
    }
}
