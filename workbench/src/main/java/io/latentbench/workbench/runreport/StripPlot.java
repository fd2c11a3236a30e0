package io.latentbench.workbench.runreport;

import static io.latentbench.workbench.files.Html.escape;
import static io.latentbench.workbench.runreport.Svg.num;

import java.util.List;

import io.latentbench.workbench.results.BenchmarkResult;

/**
 * One benchmark method's samples, a row per parameter point: every measurement iteration as a
 * small dot, coloured by its fork and spread a little across the row, each fork's mean as a tick,
 * so that fork-to-fork scatter (the unit of replication) stands apart from iteration noise.
 */
final class StripPlot {

    static final int WIDTH = 860;
    static final int ROW = 26;
    static final int LABEL = 260;
    static final int RIGHT = 20;

    private StripPlot() {
    }

    static String svg(List<BenchmarkResult> rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (BenchmarkResult r : rows) {
            for (double v : samples(r)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return "<p class=\"note\">no samples</p>";
        }
        Svg.Axis axis = Svg.Axis.of(min, max);
        int plotW = WIDTH - LABEL - RIGHT;
        int height = rows.size() * ROW + 40;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"strip\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">");
        int axisY = rows.size() * ROW + 8;
        for (double t : axis.ticks()) {
            double x = LABEL + axis.fraction(t) * plotW;
            b.append("<line x1=\"").append(num(x)).append("\" y1=\"4\" x2=\"").append(num(x)).append("\" y2=\"").append(axisY)
                    .append("\" class=\"grid\"/>");
            b.append("<text x=\"").append(num(x)).append("\" y=\"").append(axisY + 14).append("\" class=\"tick\">")
                    .append(Svg.value(t)).append("</text>");
        }
        b.append("<text x=\"").append(LABEL + plotW / 2).append("\" y=\"").append(axisY + 30).append("\" class=\"axis\">")
                .append(escape(rows.get(0).unit())).append(axis.log() ? " (log scale)" : "").append("</text>");
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkResult r = rows.get(i);
            double cy = i * ROW + ROW / 2.0 + 4;
            if (i % 2 == 1) {
                b.append("<rect x=\"").append(LABEL).append("\" y=\"").append(num(cy - ROW / 2.0)).append("\" width=\"")
                        .append(plotW).append("\" height=\"").append(ROW).append("\" class=\"band\"/>");
            }
            b.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(num(cy + 4)).append("\" class=\"label\">")
                    .append(escape(ParamLabels.of(r))).append("</text>");
            List<List<Double>> forks = r.primary().forkSamples();
            for (int f = 0; f < forks.size(); f++) {
                List<Double> iterations = forks.get(f);
                double sum = 0;
                for (int k = 0; k < iterations.size(); k++) {
                    double v = iterations.get(k);
                    sum += v;
                    // a fixed spread across the row: forks apart, iterations beside each other
                    double dy = ((f + 0.5) / forks.size() - 0.5) * (ROW - 8) + ((k % 3) - 1) * 1.5;
                    b.append("<circle cx=\"").append(num(LABEL + axis.fraction(v) * plotW)).append("\" cy=\"").append(num(cy + dy))
                            .append("\" r=\"2.2\" fill=\"").append(Svg.color(f)).append("\" fill-opacity=\"0.55\"><title>fork ")
                            .append(f + 1).append(", iteration ").append(k + 1).append(": ").append(Svg.value(v)).append(' ')
                            .append(escape(r.unit())).append("</title></circle>");
                }
                if (!iterations.isEmpty()) {
                    double mean = sum / iterations.size();
                    double x = LABEL + axis.fraction(mean) * plotW;
                    b.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(cy - ROW / 2.0 + 3)).append("\" x2=\"")
                            .append(num(x)).append("\" y2=\"").append(num(cy + ROW / 2.0 - 3)).append("\" stroke=\"")
                            .append(Svg.color(f)).append("\" stroke-width=\"2\"><title>fork ").append(f + 1).append(" mean: ")
                            .append(Svg.value(mean)).append(' ').append(escape(r.unit())).append("</title></line>");
                }
            }
        }
        return b.append("</svg>").toString();
    }

    private static double[] samples(BenchmarkResult r) {
        double[] s = r.primary().allSamples();
        return s.length > 0 ? s : new double[] {r.primary().score()};
    }
}
