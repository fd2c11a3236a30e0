package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic runs for tests: each benchmark gets {@code forks} forks of {@code iterations}
 * iterations; every fork has its own offset (what a JVM fork's JIT and layout do) and every
 * iteration a smaller jitter around it. Seeded, so every test sees the same numbers. Public for the
 * notebook tests, which gate synthetic runs too.
 */
public final class Synthetic {

    public record Bench(String suite, String name, Map<String, String> params, String unit, double mean,
            Map<String, double[]> secondary) {
        public Bench(String suite, String name, Map<String, String> params, String unit, double mean) {
            this(suite, name, params, unit, mean, Map.of());
        }

        /** Adds a secondary metric: {name -> {mean}} in the given unit. */
        public Bench withSecondary(String metric, String unit, double mean) {
            Map<String, double[]> s = new LinkedHashMap<>(secondary);
            s.put(metric + "|" + unit, new double[] {mean});
            return new Bench(suite, name, params, this.unit, this.mean, s);
        }

        public Bench scaled(double factor) {
            return new Bench(suite, name, params, unit, mean * factor, secondary);
        }

        public String key() {
            return new BenchmarkResult(suite, name, new TreeMap<>(params), "avgt",
                    new Metric(unit, 0, 0, 0, 0, List.of()), Map.of()).key();
        }
    }

    private final Random random;
    private final int forks;
    private final int iterations;
    private final double forkNoise;
    private final double iterationNoise;

    public Synthetic(long seed, int forks, int iterations, double forkNoise, double iterationNoise) {
        this.random = new Random(seed);
        this.forks = forks;
        this.iterations = iterations;
        this.forkNoise = forkNoise;
        this.iterationNoise = iterationNoise;
    }

    public ResultSet run(List<Bench> benches) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (Bench b : benches) {
            Map<String, Metric> secondary = new LinkedHashMap<>();
            b.secondary().forEach((nameAndUnit, mean) -> {
                String[] parts = nameAndUnit.split("\\|");
                secondary.put(parts[0], metric(parts[1], mean[0]));
            });
            results.add(new BenchmarkResult(b.suite(), b.name(), new TreeMap<>(b.params()),
                    b.unit().startsWith("ops") ? "thrpt" : "avgt", metric(b.unit(), b.mean()), secondary));
        }
        return new ResultSet(new RunInfo(Instant.parse("2026-11-29T10:00:00Z"), "abc1234", "quick", "25.0.1",
                "AMD EPYC 9R45", 2), results);
    }

    public MeasurementSet measure(List<Bench> benches, String source) {
        return Measurements.fromResults(run(benches), source, null);
    }

    private Metric metric(String unit, double mean) {
        List<List<Double>> samples = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < forks; f++) {
            double forkMean = mean * Math.exp(forkNoise * random.nextGaussian());
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                double v = forkMean * Math.exp(iterationNoise * random.nextGaussian());
                its.add(v);
                sum += v;
            }
            samples.add(its);
        }
        double score = sum / (forks * (double) iterations);
        return new Metric(unit, score, Double.NaN, Double.NaN, Double.NaN, samples);
    }

    public static Map<String, String> params(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A small suite resembling the quick profile. */
    public static List<Bench> suite() {
        return List.of(
                new Bench("latency", "knn", params("dim", "128", "k", "10"), "us/op", 120.0),
                new Bench("latency", "knn", params("dim", "256", "k", "10"), "us/op", 210.0),
                new Bench("latency", "add", params("dim", "256"), "ns/op", 850.0),
                new Bench("latency", "attention", params("dim", "256", "type", "Flash"), "us/op", 95.0),
                new Bench("latency", "createSpace", params("dim", "256"), "us/op", 15.0),
                new Bench("throughput", "batchAdd", params("batch", "32"), "ops/s", 5_000.0),
                new Bench("throughput", "parallelKnn", params("queries", "32"), "ops/s", 900.0),
                new Bench("memory", "buildSpace", params("vectors", "10000"), "ms/op", 40.0)
                        .withSecondary("gc.alloc.rate.norm", "B/op", 1.2e7));
    }
}
