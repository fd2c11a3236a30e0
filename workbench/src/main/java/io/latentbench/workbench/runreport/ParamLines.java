package io.latentbench.workbench.runreport;

import static io.latentbench.workbench.files.Html.escape;
import static io.latentbench.workbench.runreport.Svg.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.NaturalOrder;

/**
 * A benchmark method's score across one parameter: its values along x in their natural order,
 * a line per combination of the other parameters, the score's error as a whisker.
 */
final class ParamLines {

    static final int WIDTH = 560;
    static final int HEIGHT = 260;
    static final int LEFT = 64;
    static final int BOTTOM = 40;
    static final int TOP = 14;
    static final int LEGEND = 240;
    /** More lines than this are left out of the chart (and said so): they would be unreadable. */
    static final int MAX_LINES = 10;

    private ParamLines() {
    }

    /** The parameters worth a chart: those with at least two values among the rows. */
    static List<String> axes(List<BenchmarkResult> rows) {
        Map<String, TreeSet<String>> values = new TreeMap<>();
        for (BenchmarkResult r : rows) {
            r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        return values.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).toList();
    }

    static String svg(List<BenchmarkResult> rows, String param) {
        List<String> xs = rows.stream().map(r -> r.params().get(param)).filter(v -> v != null).distinct()
                .sorted(NaturalOrder::compareValues).toList();
        Map<String, Map<String, BenchmarkResult>> lines = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            if (!r.params().containsKey(param)) {
                continue;
            }
            TreeMap<String, String> others = new TreeMap<>(r.params());
            others.remove(param);
            lines.computeIfAbsent(others.isEmpty() ? r.name() : ParamLabels.of(others), k -> new LinkedHashMap<>())
                    .put(r.params().get(param), r);
        }
        List<String> names = new ArrayList<>(lines.keySet());
        int shown = Math.min(names.size(), MAX_LINES);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < shown; i++) {
            for (BenchmarkResult r : lines.get(names.get(i)).values()) {
                double score = r.primary().score();
                double err = Double.isFinite(r.primary().error()) ? r.primary().error() : 0;
                // a whisker below zero (JMH's error of a short, noisy run can exceed the score) is cut at the axis
                min = Math.min(min, score - err > 0 ? score - err : score);
                max = Math.max(max, score + err);
            }
        }
        Svg.Axis axis = Svg.Axis.of(min, max);
        int plotW = WIDTH - LEFT - LEGEND;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"lines\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">");
        for (double t : axis.ticks()) {
            double y = TOP + plotH - axis.fraction(t) * plotH;
            b.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(LEFT + plotW)
                    .append("\" y2=\"").append(num(y)).append("\" class=\"grid\"/>");
            b.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4)).append("\" class=\"label\">")
                    .append(Svg.value(t)).append("</text>");
        }
        for (int i = 0; i < xs.size(); i++) {
            b.append("<text x=\"").append(num(x(i, xs.size(), plotW))).append("\" y=\"").append(TOP + plotH + 16)
                    .append("\" class=\"tick\">").append(escape(xs.get(i))).append("</text>");
        }
        b.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 6).append("\" class=\"axis\">")
                .append(escape(param)).append("</text>");
        b.append("<text x=\"12\" y=\"").append(TOP + plotH / 2).append("\" class=\"axis\" transform=\"rotate(-90 12 ")
                .append(TOP + plotH / 2).append(")\">").append(escape(rows.get(0).unit())).append(axis.log() ? " (log)" : "")
                .append("</text>");
        for (int l = 0; l < shown; l++) {
            Map<String, BenchmarkResult> line = lines.get(names.get(l));
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < xs.size(); i++) {
                BenchmarkResult r = line.get(xs.get(i));
                if (r == null) {
                    continue;
                }
                double px = x(i, xs.size(), plotW);
                double py = TOP + plotH - axis.fraction(r.primary().score()) * plotH;
                path.append(path.isEmpty() ? "M" : " L").append(num(px)).append(',').append(num(py));
                double err = r.primary().error();
                if (Double.isFinite(err) && err > 0) {
                    double y1 = TOP + plotH - axis.fraction(r.primary().score() - err) * plotH;
                    double y2 = TOP + plotH - axis.fraction(r.primary().score() + err) * plotH;
                    b.append("<line x1=\"").append(num(px)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(px))
                            .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(Svg.color(l)).append("\"/>");
                }
                b.append("<circle cx=\"").append(num(px)).append("\" cy=\"").append(num(py)).append("\" r=\"3\" fill=\"")
                        .append(Svg.color(l)).append("\"><title>").append(escape(r.key())).append(": ")
                        .append(Svg.value(r.primary().score())).append(' ').append(escape(r.unit())).append("</title></circle>");
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(Svg.color(l))
                    .append("\" stroke-width=\"1.5\"/>");
            int ly = TOP + 10 + l * 16;
            b.append("<rect x=\"").append(LEFT + plotW + 14).append("\" y=\"").append(ly - 8).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(Svg.color(l)).append("\"/><text x=\"").append(LEFT + plotW + 28).append("\" y=\"").append(ly + 1)
                    .append("\" class=\"legend\">").append(escape(names.get(l))).append("</text>");
        }
        if (names.size() > shown) {
            b.append("<text x=\"").append(LEFT + plotW + 14).append("\" y=\"").append(TOP + 10 + shown * 16 + 2)
                    .append("\" class=\"legend\">and ").append(names.size() - shown).append(" more lines, left out</text>");
        }
        return b.append("</svg>").toString();
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : 12 + i * (plotW - 24.0) / (n - 1));
    }
}
