package io.latentbench.workbench.regress;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Conversions between the units JMH writes, so that a baseline in us/op and a run in ns/op
 * still compare. Only units of the same family convert: time per op, ops per time, sizes.
 */
public final class Units {

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "\u00b5s", 1e-6, "ms", 1e-3, "s", 1.0, "sec", 1.0, "min", 60.0);
    private static final Map<String, Double> BYTES = Map.of(
            "b", 1.0, "bytes", 1.0, "kb", 1024.0, "kib", 1024.0, "mb", 1024.0 * 1024, "mib", 1024.0 * 1024,
            "gb", 1024.0 * 1024 * 1024, "gib", 1024.0 * 1024 * 1024);

    private Units() {}

    /** A size such as MB or B (not a rate such as MB/sec, and not per operation). */
    public static boolean isSize(String unit) {
        return BYTES.containsKey(norm(unit));
    }

    /** The factor f with value[to] = f * value[from], or empty when the units do not convert. */
    public static OptionalDouble factor(String from, String to) {
        String f = norm(from);
        String t = norm(to);
        if (f.equals(t)) {
            return OptionalDouble.of(1.0);
        }
        if (BYTES.containsKey(f) && BYTES.containsKey(t)) {
            return OptionalDouble.of(BYTES.get(f) / BYTES.get(t));
        }
        String[] fp = f.split("/");
        String[] tp = t.split("/");
        if (fp.length != 2 || tp.length != 2) {
            return OptionalDouble.empty();
        }
        if (fp[1].equals("op") && tp[1].equals("op") && SECONDS.containsKey(fp[0]) && SECONDS.containsKey(tp[0])) {
            return OptionalDouble.of(SECONDS.get(fp[0]) / SECONDS.get(tp[0]));
        }
        if (fp[0].equals("ops") && tp[0].equals("ops") && SECONDS.containsKey(fp[1]) && SECONDS.containsKey(tp[1])) {
            return OptionalDouble.of(SECONDS.get(tp[1]) / SECONDS.get(fp[1]));
        }
        if (fp[1].equals("op") && tp[1].equals("op") && BYTES.containsKey(fp[0]) && BYTES.containsKey(tp[0])) {
            return OptionalDouble.of(BYTES.get(fp[0]) / BYTES.get(tp[0]));
        }
        return OptionalDouble.empty();
    }

    private static String norm(String unit) {
        return unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    }
}
