package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ChangeStatistics;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.MetricKind;
import io.latentbench.workbench.regress.Verdict;
import io.latentbench.workbench.regress.stats.Descriptive;
import io.latentbench.workbench.results.Direction;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The gate's charts of its verdicts: each benchmark's baseline against its current run, the change
 * against the threshold, history trends, coloured by verdict (a run's own charts are
 * {@code results.ResultCharts}). Benchmarks span decades of magnitude and several units, so bars show
 * each benchmark relative to its own baseline mean (baseline = 100 %), with error bars of one
 * standard deviation of the per-fork means on each side.
 */
public final class VerdictCharts {

    static final int BARS_PER_CHART = 14;

    /** Bars beyond this percent of the baseline are cut here (and labelled), so one wild value keeps the rest readable. */
    static final double CLIP_PERCENT = 300;

    private VerdictCharts() {}

    /** Baseline-vs-current bar charts, {@link #BARS_PER_CHART} benchmarks each. */
    public static List<CategoryChart> baselineVsCurrent(List<Comparison> comparisons) {
        List<Comparison> rows = comparisons.stream()
                .filter(c -> c.baseline().isPresent() && c.statistics().isPresent())
                // sub-object allocation noise: hundreds of percent of nothing
                .filter(c -> !(c.kind() == MetricKind.ALLOCATION
                        && c.verdict() == Verdict.NO_CHANGE
                        && c.reason().contains("less than one object")))
                .toList();
        RowLabels names = RowLabels.of(rows);
        List<CategoryChart> charts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BARS_PER_CHART) {
            List<Comparison> chunk = rows.subList(from, Math.min(rows.size(), from + BARS_PER_CHART));
            CategoryChart chart = new CategoryChartBuilder().width(1000).height(480)
                    .title("Current vs baseline (baseline mean = 100 %)" + (rows.size() > BARS_PER_CHART
                            ? " - part " + (from / BARS_PER_CHART + 1) : ""))
                    .xAxisTitle("benchmark").yAxisTitle("% of baseline mean").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            chart.getStyler().setXAxisLabelRotation(30);
            chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
            chart.getStyler().setSeriesColors(new Color[] {new Color(0x9e, 0xb6, 0xd4), new Color(0xd9, 0x6c, 0x3c)});
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            List<String> labels = new ArrayList<>();
            List<Double> base = new ArrayList<>();
            List<Double> baseErr = new ArrayList<>();
            List<Double> cur = new ArrayList<>();
            List<Double> curErr = new ArrayList<>();
            for (Comparison c : chunk) {
                double[] b = c.baseline().orElseThrow().samples();
                double[] k = c.current().samples();
                double baseMean = Format.mean(b, c.baseline().orElseThrow().score());
                ChangeStatistics s = c.statistics().orElseThrow();
                double value = 100.0 * s.ratio();
                boolean clipped = value > CLIP_PERCENT;
                labels.add(names.of(c) + (clipped ? String.format(Locale.ROOT, " (%.0f%%)", value) : ""));
                base.add(100.0);
                baseErr.add(Math.min(relativeSd(b, baseMean), 100)); // a bar of a positive quantity stops at 0
                cur.add(clipped ? CLIP_PERCENT : value);
                curErr.add(clipped ? 0.0 : Math.min(relativeSd(k, baseMean), CLIP_PERCENT - value));
            }
            chart.addSeries("baseline", labels, base, baseErr);
            chart.addSeries("current", labels, cur, curErr);
            charts.add(chart);
        }
        return charts;
    }

    /** One trend chart per group of up to six benchmarks, each normalised to its latest value. */
    public static List<XYChart> trends(List<Trend> trends) {
        List<XYChart> charts = new ArrayList<>();
        for (int from = 0; from < trends.size(); from += 6) {
            List<Trend> chunk = trends.subList(from, Math.min(trends.size(), from + 6));
            XYChart chart = new XYChartBuilder().width(1000).height(420)
                    .title("Baseline history (each benchmark relative to its latest baseline = 100 %)")
                    .xAxisTitle("baseline updated").yAxisTitle("% of latest").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setDatePattern("MM-dd HH:mm");
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            for (Trend t : chunk) {
                double latest = t.points().getLast().value();
                List<Date> x = t.points().stream().map(p -> Date.from(p.when())).toList();
                List<Double> y = t.points().stream().map(p -> 100 * p.value() / latest).toList();
                chart.addSeries(t.id().toString(), x, y).setMarker(SeriesMarkers.CIRCLE);
            }
            charts.add(chart);
        }
        return charts;
    }

    /** Bars of {@link #changeAgainstThreshold} beyond this many percent either way are cut there (and labelled). */
    static final double CHANGE_CLIP_PERCENT = 100;

    /**
     * How much worse each benchmark got, in percent of its baseline mean (positive is worse: slower,
     * or fewer operations per second), a bar per benchmark coloured by verdict, with its threshold
     * and the improvement bar (half the threshold, the other way) marked. Every primary score is
     * shown; a secondary metric (allocation, memory) only when it is a regression or an improvement,
     * so that the chart stays readable. Benchmarks without a baseline or without samples have no bar.
     */
    public static CategoryChart changeAgainstThreshold(List<Comparison> comparisons) {
        List<Comparison> rows = comparisons.stream()
                .filter(c -> c.baseline().isPresent() && c.statistics().isPresent())
                .filter(c -> c.id().isPrimary() || c.verdict() == Verdict.REGRESSION
                        || c.verdict() == Verdict.IMPROVEMENT)
                .sorted(Comparator.comparing(Comparison::id))
                .toList();
        int longest = rows.stream().mapToInt(c -> c.id().toString().length()).max().orElse(20);
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(900, 160 + 26 * rows.size())).height(420 + 6 * Math.min(longest, 90))
                .title("Change against the baseline, per benchmark (positive = worse)")
                .xAxisTitle("benchmark").yAxisTitle("worse than the baseline mean (%)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisLabelRotation(rows.size() > 6 ? 90 : 30);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setAvailableSpaceFill(0.7);
        if (rows.isEmpty()) {
            chart.setTitle("No benchmark has both a baseline and samples: nothing to compare");
            chart.addSeries("none", List.of("-"), List.of(0.0));
            return chart;
        }
        List<String> labels = new ArrayList<>();
        for (Comparison c : rows) {
            double worse = worsePercent(c);
            String label = c.id().toString();
            labels.add(Math.abs(worse) > CHANGE_CLIP_PERCENT
                    ? label + String.format(Locale.ROOT, " (%+.0f%%)", worse) : label);
        }
        List<Color> colors = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            List<Double> values = new ArrayList<>();
            boolean any = false;
            for (Comparison c : rows) {
                boolean mine = c.verdict() == verdict;
                any |= mine;
                double worse = Math.max(-CHANGE_CLIP_PERCENT, Math.min(CHANGE_CLIP_PERCENT, worsePercent(c)));
                values.add(mine ? worse : null);
            }
            if (any) {
                chart.addSeries(verdict.label(), labels, values);
                colors.add(verdictColor(verdict));
            }
        }
        CategorySeries threshold = chart.addSeries("threshold (worse by more fails)", labels,
                rows.stream().map(c -> c.thresholdPercent()).toList());
        threshold.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        threshold.setMarker(SeriesMarkers.NONE);
        colors.add(new Color(0xc0, 0x1c, 0x28));
        CategorySeries improvement = chart.addSeries("improvement bar (half the threshold)", labels,
                rows.stream().map(c -> -c.thresholdPercent() / 2).toList());
        improvement.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        improvement.setMarker(SeriesMarkers.NONE);
        colors.add(new Color(0x26, 0xa2, 0x69));
        chart.getStyler().setSeriesColors(colors.toArray(Color[]::new));
        return chart;
    }

    /** The change of the mean in the direction the threshold reads: positive is worse, whatever the unit. */
    public static double worsePercent(Comparison c) {
        double ratio = c.statistics().orElseThrow().ratio();
        return 100 * (c.direction() == Direction.HIGHER_IS_BETTER ? 1 - ratio : ratio - 1);
    }

    static Color verdictColor(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION -> new Color(0xe0, 0x4a, 0x3f);
            case IMPROVEMENT -> new Color(0x4c, 0xaf, 0x50);
            case NO_CHANGE -> new Color(0x9e, 0xb6, 0xd4);
            case INCONCLUSIVE -> new Color(0xf2, 0xc1, 0x4e);
            case NEW_BENCHMARK -> Color.GRAY;
            case REFERENCE -> new Color(0xc8, 0xc8, 0xc8);
            case FAILED -> new Color(0x6a, 0x1b, 0x9a);
        };
    }

    private static double relativeSd(double[] samples, double reference) {
        if (samples.length < 2 || reference == 0) {
            return 0.0;
        }
        return 100 * Descriptive.of(samples).stdDev() / Math.abs(reference);
    }

    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "'", e);
        }
    }
}
