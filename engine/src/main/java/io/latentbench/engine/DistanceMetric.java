package io.latentbench.engine;

/**
 * How two embeddings are compared. Smaller is closer for every metric, so kNN always
 * returns ascending distances.
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

    /** The inverse of {@link #label()}; hyperbolic takes curvature -1. */
    static DistanceMetric parse(String label) {
        return switch (label.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "euclidean" -> euclidean();
            case "cosine" -> cosine();
            case "manhattan" -> manhattan();
            case "dot_product", "dotproduct", "dot" -> dotProduct();
            case "hyperbolic" -> hyperbolic(-1.0);
            default -> throw new IllegalArgumentException("unknown distance metric '" + label
                    + "', expected one of euclidean, cosine, manhattan, dot_product, hyperbolic");
        };
    }
}
