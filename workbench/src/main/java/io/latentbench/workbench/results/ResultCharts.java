package io.latentbench.workbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The standard plots of a run, as XChart charts: knn latency against k (one line per
 * dimension), attention speedups against Standard, and memory against dataset size. An axis
 * is logarithmic when its data spans two decades or more, as k (10..1000) and dataset sizes
 * (1k..100k) do.
 */
public final class ResultCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private ResultCharts() {}

    /**
     * knn time per query against k, a series per dimension, from the rows tagged for it: of one
     * suite, the first in the set that has such rows (a run lists the latency suite before the matrix).
     */
    public static XYChart latencyVsK(ResultSet set) {
        List<BenchmarkResult> tagged = pick(set, r -> r.tags().on(RowTags.Chart.LATENCY_VS_K)
                && r.params().containsKey("k") && r.params().containsKey("dim") && Units.isTimePerOp(r.unit()));
        if (tagged.isEmpty()) {
            throw new IllegalStateException("these results have no knn latency rows with dim and k;"
                    + " run the latency or matrix suite");
        }
        String firstSuite = tagged.get(0).suite();
        List<BenchmarkResult> rows = tagged.stream().filter(r -> r.suite().equals(firstSuite)).toList();
        String unit = rows.get(0).unit();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("knn latency against k").xAxisTitle("k (neighbours)")
                .yAxisTitle("time per query (" + Units.shortUnit(unit) + ")").build();
        Map<Integer, TreeMap<Double, Double>> byDim = new TreeMap<>();
        for (BenchmarkResult r : rows) {
            double seconds = Units.secondsPerOp(r.primary().score(), r.unit());
            double inUnit = seconds / Units.secondsPerOp(1, unit);
            byDim.computeIfAbsent(Integer.parseInt(r.params().get("dim")), d -> new TreeMap<>())
                    .put(Double.parseDouble(r.params().get("k")), inUnit);
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        byDim.forEach((dim, points) -> {
            chart.addSeries("d=" + dim, toArray(points.keySet()), toArray(points.values()))
                    .setMarker(SeriesMarkers.CIRCLE);
            xs.addAll(points.keySet());
            ys.addAll(points.values());
        });
        axes(chart, xs, ys);
        return chart;
    }

    /** Log axes over decades, otherwise linear from zero; plain numbers on both. */
    private static void axes(XYChart chart, List<Double> xs, List<Double> ys) {
        boolean logX = spansDecades(xs);
        boolean logY = spansDecades(ys);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##");
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        if (!logY) {
            chart.getStyler().setYAxisMin(0.0);
        }
    }

    /**
     * Speedup against Standard per attention type, a series per (dimension, keys) combination: the
     * rows tagged for this chart, else every row whose tags name a speed-up the run derived.
     */
    public static CategoryChart attentionSpeedups(ResultSet set) {
        Predicate<BenchmarkResult> hasSpeedup = r -> r.tags().speedupOf(r.secondary()).isPresent();
        List<BenchmarkResult> rows = pick(set, r -> hasSpeedup.test(r) && r.tags().on(RowTags.Chart.ATTENTION_SPEEDUPS));
        if (rows.isEmpty()) {
            rows = pick(set, hasSpeedup);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("these results have no attention speedups;"
                    + " run the attention_comparison or flash_vs_standard suite");
        }
        Set<String> types = new LinkedHashSet<>();
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            String type = r.params().get("type");
            types.add(type);
            List<String> others = new ArrayList<>();
            r.params().forEach((k, v) -> {
                if (!k.equals("type")) {
                    others.add(k + "=" + v);
                }
            });
            series.computeIfAbsent(String.join(", ", others), k -> new LinkedHashMap<>())
                    .put(type, r.tags().speedupOf(r.secondary()).orElseThrow().score());
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("attention: speedup against Standard").xAxisTitle("attention type")
                .yAxisTitle("speedup (x, higher is faster)").build();
        List<String> categories = new ArrayList<>(types);
        List<Double> all = new ArrayList<>();
        series.forEach((name, values) -> {
            List<Double> ys = new ArrayList<>();
            for (String t : categories) {
                double v = values.getOrDefault(t, Double.NaN);
                ys.add(v);
                if (!Double.isNaN(v)) {
                    all.add(v);
                }
            }
            chart.addSeries(name.isEmpty() ? "speedup" : name, categories, ys);
        });
        boolean logY = spansDecades(all);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        if (!logY) {
            chart.getStyler().setYAxisMin(0.0);
        }
        return chart;
    }

    /** Retained and peak heap (MB) against the number of vectors built, a pair of series per dimension. */
    public static XYChart memoryVsDatasetSize(ResultSet set) {
        List<BenchmarkResult> rows = pick(set, r -> r.tags().on(RowTags.Chart.MEMORY_VS_DATASET) && r.params().containsKey("dataset")
                && r.secondary().containsKey("retained.mb"));
        if (rows.isEmpty()) {
            throw new IllegalStateException("these results have no memory rows with retained.mb; run the memory suite");
        }
        Map<String, Map<String, TreeMap<Double, Double>>> byDim = new TreeMap<>();
        for (BenchmarkResult r : rows) {
            String dim = r.params().getOrDefault("dim", "?");
            double n = Double.parseDouble(r.params().get("dataset"));
            Map<String, TreeMap<Double, Double>> s = byDim.computeIfAbsent(dim, d -> new LinkedHashMap<>());
            for (String metric : List.of("retained.mb", "peak.mb")) {
                Metric m = r.secondary().get(metric);
                if (m != null) {
                    s.computeIfAbsent(metric, k -> new TreeMap<>()).put(n, m.score());
                }
            }
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("memory against dataset size").xAxisTitle("vectors").yAxisTitle("heap (MB)").build();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        byDim.forEach((dim, metrics) -> metrics.forEach((metric, points) -> {
            String label = (metric.equals("retained.mb") ? "retained" : "peak during build") + ", d=" + dim;
            chart.addSeries(label, toArray(points.keySet()), toArray(points.values())).setMarker(SeriesMarkers.CIRCLE);
            xs.addAll(points.keySet());
            ys.addAll(points.values());
        }));
        axes(chart, xs, ys);
        return chart;
    }

    /** Saves a chart as PNG, creating parent directories. */
    public static Path savePng(Chart<?, ?> chart, Path path) {
        try {
            Path abs = path.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            String name = abs.toString();
            String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
            return Path.of(base + ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart to " + path, e);
        }
    }

    /** Whether positive data spans two decades or more, where a log axis reads better. */
    static boolean spansDecades(List<Double> values) {
        double min = values.stream().filter(v -> v > 0 && Double.isFinite(v)).mapToDouble(Double::doubleValue).min().orElse(1);
        double max = values.stream().filter(v -> v > 0 && Double.isFinite(v)).mapToDouble(Double::doubleValue).max().orElse(1);
        boolean allPositive = values.stream().allMatch(v -> v > 0 || Double.isNaN(v));
        return allPositive && max / min >= 100;
    }

    private static List<BenchmarkResult> pick(ResultSet set, Predicate<BenchmarkResult> p) {
        return set.results().stream().filter(p).toList();
    }

    private static double[] toArray(java.util.Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
