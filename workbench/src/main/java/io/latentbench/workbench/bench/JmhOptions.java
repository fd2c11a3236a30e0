package io.latentbench.workbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * JMH's own options that a run passes through: profilers ({@code -prof}), include and exclude
 * patterns, a thread count ({@code -t}), a time unit ({@code -tu}) and an extra result format
 * ({@code -rf}). Extra fork arguments ({@code -jvmArgs}) are {@link Bench#jvmArgs}.
 *
 * @param profilers   profilers beside the gc and heap ones every run has, in order
 * @param include     patterns of which at least one must be found in a benchmark's JMH name or key (none: all)
 * @param exclude     patterns none of which may be found in it
 * @param threads     JMH threads, empty for each benchmark's own {@code @Threads}
 * @param timeUnit    the unit of the reported scores, empty for each benchmark's own
 * @param resultFormat a format written beside {@code jmh-result.json}, empty for none
 */
public record JmhOptions(List<Profiler> profilers, List<Pattern> include, List<Pattern> exclude,
        Optional<Integer> threads, Optional<TimeUnit> timeUnit, Optional<ResultFormatType> resultFormat) {

    public static final JmhOptions NONE = new JmhOptions(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

    /** A profiler as JMH names it ({@code gc}, {@code stack}, {@code jfr}, {@code perfasm}, {@code async}...) with its options. */
    public record Profiler(String name, String options) {
        public Profiler {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a profiler needs a name such as stack, gc or jfr (see --list-profilers)");
            }
            options = options == null ? "" : options;
        }

        /** {@code NAME[:OPTS]}, as JMH's {@code -prof} takes it. */
        public static Profiler parse(String spec) {
            int colon = spec.indexOf(':');
            return colon < 0 ? new Profiler(spec.strip(), "") : new Profiler(spec.substring(0, colon).strip(), spec.substring(colon + 1));
        }

        @Override
        public String toString() {
            return options.isEmpty() ? name : name + ":" + options;
        }
    }

    public JmhOptions {
        profilers = List.copyOf(profilers);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        threads.ifPresent(t -> {
            if (t < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + t);
            }
        });
    }

    public JmhOptions withProfiler(Profiler p) {
        List<Profiler> ps = new ArrayList<>(profilers);
        ps.add(p);
        return new JmhOptions(ps, include, exclude, threads, timeUnit, resultFormat);
    }

    public JmhOptions withInclude(String regex) {
        List<Pattern> ps = new ArrayList<>(include);
        ps.add(compile("include", regex));
        return new JmhOptions(profilers, ps, exclude, threads, timeUnit, resultFormat);
    }

    public JmhOptions withExclude(String regex) {
        List<Pattern> ps = new ArrayList<>(exclude);
        ps.add(compile("exclude", regex));
        return new JmhOptions(profilers, include, ps, threads, timeUnit, resultFormat);
    }

    public JmhOptions withThreads(int n) {
        return new JmhOptions(profilers, include, exclude, Optional.of(n), timeUnit, resultFormat);
    }

    public JmhOptions withTimeUnit(TimeUnit unit) {
        return new JmhOptions(profilers, include, exclude, threads, Optional.of(unit), resultFormat);
    }

    public JmhOptions withResultFormat(ResultFormatType format) {
        return new JmhOptions(profilers, include, exclude, threads, timeUnit, Optional.of(format));
    }

    /**
     * The options as arguments of JMH's command line, for the forks of a relative run, which start
     * {@code org.openjdk.jmh.Main} on each side's jars: the thread count and the time unit, which
     * change what both sides measure alike. Profilers and result formats have no place there (a
     * relative run's forks are timed, and it writes its own files): an error naming the option.
     */
    public List<String> forkArguments() {
        if (!profilers.isEmpty()) {
            throw new IllegalArgumentException("profilers (" + profilers.stream().map(Profiler::toString).toList()
                    + ") are not run in a relative run, whose forks are only timed: profile in a run without --against");
        }
        resultFormat.ifPresent(f -> {
            throw new IllegalArgumentException("a relative run writes relative.json and each side's results.json, not "
                    + f.name().toLowerCase(Locale.ROOT) + ": --result-format belongs to a run without --against");
        });
        List<String> args = new ArrayList<>();
        threads.ifPresent(t -> args.addAll(List.of("-t", Integer.toString(t))));
        timeUnit.ifPresent(u -> args.addAll(List.of("-tu", jmhName(u))));
        return args;
    }

    /** A time unit as JMH's command line spells it. */
    static String jmhName(TimeUnit unit) {
        return switch (unit) {
            case NANOSECONDS -> "ns";
            case MICROSECONDS -> "us";
            case MILLISECONDS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> throw new IllegalArgumentException("JMH has no time unit of days");
        };
    }

    /** Whether the include and exclude patterns let a point run: found (not matched whole) in its JMH name or its key, as JMH does. */
    public boolean selects(BenchPoint point) {
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> foundIn(p, point));
        return included && exclude.stream().noneMatch(p -> foundIn(p, point));
    }

    private static boolean foundIn(Pattern p, BenchPoint point) {
        return p.matcher(point.benchmark()).find() || p.matcher(point.key()).find();
    }

    private static Pattern compile(String what, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(what + " pattern '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }

    /** JMH's names ({@code ns, us, ms, s, m, h}) or a {@link TimeUnit}'s. */
    public static TimeUnit parseTimeUnit(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ns", "nanoseconds" -> TimeUnit.NANOSECONDS;
            case "us", "µs", "microseconds" -> TimeUnit.MICROSECONDS;
            case "ms", "milliseconds" -> TimeUnit.MILLISECONDS;
            case "s", "seconds" -> TimeUnit.SECONDS;
            case "m", "min", "minutes" -> TimeUnit.MINUTES;
            case "h", "hours" -> TimeUnit.HOURS;
            default -> throw new IllegalArgumentException("time unit '" + text + "' is not one of ns, us, ms, s, m, h");
        };
    }

    /** {@code json, csv, scsv, text, latex}, as JMH's {@code -rf} takes them. */
    public static ResultFormatType parseResultFormat(String text) {
        for (ResultFormatType t : ResultFormatType.values()) {
            if (t.name().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("result format '" + text + "' is not one of json, csv, scsv, text, latex");
    }

    /** The file JMH's format is written to: {@code jmh-result.csv}, {@code .txt} for text, {@code .tex} for LaTeX. */
    public static String resultFileName(ResultFormatType format) {
        return "jmh-result." + switch (format) {
            case JSON -> "json";
            case CSV -> "csv";
            case SCSV -> "scsv";
            case TEXT -> "txt";
            case LATEX -> "tex";
        };
    }
}
