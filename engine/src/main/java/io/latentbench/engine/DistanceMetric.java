package io.latentbench.engine;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How two embeddings are compared. Smaller is closer for every metric, so kNN always
 * returns ascending distances.
 *
 * <p>A new metric is a record here. Every rule that depends on the metric switches on this
 * type with a case per record and no {@code default}, so that javac names each place the new
 * record must be handled (its label, {@code Distances}, the tests' reference distances);
 * {@link #everyKind()} must list it, which a test checks against the permitted records.
 */
public sealed interface DistanceMetric {

    /** Square root of the sum of squared differences. */
    record Euclidean() implements DistanceMetric {}

    /** {@code 1 - cos(a, b)}; zero vectors have no direction and are rejected. */
    record Cosine() implements DistanceMetric {}

    /** Sum of absolute differences. */
    record Manhattan() implements DistanceMetric {}

    /** {@code -(a . b)}: the largest inner product is the nearest. */
    record DotProduct() implements DistanceMetric {}

    /**
     * Poincare-ball distance with {@code c = |curvature|}. Every vector, stored or query,
     * is first mapped into the ball with the exponential map at the origin, so any finite
     * vector is a valid point.
     */
    record Hyperbolic(double curvature) implements DistanceMetric {
        public Hyperbolic {
            if (!(curvature < 0) || !Double.isFinite(curvature)) {
                throw new IllegalArgumentException(
                        "hyperbolic curvature must be a finite negative number, got " + curvature);
            }
        }
    }

    static DistanceMetric euclidean() {
        return new Euclidean();
    }

    static DistanceMetric cosine() {
        return new Cosine();
    }

    static DistanceMetric manhattan() {
        return new Manhattan();
    }

    static DistanceMetric dotProduct() {
        return new DotProduct();
    }

    static DistanceMetric hyperbolic(double curvature) {
        return new Hyperbolic(curvature);
    }

    /**
     * One metric of each kind, hyperbolic at curvature -1, in the order of the design: what
     * {@link #parse} returns for each label.
     */
    static List<DistanceMetric> everyKind() {
        return List.of(euclidean(), cosine(), manhattan(), dotProduct(), hyperbolic(-1.0));
    }

    /** A short lower-case name, as used in benchmark parameters and tables. */
    default String label() {
        return switch (this) {
            case Euclidean e -> "euclidean";
            case Cosine c -> "cosine";
            case Manhattan m -> "manhattan";
            case DotProduct d -> "dot_product";
            case Hyperbolic h -> "hyperbolic";
        };
    }

    /**
     * The inverse of {@link #label()} over {@link #everyKind()} (hyperbolic takes curvature -1),
     * ignoring case and surrounding blanks; {@code dotproduct} and {@code dot} also name the
     * dot product.
     */
    static DistanceMetric parse(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        String wanted = key.equals("dotproduct") || key.equals("dot") ? "dot_product" : key;
        return everyKind().stream()
                .filter(m -> m.label().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown distance metric '" + label
                        + "', expected one of "
                        + everyKind().stream().map(DistanceMetric::label).collect(Collectors.joining(", "))));
    }
}
