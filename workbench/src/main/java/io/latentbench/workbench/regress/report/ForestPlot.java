package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ChangeStatistics;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.results.Direction;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A forest plot: one row per benchmark, its change (positive = worse, whatever the unit) as a
 * point with its interval as a line, the threshold (worse by more fails) and the improvement bar
 * (half the threshold, the other way) as ticks on the row, and no change as a vertical line.
 * Rows without an interval (untested) show the point alone.
 */
public final class ForestPlot {

    private static final int ROW_PIXELS = 30;
    private static final double BLANK_ROWS_BELOW = 3;

    private ForestPlot() {}

    public static XYChart of(List<Comparison> comparisons) {
        List<Comparison> rows = comparisons.stream()
                .filter(c -> c.id().isPrimary() && c.statistics().isPresent())
                .sorted(Comparator.comparing(Comparison::id).reversed())
                .toList();
        RowLabels labels = RowLabels.of(rows);
        int longest = rows.stream().mapToInt(c -> labels.of(c).length()).max().orElse(10);
        XYChart chart = new XYChartBuilder().width(760 + 7 * longest).height(200 + ROW_PIXELS * Math.max(rows.size(), 1))
                .title("Change per benchmark with its interval (positive = worse)")
                .xAxisTitle("worse than the base (%)").yAxisTitle("").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisTickMarkSpacingHint(ROW_PIXELS - 4);
        chart.getStyler().setXAxisDecimalPattern("#,##0.#");
        if (rows.isEmpty()) {
            chart.setTitle("No benchmark has a change to show");
            chart.addSeries("none", new double[] {0}, new double[] {0});
            return chart;
        }
        // XChart 4 lays the Y ticks out again, with ever wider steps, until their labels all differ and
        // the lowest three are at most 20 characters long: once a benchmark's name is among those
        // three it never stops. Rows at least 30 px apart keep the step at one row, three blank rows
        // below the first benchmark keep the names out of the lowest three ticks, and every tick that
        // is not a row gets a blank of its own (a pattern of spaces and no-break spaces).
        chart.getStyler().setYAxisMin(-BLANK_ROWS_BELOW);
        chart.getStyler().setYAxisMax((double) rows.size());
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            long i = Math.round(y);
            return Math.abs(y - i) < 1e-6 && i >= 0 && i < rows.size() ? labels.of(rows.get((int) i)) : blank(y);
        });
        XYSeries zero = chart.addSeries("no change", new double[] {0, 0}, new double[] {-BLANK_ROWS_BELOW, rows.size()});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.DARK_GRAY);
        double[] ys = new double[rows.size()];
        double[] thresholds = new double[rows.size()];
        double[] improvementBars = new double[rows.size()];
        boolean legendShown = false;
        for (int i = 0; i < rows.size(); i++) {
            Comparison c = rows.get(i);
            ys[i] = i;
            thresholds[i] = c.thresholdPercent();
            improvementBars[i] = -c.thresholdPercent() / 2;
            ChangeStatistics s = c.statistics().orElseThrow();
            double[] x = worse(c.direction(), s);
            Color color = VerdictCharts.verdictColor(c.verdict());
            if (!Double.isNaN(x[1])) {
                XYSeries interval = chart.addSeries("interval " + i, new double[] {x[1], x[2]}, new double[] {i, i});
                interval.setMarker(SeriesMarkers.NONE);
                interval.setLineColor(color);
                interval.setLineStyle(new BasicStroke(2.5f));
                interval.setShowInLegend(false);
            }
            XYSeries point = chart.addSeries(String.format(Locale.ROOT, "%s %d", c.verdict().label(), i),
                    new double[] {x[0]}, new double[] {i});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            point.setMarker(SeriesMarkers.DIAMOND);
            point.setMarkerColor(color);
            point.setShowInLegend(false);
            legendShown = true;
        }
        XYSeries threshold = chart.addSeries("threshold (worse by more fails)", thresholds, ys);
        threshold.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        threshold.setMarker(SeriesMarkers.RECTANGLE);
        threshold.setMarkerColor(new Color(0xc0, 0x1c, 0x28));
        XYSeries improvement = chart.addSeries("improvement bar (half the threshold)", improvementBars, ys);
        improvement.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        improvement.setMarker(SeriesMarkers.RECTANGLE);
        improvement.setMarkerColor(new Color(0x26, 0xa2, 0x69));
        chart.getStyler().setLegendVisible(legendShown);
        return chart;
    }

    /** A label that shows nothing and differs for every y a thousandth apart (XChart's ticks are further apart). */
    static String blank(double y) {
        String bits = Long.toBinaryString(Math.round(y * 1000) + (1L << 18));
        return bits.replace('0', ' ').replace('1', '\u00a0');
    }

    /** {estimate, low, high} of the change in percent, turned so that positive is worse. */
    static double[] worse(Direction direction, ChangeStatistics s) {
        if (direction == Direction.HIGHER_IS_BETTER) {
            return new double[] {100 * (1 - s.ratio()), 100 * (1 - s.ratioHigh()), 100 * (1 - s.ratioLow())};
        }
        return new double[] {100 * (s.ratio() - 1), 100 * (s.ratioLow() - 1), 100 * (s.ratioHigh() - 1)};
    }
}
