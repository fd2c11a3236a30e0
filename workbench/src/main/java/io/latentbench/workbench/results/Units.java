package io.latentbench.workbench.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers and scores as a person reads them, and the score conversions a notebook cell calls on a
 * table's unit column; what a unit means is {@link ScoreUnit}'s to say.
 */
public final class Units {

    private Units() {}

    /** Whether the unit is time per operation, e.g. "us/op". */
    public static boolean isTimePerOp(String unit) {
        return ScoreUnit.of(unit) instanceof ScoreUnit.TimePerOp;
    }

    /** Whether the unit is operations per time, e.g. "ops/ms". */
    public static boolean isOpsPerTime(String unit) {
        return ScoreUnit.of(unit) instanceof ScoreUnit.OpsPerTime;
    }

    /** A time-per-op score in seconds, or NaN for other units. */
    public static double secondsPerOp(double score, String unit) {
        return ScoreUnit.of(unit) instanceof ScoreUnit.TimePerOp t ? t.secondsPerOp(score) : Double.NaN;
    }

    /** Operations per second, from either a rate or a time per op; NaN for other units. */
    public static double opsPerSecond(double score, String unit) {
        return switch (ScoreUnit.of(unit)) {
            case ScoreUnit.OpsPerTime rate -> rate.opsPerSecond(score);
            case ScoreUnit.TimePerOp time -> 1.0 / time.secondsPerOp(score);
            default -> Double.NaN;
        };
    }

    /** The unit as a person writes it after a number: "us/op" becomes "µs", "B/op" stays. */
    public static String shortUnit(String unit) {
        return ScoreUnit.of(unit).shortText();
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
