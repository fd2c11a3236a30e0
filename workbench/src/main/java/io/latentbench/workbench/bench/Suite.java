package io.latentbench.workbench.bench;

import io.latentbench.workbench.bench.suites.LatencyBenchmarks;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The benchmark suites, each a JMH class {@code <Suite>Benchmarks} in the package of
 * {@link LatencyBenchmarks}; what each suite's rows mean is declared in {@link SuiteTags}.
 */
public enum Suite {
    LATENCY("space creation, add, knn and attention, one call at a time"),
    THROUGHPUT("batch add, parallel knn and batch attention, operations per second"),
    MEMORY("retained and peak heap of a built space, bytes allocated by the build"),
    MATRIX("knn over dims x neighbours x batch sizes x dataset sizes"),
    ATTENTION_COMPARISON("the attention types against Standard, with speedups"),
    DISTANCE_COMPARISON("knn 100 over 10k vectors under each distance metric"),
    FLASH_VS_STANDARD("Flash against Standard attention from 256 to 4096 keys, time and bytes"),
    PEERS("our SIMD kernels against the scalar loop, Lucene's VectorUtil and a plain read");

    private final String description;

    Suite(String description) {
        this.description = description;
    }

    /** The name used on the command line and in result keys, e.g. {@code attention_comparison}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The JMH class implementing the suite. */
    public String benchmarkClass() {
        StringBuilder b = new StringBuilder(LatencyBenchmarks.class.getPackageName()).append('.');
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
