package io.latentbench.workbench.regress.baseline;

import java.util.List;
import java.util.Objects;

/** A secondary (memory) metric kept in a baseline: its unit, mean and per-fork samples. */
public record BaselineMetric(String unit, double mean, List<List<Double>> samples) {
    public BaselineMetric {
        Objects.requireNonNull(unit, "unit");
        samples = samples == null ? List.of() : samples.stream().map(List::copyOf).toList();
    }
}
