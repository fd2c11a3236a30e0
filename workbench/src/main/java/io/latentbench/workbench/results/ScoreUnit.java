package io.latentbench.workbench.results;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The unit JMH writes after a score, read once into what it measures, its scale and its
 * {@link Direction}: the one vocabulary of units that the tables, charts, baselines and the gate ask.
 * Reading is case-insensitive and total: a unit outside the vocabulary (a profiler's "counts", "%",
 * "#/op", the gate's calibrated "ops/ref") is {@link Other}, which equals only itself, because a
 * foreign JMH file must still load. {@link #parse} is the strict reading, for a unit a caller needs
 * to convert.
 */
public sealed interface ScoreUnit {

    /** Seconds per one of each time unit, by every spelling the workbench accepts. */
    Map<String, Double> SECONDS = secondsByName();
    /** Bytes per one of each size unit (binary multiples, as JMH's MB are). */
    Map<String, Double> BYTES = bytesByName();

    /** The unit as written. */
    String text();

    Direction direction();

    /** Time per operation, e.g. "us/op": lower is better. {@code seconds} per one of its time unit. */
    record TimePerOp(String text, double seconds) implements ScoreUnit {
        public double secondsPerOp(double score) {
            return score * seconds;
        }

        @Override
        public Direction direction() {
            return Direction.LOWER_IS_BETTER;
        }
    }

    /** Operations per time, e.g. "ops/ms": higher is better. {@code seconds} per one of its time unit. */
    record OpsPerTime(String text, double seconds) implements ScoreUnit {
        public double opsPerSecond(double score) {
            return score / seconds;
        }

        @Override
        public Direction direction() {
            return Direction.HIGHER_IS_BETTER;
        }
    }

    /** A size of memory held, e.g. "MB" (peak, retained): lower is better. */
    record Size(String text, double bytes) implements ScoreUnit {
        @Override
        public Direction direction() {
            return Direction.LOWER_IS_BETTER;
        }
    }

    /** Bytes allocated per operation, e.g. "B/op" (gc.alloc.rate.norm): lower is better. */
    record SizePerOp(String text, double bytes) implements ScoreUnit {
        @Override
        public Direction direction() {
            return Direction.LOWER_IS_BETTER;
        }
    }

    /** A size per stored item other than an operation, e.g. "B/vector": lower is better. */
    record SizePerItem(String text, double bytes, String item) implements ScoreUnit {
        @Override
        public Direction direction() {
            return Direction.LOWER_IS_BETTER;
        }
    }

    /** A size per time, e.g. "MB/sec" (gc.alloc.rate): a rate, so higher is better. */
    record SizePerTime(String text, double bytes, double seconds) implements ScoreUnit {
        @Override
        public Direction direction() {
            return Direction.HIGHER_IS_BETTER;
        }
    }

    /** A derived ratio such as a speedup, "x": higher is better. */
    record Ratio(String text) implements ScoreUnit {
        @Override
        public Direction direction() {
            return Direction.HIGHER_IS_BETTER;
        }
    }

    /**
     * A unit outside the vocabulary; it converts only to itself. A count of operations ("ops",
     * "ops/ref") or a rate ("counts/s") is higher-is-better, anything else lower-is-better.
     */
    record Other(String text) implements ScoreUnit {
        @Override
        public Direction direction() {
            String u = text.trim().toLowerCase(Locale.ROOT);
            return u.equals("ops") || u.startsWith("ops/") || u.endsWith("/s") || u.endsWith("/sec")
                    ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
        }
    }

    /** The unit {@code text} means; {@link Other} when it is outside the vocabulary. */
    static ScoreUnit of(String text) {
        String u = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String original = text == null ? "" : text;
        if (u.equals("x")) {
            return new Ratio(original);
        }
        if (BYTES.containsKey(u)) {
            return new Size(original, BYTES.get(u));
        }
        int slash = u.indexOf('/');
        if (slash < 0 || slash != u.lastIndexOf('/')) {
            return new Other(original);
        }
        String head = u.substring(0, slash);
        String tail = u.substring(slash + 1);
        if (tail.equals("op") && SECONDS.containsKey(head)) {
            return new TimePerOp(original, SECONDS.get(head));
        }
        if (head.equals("ops") && SECONDS.containsKey(tail)) {
            return new OpsPerTime(original, SECONDS.get(tail));
        }
        if (BYTES.containsKey(head)) {
            if (tail.equals("op")) {
                return new SizePerOp(original, BYTES.get(head));
            }
            if (SECONDS.containsKey(tail)) {
                return new SizePerTime(original, BYTES.get(head), SECONDS.get(tail));
            }
            if (!tail.isEmpty()) {
                return new SizePerItem(original, BYTES.get(head), tail);
            }
        }
        return new Other(original);
    }

    /**
     * The unit {@code text} means, strictly: a unit outside the vocabulary is an error that names
     * it and the accepted ones.
     */
    static ScoreUnit parse(String text) {
        ScoreUnit unit = of(text);
        if (unit instanceof Other) {
            throw new IllegalArgumentException("unknown unit '" + text + "': expected " + accepted());
        }
        return unit;
    }

    /** The accepted units in words, for error messages. */
    static String accepted() {
        String times = String.join(", ", SECONDS.keySet());
        String sizes = String.join(", ", BYTES.keySet());
        return "a time per operation (T/op), operations per time (ops/T), a size (S), a size per operation (S/op),"
                + " per time (S/T) or per item (S/item), or the ratio x; T is one of " + times + "; S one of "
                + sizes + " (any case)";
    }

    /**
     * The factor f with value[to] = f * value[this], or empty when the two do not convert: only
     * units of one kind do, and a unit outside the vocabulary only to the same text.
     */
    default OptionalDouble factorTo(ScoreUnit to) {
        return switch (this) {
            case TimePerOp f when to instanceof TimePerOp t -> OptionalDouble.of(f.seconds() / t.seconds());
            case OpsPerTime f when to instanceof OpsPerTime t -> OptionalDouble.of(t.seconds() / f.seconds());
            case Size f when to instanceof Size t -> OptionalDouble.of(f.bytes() / t.bytes());
            case SizePerOp f when to instanceof SizePerOp t -> OptionalDouble.of(f.bytes() / t.bytes());
            case SizePerItem f when to instanceof SizePerItem t && f.item().equals(t.item())
                    -> OptionalDouble.of(f.bytes() / t.bytes());
            case SizePerTime f when to instanceof SizePerTime t
                    -> OptionalDouble.of(f.bytes() / t.bytes() * (t.seconds() / f.seconds()));
            case Ratio f when to instanceof Ratio -> OptionalDouble.of(1.0);
            default -> sameText(to) ? OptionalDouble.of(1.0) : OptionalDouble.empty();
        };
    }

    private boolean sameText(ScoreUnit to) {
        return text().trim().equalsIgnoreCase(to.text().trim());
    }

    /** The unit as a person writes it after a number: "us/op" becomes "µs", "ns/op" "ns", "B/op" stays. */
    default String shortText() {
        if (this instanceof TimePerOp) {
            String time = text().trim();
            time = time.substring(0, time.indexOf('/'));
            return time.equalsIgnoreCase("us") ? "\u00b5s" : time;
        }
        return text();
    }

    private static Map<String, Double> secondsByName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ns", 1e-9);
        m.put("us", 1e-6);
        m.put("\u00b5s", 1e-6); // micro sign
        m.put("\u03bcs", 1e-6); // Greek mu
        m.put("ms", 1e-3);
        m.put("s", 1.0);
        m.put("sec", 1.0);
        m.put("min", 60.0);
        m.put("h", 3600.0);
        m.put("hr", 3600.0);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Double> bytesByName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("b", 1.0);
        m.put("bytes", 1.0);
        m.put("kb", 1024.0);
        m.put("kib", 1024.0);
        m.put("mb", 1024.0 * 1024);
        m.put("mib", 1024.0 * 1024);
        m.put("gb", 1024.0 * 1024 * 1024);
        m.put("gib", 1024.0 * 1024 * 1024);
        return java.util.Collections.unmodifiableMap(m);
    }
}
