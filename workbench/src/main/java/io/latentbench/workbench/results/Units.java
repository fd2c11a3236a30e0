package io.latentbench.workbench.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Conversions between JMH's score units, and the short human forms used in summaries. */
public final class Units {

    private Units() {}

    /** Seconds per one of the time unit JMH prints ("ns", "us", "ms", "s", "min"), or NaN if not a time. */
    static double secondsPer(String timeUnit) {
        return switch (timeUnit.trim()) {
            case "ns" -> 1e-9;
            case "us", "µs", "\u03bcs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            case "hr", "h" -> 3600.0;
            default -> Double.NaN;
        };
    }

    /** Whether the unit is time per operation, e.g. "us/op". */
    public static boolean isTimePerOp(String unit) {
        return unit.endsWith("/op") && !Double.isNaN(secondsPer(unit.substring(0, unit.length() - 3)));
    }

    /** Whether the unit is operations per time, e.g. "ops/ms". */
    public static boolean isOpsPerTime(String unit) {
        return unit.startsWith("ops/") && !Double.isNaN(secondsPer(unit.substring(4)));
    }

    /** A time-per-op score in seconds, or NaN for other units. */
    public static double secondsPerOp(double score, String unit) {
        return isTimePerOp(unit) ? score * secondsPer(unit.substring(0, unit.length() - 3)) : Double.NaN;
    }

    /** Operations per second, from either a rate or a time per op; NaN for other units. */
    public static double opsPerSecond(double score, String unit) {
        if (isOpsPerTime(unit)) {
            return score / secondsPer(unit.substring(4));
        }
        if (isTimePerOp(unit)) {
            return 1.0 / secondsPerOp(score, unit);
        }
        return Double.NaN;
    }

    /** The unit as a person writes it after a number: "us/op" becomes "µs", "B/op" stays. */
    public static String shortUnit(String unit) {
        if (isTimePerOp(unit)) {
            String t = unit.substring(0, unit.length() - 3);
            return t.equals("us") ? "\u00b5s" : t;
        }
        return unit;
    }

    /** Four significant digits, no exponent, no trailing zeros: 45.2, 124.5, 8542, 0.001235. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+INF" : "-INF";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4));
        String s = d.stripTrailingZeros().toPlainString();
        return s.toLowerCase(Locale.ROOT);
    }

    /** A number and its short unit: "45.2 µs"; NaN and infinities stand alone. */
    public static String withUnit(double v, String unit) {
        if (!Double.isFinite(v)) {
            return number(v);
        }
        String u = shortUnit(unit);
        return u.isEmpty() ? number(v) : number(v) + " " + u;
    }
}
