package io.latentbench.workbench.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * JMH's in-memory results as rows, without writing them as JSON text and reading that back: each
 * row holds what {@link JmhJsonReader} reads from the file JMH writes of the same results
 * ({@code -rf json}), value for value, and obeys the same rule for primary samples
 * ({@link ForkSamples}). Parameter values and metric names arrive as they are, where JMH's JSON
 * writer breaks its lines at every comma and turns a {@code ;} into a comma, even inside strings.
 */
public final class JmhRuns {

    /** The percentiles JMH writes of every metric. */
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

    private JmhRuns() {}

    /** One row per run, in the order JMH returned them; tags guessed until the caller puts the suite's own. */
    public static List<BenchmarkResult> rows(Collection<RunResult> runs) {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (RunResult run : runs) {
            rows.add(row(run));
        }
        return rows;
    }

    private static BenchmarkResult row(RunResult run) {
        BenchmarkParams p = run.getParams();
        String where = "JMH run of " + p.getBenchmark();
        TreeMap<String, String> params = new TreeMap<>();
        for (String key : p.getParamsKeys()) {
            params.put(key, String.valueOf(p.getParam(key)));
        }
        boolean histograms = p.getMode() == Mode.SampleTime;
        List<List<Double>> samples = new ArrayList<>();
        for (org.openjdk.jmh.results.BenchmarkResult fork : run.getBenchmarkResults()) {
            List<Double> its = new ArrayList<>();
            int i = 0;
            for (IterationResult it : fork.getIterationResults()) {
                String at = where + ": primaryMetric fork " + samples.size() + " iteration " + i++;
                its.add(histograms ? histogramMean(it.getPrimaryResult().getStatistics(), at) : it.getPrimaryResult().getScore());
            }
            samples.add(its);
        }
        ForkSamples.requireMeasured(samples, where + ": primaryMetric samples");
        Metric primary = metric(run.getPrimaryResult(), samples);

        Map<String, Metric> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, Result> e : run.getSecondaryResults().entrySet()) {
            List<List<Double>> forks = new ArrayList<>();
            for (org.openjdk.jmh.results.BenchmarkResult fork : run.getBenchmarkResults()) {
                List<Double> its = new ArrayList<>();
                for (IterationResult it : fork.getIterationResults()) {
                    Result r = it.getSecondaryResults().get(e.getKey());
                    if (r != null) {
                        its.add(r.getScore());
                    }
                }
                forks.add(its);
            }
            secondary.put(JmhJsonReader.stripOldPrefix(e.getKey()), metric(e.getValue(), forks));
        }
        return JmhJsonReader.row(p.getBenchmark(), p.getMode().shortLabel(), params, primary, secondary);
    }

    private static Metric metric(Result result, List<List<Double>> forks) {
        double[] ci = result.getScoreConfidence();
        boolean interval = ci != null && ci.length == 2;
        Statistics stats = result.getStatistics();
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        for (double at : PERCENTILES) {
            percentiles.put(at, stats.getPercentile(at));
        }
        return new Metric(result.getScoreUnit(), result.getScore(), result.getScoreError(),
                interval ? ci[0] : Double.NaN, interval ? ci[1] : Double.NaN, forks, percentiles);
    }

    private static double histogramMean(Statistics calls, String where) {
        ForkSamples.Histogram histogram = new ForkSamples.Histogram(where, true);
        int b = 0;
        for (Iterator<Map.Entry<Double, Long>> bins = calls.getRawData(); bins.hasNext(); b++) {
            Map.Entry<Double, Long> bin = bins.next();
            histogram.add(bin.getKey(), bin.getValue(), where + " bin " + b);
        }
        return histogram.mean();
    }
}
