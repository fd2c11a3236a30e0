package io.latentbench.workbench.runreport;

import java.util.Locale;

/** The SVG and HTML text of the report: numbers and axis ticks (escaping is {@code files.Html}'s). */
final class Svg {

    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#17becf", "#7f7f7f", "#bcbd22"};

    private Svg() {
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value with three significant digits, as tables and tooltips show it. */
    static String value(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A numeric axis: linear, or logarithmic when the values span more than a factor of 30. */
    record Axis(double lo, double hi, boolean log) {

        static Axis of(double min, double max) {
            if (!(min > 0) || max / min <= 30) {
                double lo = Math.min(0, min);
                double hi = max > lo ? max * 1.05 : lo + 1;
                return new Axis(lo, hi, false);
            }
            return new Axis(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max))), true);
        }

        /** Where a value lies between 0 and 1; values outside the axis are put at its ends. */
        double fraction(double v) {
            double f = log ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
            return Double.isFinite(f) ? Math.max(0, Math.min(1, f)) : 0;
        }

        double[] ticks() {
            if (log) {
                int n = (int) Math.round(Math.log10(hi / lo));
                double[] t = new double[n + 1];
                for (int i = 0; i <= n; i++) {
                    t[i] = lo * Math.pow(10, i);
                }
                return t;
            }
            double step = niceStep((hi - lo) / 5);
            int n = (int) Math.floor((hi - lo) / step + 1e-9);
            double[] t = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                t[i] = lo + i * step;
            }
            return t;
        }

        private static double niceStep(double raw) {
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / mag;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        }
    }
}
