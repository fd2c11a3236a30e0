package io.latentbench.workbench.results;

import java.util.Locale;

/** Whether a larger score is better. It follows from the unit, never from the benchmark name. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /**
     * Rates ("ops/s", "ops/ms", "MB/s") and speedups ("x") are higher-is-better; times
     * ("s/op", "us/op"), sizes ("B/op", "MB") and anything else is lower-is-better.
     */
    public static Direction fromUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/") || u.endsWith("/s") || u.endsWith("/sec") || u.equals("ops") || u.equals("x")) {
            return HIGHER_IS_BETTER;
        }
        return LOWER_IS_BETTER;
    }
}
