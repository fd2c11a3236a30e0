package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds the comparable view of a results file: the primary scores and memory metrics. */
public final class Measurements {

    private Measurements() {}

    public static MeasurementSet fromResults(ResultSet results, String source, String testbedOverride) {
        List<Measurement> items = new ArrayList<>();
        for (BenchmarkResult r : results.results()) {
            items.add(of(r, MeasurementId.primary(r.key()), r.primary()));
            for (Map.Entry<String, Metric> e : r.secondary().entrySet()) {
                MeasurementId id = new MeasurementId(r.key(), e.getKey());
                if (MetricKind.of(id, e.getValue().unit()) != MetricKind.IGNORED) {
                    items.add(of(r, id, e.getValue()));
                }
            }
        }
        RunInfo info = results.info();
        String testbed = testbedOverride != null ? testbedOverride : knownTestbed(info);
        return MeasurementSet.of(source, testbed, info.gitCommit(),
                info.timestamp() == null ? null : info.timestamp().toString(), items);
    }

    /** A foreign JMH file does not say which machine made it; "unknown" testbeds are not compared by name. */
    static String knownTestbed(RunInfo info) {
        if (info.cpu() == null || info.cpu().isBlank() || info.jdk() == null || info.jdk().isBlank() || info.cores() <= 0) {
            return null;
        }
        return info.testbed();
    }

    private static Measurement of(BenchmarkResult r, MeasurementId id, Metric metric) {
        List<Double> forkMeans = Arrays.stream(metric.forkMeans()).filter(Double::isFinite).boxed().toList();
        return new Measurement(id, r.suite(), r.name(), r.params(), metric.unit(), metric.score(), forkMeans,
                r.tags());
    }
}
