package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ChangeStatistics;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.Verdict;
import java.util.Locale;

/** Number formatting shared by the text, Markdown and HTML reports. */
final class Format {

    private Format() {}

    /** Three significant digits, without exponent for everyday magnitudes. */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String baseline(Comparison c) {
        return c.baseline().map(b -> value(mean(b.samples(), b.score())) + " " + b.unit()).orElse("-");
    }

    static String current(Comparison c) {
        return value(mean(c.current().samples(), c.current().score())) + " " + c.current().unit();
    }

    static double mean(double[] samples, double fallback) {
        if (samples.length == 0) {
            return fallback;
        }
        double s = 0;
        for (double x : samples) {
            s += x;
        }
        return s / samples.length;
    }

    /** "+25.1% [+20.3%, +30.2%]", or just the estimate when untested. */
    static String change(Comparison c) {
        if (c.statistics().isEmpty()) {
            return "-";
        }
        ChangeStatistics s = c.statistics().get();
        String estimate = String.format(Locale.ROOT, "%+.1f%%", s.changePercent());
        if (Double.isNaN(s.ratioLow())) {
            return estimate + " (untested)";
        }
        return estimate + String.format(Locale.ROOT, " [%+.1f%%, %+.1f%%]", s.changeLowPercent(), s.changeHighPercent());
    }

    static String p(Comparison c) {
        return c.statistics().filter(ChangeStatistics::tested)
                .map(s -> String.format(Locale.ROOT, "%.3g", s.pValue()))
                .orElse("-");
    }

    static String forks(Comparison c) {
        return c.statistics().map(s -> s.baselineForks() + "/" + s.currentForks())
                .orElse(c.baseline().map(b -> b.forks() + "/" + c.current().forks()).orElse("-/" + c.current().forks()));
    }

    static String threshold(Comparison c) {
        return String.format(Locale.ROOT, "%.0f%% (%s)", c.thresholdPercent(), c.entry().path());
    }

    static String icon(Verdict v) {
        return switch (v) {
            case REGRESSION -> "\u274c";
            case IMPROVEMENT -> "\u2705";
            case NO_CHANGE -> "\u2796";
            case NEW_BENCHMARK -> "\ud83c\udd95";
            case INCONCLUSIVE -> "\u26a0\ufe0f";
            case REFERENCE -> "\ud83d\udccf";
            case FAILED -> "\ud83d\udca5";
        };
    }

    static int order(Verdict v) {
        return switch (v) {
            case FAILED -> 0;
            case REGRESSION -> 1;
            case IMPROVEMENT -> 2;
            case INCONCLUSIVE -> 3;
            case NEW_BENCHMARK -> 4;
            case NO_CHANGE -> 5;
            case REFERENCE -> 6;
        };
    }
}
