package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ChangeStatistics;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.stats.Descriptive;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots. Benchmarks span decades of magnitude and several units, so bars show
 * each benchmark relative to its own baseline mean (baseline = 100 %), with error bars of one
 * standard deviation of the per-fork means on each side.
 */
public final class Charts {

    static final int BARS_PER_CHART = 14;

    /** Bars beyond this percent of the baseline are cut here (and labelled), so one wild value keeps the rest readable. */
    static final double CLIP_PERCENT = 300;

    private Charts() {}

    /** Baseline-vs-current bar charts, {@link #BARS_PER_CHART} benchmarks each. */
    public static List<CategoryChart> baselineVsCurrent(List<Comparison> comparisons) {
        List<Comparison> rows = comparisons.stream()
                .filter(c -> c.baseline().isPresent() && c.statistics().isPresent())
                // sub-object allocation noise: hundreds of percent of nothing
                .filter(c -> !(c.kind() == io.latentbench.workbench.regress.MetricKind.ALLOCATION
                        && c.verdict() == io.latentbench.workbench.regress.Verdict.NO_CHANGE
                        && c.reason().contains("less than one object")))
                .toList();
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
                labels.add(label(c) + (clipped ? String.format(java.util.Locale.ROOT, " (%.0f%%)", value) : ""));
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

    static String label(Comparison c) {
        String s = c.id().toString();
        return s.length() > 48 ? s.substring(0, 45) + "..." : s;
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
