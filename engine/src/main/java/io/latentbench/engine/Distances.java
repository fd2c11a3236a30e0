package io.latentbench.engine;

import io.latentbench.engine.vector.Similarities;
import io.latentbench.engine.vector.VectorKernels;

/**
 * One metric bound to the kernels: how an input becomes a stored point, how a query is
 * prepared once, and the distance from a prepared query to a stored row.
 */
final class Distances {

    private enum Kind { EUCLIDEAN, COSINE, MANHATTAN, DOT_PRODUCT, HYPERBOLIC }

    private final Kind kind;
    private final double curvature; // c = |curvature|, hyperbolic only
    private final VectorKernels kernels;

    Distances(DistanceMetric metric, VectorKernels kernels) {
        this.kernels = kernels;
        this.kind = switch (metric) {
            case DistanceMetric.Euclidean e -> Kind.EUCLIDEAN;
            case DistanceMetric.Cosine c -> Kind.COSINE;
            case DistanceMetric.Manhattan m -> Kind.MANHATTAN;
            case DistanceMetric.DotProduct d -> Kind.DOT_PRODUCT;
            case DistanceMetric.Hyperbolic h -> Kind.HYPERBOLIC;
        };
        this.curvature = metric instanceof DistanceMetric.Hyperbolic h ? -h.curvature() : 0.0;
    }

    /** A query ready for many distance evaluations. */
    record Query(float[] point, float norm, double conformal) {}

    /** Whether stored rows carry a scalar: the hyperbolic conformal factor. */
    boolean keepsRowScalars() {
        return kind == Kind.HYPERBOLIC || kind == Kind.COSINE;
    }

    /**
     * The row scalar stored beside an input (see {@link #keepsRowScalars()}): the hyperbolic
     * conformal factor, or the squared norm for cosine, so that a scan only needs dot products.
     */
    float rowScalar(float[] input) {
        return switch (kind) {
            case HYPERBOLIC -> (float) conformal(input);
            case COSINE -> (float) squaredNorm(input);
            default -> 0f;
        };
    }

    /**
     * Checks what the metric needs of any vector beyond being finite, naming {@code what}
     * ("vector", "query") in the message.
     */
    void checkUsable(float[] v, String what) {
        if (kind == Kind.COSINE && squaredNorm(v) == 0.0) {
            throw new IllegalArgumentException(what + " is the zero vector, which has no direction: "
                    + "cosine distance needs a non-zero vector");
        }
    }

    /** The point stored for an input: the input itself, or its image in the Poincare ball. */
    float[] toStored(float[] v) {
        return kind == Kind.HYPERBOLIC ? toBall(v) : v;
    }

    Query prepare(float[] q) {
        return switch (kind) {
            case COSINE -> new Query(q, (float) Math.sqrt(squaredNorm(q)), 0.0);
            case HYPERBOLIC -> new Query(toBall(q), 0f, conformal(q));
            default -> new Query(q, 0f, 0.0);
        };
    }

    /**
     * The distance from a prepared query to one stored row: by definition what
     * {@link #rankRows} gives that row, turned into a distance, so that every path (the scan,
     * the rescoring of batched search) agrees bit for bit.
     */
    float distance(Query q, float[] data, int offset, int dimension, float rowScalar) {
        float[] one = new float[1];
        float[] scalars = keepsRowScalars() ? new float[] {rowScalar} : null;
        rankRows(q, data, offset, 1, dimension, scalars, 0, one);
        return distanceOfRank(one[0]);
    }

    /**
     * Writes the rank value of {@code rows} consecutive rows (from {@code offset}, with their row
     * scalars from {@code scalarOffset}) into {@code out}: a value that orders rows as their
     * distances do and that {@link #distanceOfRank} turns into the distance. For Euclidean it
     * is the squared distance, so the square root is only taken for rows that may enter the
     * answer; for the other metrics it is the distance itself.
     */
    void rankRows(Query q, float[] data, int offset, int rows, int dimension,
                  float[] scalars, int scalarOffset, float[] out) {
        float[] p = q.point();
        switch (kind) {
            case EUCLIDEAN -> kernels.squareDistances(p, data, offset, rows, dimension, out);
            case MANHATTAN -> kernels.manhattanDistances(p, data, offset, rows, dimension, out);
            case DOT_PRODUCT -> {
                kernels.dotProducts(p, data, offset, rows, dimension, out);
                for (int r = 0; r < rows; r++) {
                    out[r] = -out[r];
                }
            }
            case COSINE -> {
                kernels.dotProducts(p, data, offset, rows, dimension, out);
                float norm = q.norm();
                for (int r = 0; r < rows; r++) {
                    out[r] = Similarities.cosineDistance(out[r], norm, scalars[scalarOffset + r]);
                }
            }
            case HYPERBOLIC -> {
                kernels.squareDistances(p, data, offset, rows, dimension, out);
                double conformal = q.conformal();
                for (int r = 0; r < rows; r++) {
                    out[r] = Similarities.poincare(out[r], conformal, scalars[scalarOffset + r], curvature);
                }
            }
        }
    }

    /** The distance of a row from its {@link #rankRows rank value}. */
    float distanceOfRank(float rank) {
        return kind == Kind.EUCLIDEAN ? (float) Math.sqrt(rank) : rank;
    }

    /**
     * The largest rank value whose distance can be {@code <= distance}: a scan skips the rows
     * ranked above it without computing their distance. For Euclidean, a squared distance
     * above {@code nextUp(d)^2} has a square root, even rounded, above {@code d}; the product of
     * two floats is exact in double and the bound is rounded up.
     */
    float rankBound(float distance) {
        if (kind != Kind.EUCLIDEAN) {
            return distance;
        }
        double above = Math.nextUp(distance);
        return Math.nextUp((float) (above * above));
    }

    /**
     * Whether batched search can rank rows by {@link #ranksFromDots} before rescoring the best
     * exactly: true for the metrics that are functions of {@code q.x}, {@code |q|} and {@code |x|}.
     */
    boolean rankableByDot() {
        return kind == Kind.EUCLIDEAN || kind == Kind.DOT_PRODUCT || kind == Kind.COSINE;
    }

    /**
     * The ranking values of {@code rows} rows from their dot products with the query and their
     * squared norms, in place: {@code dots[at + r]} becomes the rank of row {@code r}, whose
     * squared norm is {@code norms[r]}; {@code qq} is the query's. The squared distance for
     * Euclidean, the distance itself for the others. Monotone in the distance, but rounded
     * differently from the exact kernel: rescore before answering. A block at a time: a call
     * per query and row was not inlined by C2 into batched search's loop.
     */
    void ranksFromDots(Query q, float qq, float[] dots, int at, float[] norms, int rows) {
        switch (kind) {
            case EUCLIDEAN -> {
                for (int r = 0; r < rows; r++) {
                    dots[at + r] = qq + norms[r] - 2f * dots[at + r];
                }
            }
            case DOT_PRODUCT -> {
                for (int r = 0; r < rows; r++) {
                    dots[at + r] = -dots[at + r];
                }
            }
            case COSINE -> {
                float norm = q.norm();
                for (int r = 0; r < rows; r++) {
                    float xx = norms[r];
                    dots[at + r] = xx == 0f ? 1f : 1f - dots[at + r] / (norm * (float) Math.sqrt(xx));
                }
            }
            default -> throw new IllegalStateException(kind + " is not ranked by dot products");
        }
    }

    /** An exact distance in the units of {@link #ranksFromDots}. */
    float inRankUnits(float distance) {
        return kind == Kind.EUCLIDEAN ? distance * distance : distance;
    }

    /**
     * How far {@link #ranksFromDots} may stray from the exact kernel's value, from the worst-case
     * rounding of a length-{@code d} float sum ({@code d * 2^-24} relative), doubled to cover
     * both computations.
     */
    float rankError(float qq, float maxXX, int dimension) {
        float gamma = dimension * 0x1p-24f;
        return switch (kind) {
            case EUCLIDEAN -> 4f * gamma * (qq + maxXX);
            case DOT_PRODUCT -> 2f * gamma * (qq + maxXX);
            default -> 8f * gamma;
        };
    }

    /**
     * The exponential map at the origin of the ball of curvature {@code -c}:
     * {@code tanh(sqrt(c)|v|) v / (sqrt(c)|v|)}, its radius capped just inside the boundary
     * so that every finite input lands at a finite distance from every other.
     */
    float[] toBall(float[] v) {
        double norm = Math.sqrt(squaredNorm(v));
        float[] x = new float[v.length];
        if (norm == 0.0) {
            return x;
        }
        double sqrtC = Math.sqrt(curvature);
        double radius = Math.min(Math.tanh(sqrtC * norm), Similarities.MAX_BALL_RADIUS);
        double factor = radius / (sqrtC * norm);
        for (int i = 0; i < v.length; i++) {
            x[i] = (float) (v[i] * factor);
        }
        return x;
    }

    /**
     * {@code 1 - c|x|^2} of the image {@code x} of {@code v} in the ball, in double:
     * {@code 1 - tanh^2(r) = 1 / cosh^2(r)} with {@code r = sqrt(c)|v|}, which keeps its
     * precision where the point nears the boundary.
     */
    private double conformal(float[] v) {
        double r = Math.sqrt(curvature * squaredNorm(v));
        double cosh = Math.cosh(r);
        return Math.max(1.0 / (cosh * cosh), Similarities.MIN_CONFORMAL);
    }

    static double squaredNorm(float[] v) {
        double sum = 0.0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return sum;
    }
}
