package io.latentbench.workbench.bench;

import java.time.Duration;

/**
 * How long JMH measures each benchmark: forks (the unit of replication), and the warmup and
 * measurement iterations of each fork. Single-shot benchmarks use the counts, not the times.
 */
public record RunSettings(int forks, int warmupIterations, Duration warmupTime,
        int measurementIterations, Duration measurementTime) {

    public RunSettings {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be >= 1 (benchmarks always run in a fresh JVM), got " + forks);
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmup iterations must be >= 0, got " + warmupIterations);
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurement iterations must be >= 1, got " + measurementIterations);
        }
        if (warmupTime.isNegative() || measurementTime.isNegative() || measurementTime.isZero()) {
            throw new IllegalArgumentException("iteration times must be positive, got warmup " + warmupTime
                    + " and measurement " + measurementTime);
        }
    }

    public RunSettings withForks(int n) {
        return new RunSettings(n, warmupIterations, warmupTime, measurementIterations, measurementTime);
    }

    public RunSettings withWarmup(int iterations, Duration time) {
        return new RunSettings(forks, iterations, time, measurementIterations, measurementTime);
    }

    public RunSettings withMeasurement(int iterations, Duration time) {
        return new RunSettings(forks, warmupIterations, warmupTime, iterations, time);
    }
}
