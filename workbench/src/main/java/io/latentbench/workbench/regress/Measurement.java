package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.Direction;
import io.latentbench.workbench.results.ForeignRows;
import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.ScoreUnit;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One comparable quantity of one run, whatever file it came from: the per-fork means are
 * the independent samples, {@code score} is the value the source reported.
 *
 * @param suite      suite of the benchmark ("latency", ...)
 * @param name       benchmark method name
 * @param params     JMH parameters
 * @param unit       unit of score and samples
 * @param score      the reported mean
 * @param forkMeans  one value per fork; empty when the source kept no samples
 * @param tags       what the row means: whether it is a reference, which threshold entry judges its speed
 */
public record Measurement(
        MeasurementId id,
        String suite,
        String name,
        SortedMap<String, String> params,
        String unit,
        double score,
        List<Double> forkMeans,
        RowTags tags) {

    public Measurement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(name, "name");
        params = params == null ? new TreeMap<>() : new TreeMap<>(params);
        Objects.requireNonNull(unit, "unit");
        forkMeans = List.copyOf(forkMeans);
        Objects.requireNonNull(tags, "tags");
    }

    /** A measurement of a row without tags (a stored baseline, a foreign file): its tags are guessed from its names. */
    public Measurement(MeasurementId id, String suite, String name, SortedMap<String, String> params, String unit,
            double score, List<Double> forkMeans) {
        this(id, suite, name, params, unit, score, forkMeans, ForeignRows.guess(Objects.requireNonNull(suite, "suite"),
                Objects.requireNonNull(name, "name"), params == null ? new TreeMap<>() : params));
    }

    /** What {@link #unit} means. */
    public ScoreUnit scoreUnit() {
        return ScoreUnit.of(unit);
    }

    public Direction direction() {
        return scoreUnit().direction();
    }

    public int forks() {
        return forkMeans.size();
    }

    public double[] samples() {
        return forkMeans.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The same measurement with every value multiplied by {@code factor} and a new unit. */
    public Measurement scaled(double factor, String newUnit) {
        return new Measurement(id, suite, name, params, newUnit, score * factor,
                forkMeans.stream().map(v -> v * factor).toList(), tags);
    }
}
