package io.latentbench.workbench.bench;

import io.latentbench.workbench.bench.suites.LatencyBenchmarks;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark suites, each a JMH class {@code <Suite>Benchmarks} in the package of
 * {@link LatencyBenchmarks}, or, for a suite split by family, the JMH classes of the sub-package
 * named for its label; what each suite's rows mean is declared in {@link SuiteTags}.
 */
public enum Suite {
    LATENCY("space creation, add, knn and attention, one call at a time"),
    THROUGHPUT("batch add, parallel knn and batch attention, operations per second"),
    MEMORY("retained and peak heap of a built space, bytes allocated by the build"),
    MATRIX("knn over dims x neighbours x batch sizes x dataset sizes"),
    ATTENTION_COMPARISON("the attention types against Standard, with speedups"),
    DISTANCE_COMPARISON("knn 100 over 10k vectors under each distance metric"),
    FLASH_VS_STANDARD("Flash against Standard attention from 256 to 4096 keys, time and bytes"),
    PEERS("our SIMD kernels against the scalar loop, Lucene's VectorUtil and a plain read", true);

    private final String description;
    /** A class per family in the package {@code <suites>.<label>}, rather than one class. */
    private final boolean byFamily;

    Suite(String description) {
        this(description, false);
    }

    Suite(String description, boolean byFamily) {
        this.description = description;
        this.byFamily = byFamily;
    }

    /** The name used on the command line and in result keys, e.g. {@code attention_comparison}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /**
     * The JMH class implementing a suite of one class; a suite split by family has none (its
     * method's class is {@link Catalog#benchmarkClass}).
     */
    public String benchmarkClass() {
        if (byFamily) {
            throw new IllegalStateException("the " + label() + " suite has a JMH class per family in "
                    + familyPackage() + ", not one class");
        }
        return LatencyBenchmarks.class.getPackageName() + "." + singleClassName();
    }

    /** Whether the suite has a JMH class per family (in {@code <suites package>.<label>}) rather than one. */
    public boolean byFamily() {
        return byFamily;
    }

    /** Whether the JMH class of this fully qualified name implements the suite. */
    public boolean implementedBy(String className) {
        if (!byFamily) {
            return className.equals(benchmarkClass());
        }
        int dot = className.lastIndexOf('.');
        return dot > 0 && className.substring(0, dot).equals(familyPackage());
    }

    /**
     * A regular expression matching the JMH classes of a suite split by family: any class of its
     * package, and the one class {@code <Suite>Benchmarks} it had before the split, so that a
     * relative run's base revision from before the split still finds the suite's methods.
     */
    public String familyClassPattern() {
        if (!byFamily) {
            throw new IllegalStateException("the " + label() + " suite has one class, " + benchmarkClass());
        }
        return Pattern.quote(LatencyBenchmarks.class.getPackageName() + ".") + "(?:" + Pattern.quote(singleClassName())
                + "|" + Pattern.quote(label() + ".") + "[A-Za-z0-9_$]+Benchmarks)";
    }

    private String familyPackage() {
        return LatencyBenchmarks.class.getPackageName() + "." + label();
    }

    /** {@code <Suite>Benchmarks}: the class of a suite of one class. */
    private String singleClassName() {
        StringBuilder b = new StringBuilder();
        for (String part : label().split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.append("Benchmarks").toString();
    }

    /** The suite of a name as typed by a person: case and dashes do not matter. */
    public static Suite parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Suite s : values()) {
            if (s.label().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown suite '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Suite::label).collect(Collectors.joining(", ")));
    }
}
