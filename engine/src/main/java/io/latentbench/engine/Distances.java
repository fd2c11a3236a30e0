package io.latentbench.engine;

import io.latentbench.engine.DistanceMetric.Cosine;
import io.latentbench.engine.DistanceMetric.DotProduct;
import io.latentbench.engine.DistanceMetric.Euclidean;
import io.latentbench.engine.DistanceMetric.Hyperbolic;
import io.latentbench.engine.DistanceMetric.Manhattan;
import io.latentbench.engine.vector.Similarities;
import io.latentbench.engine.vector.VectorKernels;
import java.util.Arrays;

/**
 * One metric bound to the kernels: how an input becomes a stored point, how a query is
 * prepared once, and the distance from a prepared query to a stored row.
 *
 * <p>Every rule that depends on the metric is a switch on the metric itself with a case per
 * metric and no {@code default}, so that a new metric fails compilation at each rule it must
 * state (the Java 21 pattern switch is checked for exhaustiveness, statements included).
 */
final class Distances {

    private final DistanceMetric metric;
    private final double curvature; // c = |curvature|, hyperbolic only
    private final double sqrtC;
    private final VectorKernels kernels;

    Distances(DistanceMetric metric, VectorKernels kernels) {
        this.kernels = kernels;
        this.metric = metric;
        this.curvature = metric instanceof Hyperbolic h ? -h.curvature() : 0.0;
        this.sqrtC = Math.sqrt(curvature);
    }

    /**
     * The largest norm a Euclidean, Manhattan or dot-product space takes (2^62, about 4.6e18):
     * below it no float sum of the kernels or of batched search ({@code |q|^2 + |x|^2 - 2 q.x})
     * can reach the float range's end (they stay below 2^127). Also the largest norm of an
     * attention query or key, whose scores are dot products.
     */
    static final double MAX_NORM = 0x1p62;

    /**
     * The largest norm of a hyperbolic input (2^125, about 4.3e37): a distance is at most twice
     * the sum of the two norms (each point is at twice its norm from the origin), which must
     * stay a finite float.
     */
    static final double MAX_HYPERBOLIC_NORM = 0x1p125;

    /**
     * The norms whose float dot products keep the cosine's precision: above, a dot product
     * could overflow; below, products underflow into the subnormal range. A cosine row or query
     * outside it is compared in double precision instead.
     */
    private static final float COSINE_LOW = 0x1p-40f;
    private static final float COSINE_HIGH = 0x1p40f;

    /** The same for the directions of hyperbolic inputs, which are divided by their norm in float. */
    private static final float DIRECTION_LOW = 0x1p-60f;
    private static final float DIRECTION_HIGH = 0x1p60f;

    /**
     * Below this squared Euclidean distance the float squares may have left the normal range
     * (a difference below 2^-63 squares to a subnormal), so the row is recomputed in double.
     */
    private static final float TINY_SQUARED = 0x1p-90f;

    /** The radius, in units of {@code 1/sqrt(c)}, at which {@link #toBall} caps the mapped point. */
    private static final double MAX_BALL_RADIUS = 1.0 - 1e-5;

    /**
     * A query ready for many distance evaluations: {@code point} is what the kernels read (the
     * unit direction for hyperbolic, the input otherwise), {@code raw} the input, {@code norm}
     * its norm in float and {@code wide} whether the float kernels cannot serve it (its norm
     * lies outside the range they keep precision in) so that every row is compared in double.
     */
    record Query(float[] point, float[] raw, float norm, boolean wide) {}

    /** Whether stored rows carry a scalar: the norm, for cosine and hyperbolic. */
    boolean keepsRowScalars() {
        return switch (metric) {
            case Euclidean e -> false;
            case Cosine c -> true;
            case Manhattan m -> false;
            case DotProduct d -> false;
            case Hyperbolic h -> true;
        };
    }

    /**
     * The row scalar stored beside an input (see {@link #keepsRowScalars()}): its norm, rounded
     * to float (infinite when it is beyond the float range; such rows are compared in double).
     */
    float rowScalar(float[] input) {
        return keepsRowScalars() ? (float) Math.sqrt(squaredNorm(input)) : 0f;
    }

    /**
     * Checks what the metric needs of any vector beyond being finite, naming {@code what}
     * ("vector", "query") and the value in the message: cosine rejects the zero vector;
     * Euclidean, Manhattan and dot product reject a norm above {@link #MAX_NORM}, hyperbolic
     * one above {@link #MAX_HYPERBOLIC_NORM}.
     */
    void checkUsable(float[] v, String what) {
        double norm = Math.sqrt(squaredNorm(v));
        switch (metric) {
            case Euclidean e -> checkNorm(norm, MAX_NORM, what, OVERFLOW);
            case Cosine c -> {
                if (norm == 0.0) {
                    throw new IllegalArgumentException(what + " is the zero vector, which has no direction: "
                            + "cosine distance needs a non-zero vector");
                }
            }
            case Manhattan m -> checkNorm(norm, MAX_NORM, what, OVERFLOW);
            case DotProduct d -> checkNorm(norm, MAX_NORM, what, OVERFLOW);
            case Hyperbolic h -> checkNorm(norm, MAX_HYPERBOLIC_NORM, what,
                    "a hyperbolic distance is up to twice the sum of the norms and must be a float");
        }
    }

    private static final String OVERFLOW = "its distances would overflow float";

    /** Rejects a norm above {@code max}, naming it and {@code why}. */
    static void checkNorm(double norm, double max, String what, String why) {
        if (norm > max) {
            throw new IllegalArgumentException(what + " has norm " + norm + ", above the largest accepted, "
                    + max + " (2^" + Math.getExponent(max) + "): " + why);
        }
    }

    /** The point stored for an input: the input itself (hyperbolic rows too: the tangent vector). */
    float[] toStored(float[] v) {
        return v;
    }

    /** What {@code get} returns for a stored row: the input, or for hyperbolic its image in the ball. */
    float[] toVisible(float[] stored) {
        return switch (metric) {
            case Euclidean e -> stored;
            case Cosine c -> stored;
            case Manhattan m -> stored;
            case DotProduct d -> stored;
            case Hyperbolic h -> toBall(stored);
        };
    }

    Query prepare(float[] q) {
        float norm = (float) Math.sqrt(squaredNorm(q));
        return switch (metric) {
            case Euclidean e -> new Query(q, q, norm, false);
            case Cosine c -> new Query(q, q, norm, !(norm >= COSINE_LOW && norm <= COSINE_HIGH));
            case Manhattan m -> new Query(q, q, norm, false);
            case DotProduct d -> new Query(q, q, norm, false);
            case Hyperbolic h -> {
                boolean wide = !(norm >= DIRECTION_LOW && norm <= DIRECTION_HIGH);
                float[] direction = new float[q.length];
                if (!wide) {
                    float inverse = 1f / norm; // as the direction kernel scales a row
                    for (int i = 0; i < q.length; i++) {
                        direction[i] = q[i] * inverse;
                    }
                }
                yield new Query(direction, q, norm, wide);
            }
        };
    }

    /**
     * The distance from a prepared query to one stored row: by definition what the scan gives
     * that row ({@link #rankRows}, then {@link #distanceOf}), so that every path (the scan, the
     * rescoring of batched search) agrees bit for bit.
     */
    float distance(Query q, float[] data, int offset, int dimension, float rowScalar) {
        float[] one = new float[1];
        float[] scalars = keepsRowScalars() ? new float[] {rowScalar} : null;
        rankRows(q, data, offset, 1, dimension, scalars, 0, one);
        return distanceOf(q, one[0], data, offset, dimension);
    }

    /**
     * Writes the rank value of {@code rows} consecutive rows (from {@code offset}, with their row
     * scalars from {@code scalarOffset}) into {@code out}: a value that orders rows as their
     * distances do and that {@link #distanceOf} turns into the distance. For Euclidean it
     * is the squared distance, so the square root is only taken for rows that may enter the
     * answer; for the other metrics it is the distance itself. Rows (or queries) outside the
     * range where the float kernels keep their precision are computed in double here.
     */
    void rankRows(Query q, float[] data, int offset, int rows, int dimension,
                  float[] scalars, int scalarOffset, float[] out) {
        switch (metric) {
            case Euclidean e -> euclideanRanks(q.point(), data, offset, rows, dimension, out);
            case Cosine c -> cosineRanks(q, data, offset, rows, dimension, scalars, scalarOffset, out);
            case Manhattan m -> kernels.manhattanDistances(q.point(), data, offset, rows, dimension, out);
            case DotProduct d -> negatedDots(q.point(), data, offset, rows, dimension, out);
            case Hyperbolic h -> hyperbolicRanks(q, data, offset, rows, dimension, scalars, scalarOffset, out);
        }
    }

    /** Squared distances; tiny ones from the squares in double. */
    private void euclideanRanks(float[] p, float[] data, int offset, int rows, int dimension, float[] out) {
        kernels.squareDistances(p, data, offset, rows, dimension, out);
        for (int r = 0; r < rows; r++) {
            if (out[r] < TINY_SQUARED) {
                out[r] = (float) squaredDistance(p, data, offset + r * dimension);
            }
        }
    }

    private void negatedDots(float[] p, float[] data, int offset, int rows, int dimension, float[] out) {
        kernels.dotProducts(p, data, offset, rows, dimension, out);
        for (int r = 0; r < rows; r++) {
            out[r] = -out[r];
        }
    }

    private void cosineRanks(Query q, float[] data, int offset, int rows, int dimension,
                             float[] scalars, int scalarOffset, float[] out) {
        float[] p = q.point();
        if (q.wide()) {
            for (int r = 0; r < rows; r++) {
                out[r] = cosineInDouble(p, data, offset + r * dimension);
            }
            return;
        }
        kernels.dotProducts(p, data, offset, rows, dimension, out);
        float norm = q.norm();
        for (int r = 0; r < rows; r++) {
            float rowNorm = scalars[scalarOffset + r];
            out[r] = rowNorm >= COSINE_LOW && rowNorm <= COSINE_HIGH
                    ? Similarities.cosineDistance(out[r], norm, rowNorm)
                    : cosineInDouble(p, data, offset + r * dimension);
        }
    }

    private void hyperbolicRanks(Query q, float[] data, int offset, int rows, int dimension,
                                 float[] scalars, int scalarOffset, float[] out) {
        if (q.wide()) {
            for (int r = 0; r < rows; r++) {
                out[r] = hyperbolicInDouble(q.raw(), data, offset + r * dimension);
            }
            return;
        }
        float[] p = q.point();
        boolean allInRange = true;
        for (int r = 0; r < rows; r++) {
            float rowNorm = scalars[scalarOffset + r];
            allInRange &= rowNorm >= DIRECTION_LOW && rowNorm <= DIRECTION_HIGH;
        }
        if (allInRange) {
            kernels.directionDistances(p, data, offset, rows, dimension, scalars, scalarOffset, out);
        }
        double tangentQ = 2.0 * q.norm();
        float[] one = allInRange ? null : new float[1];
        for (int r = 0; r < rows; r++) {
            float rowNorm = scalars[scalarOffset + r];
            if (rowNorm >= DIRECTION_LOW && rowNorm <= DIRECTION_HIGH) {
                if (!allInRange) {
                    kernels.directionDistances(p, data, offset + r * dimension, 1, dimension,
                            scalars, scalarOffset + r, one);
                    out[r] = one[0];
                }
                out[r] = Similarities.hyperbolic(tangentQ, 2.0 * rowNorm, out[r], sqrtC);
            } else {
                out[r] = hyperbolicInDouble(q.raw(), data, offset + r * dimension);
            }
        }
    }

    /**
     * The distance of a row from its {@link #rankRows rank value}: the square root of it for
     * Euclidean (from the squares in double where the rank is tiny), the rank itself otherwise.
     */
    float distanceOf(Query q, float rank, float[] data, int offset, int dimension) {
        return switch (metric) {
            case Euclidean e -> rank < TINY_SQUARED
                    ? (float) Math.sqrt(squaredDistance(q.point(), data, offset))
                    : (float) Math.sqrt(rank);
            case Cosine c -> rank;
            case Manhattan m -> rank;
            case DotProduct d -> rank;
            case Hyperbolic h -> rank;
        };
    }

    /**
     * The largest rank value whose distance can be {@code <= distance}: a scan skips the rows
     * ranked above it without computing their distance. For Euclidean, a squared distance
     * above {@code nextUp(d)^2} has a square root, even rounded, above {@code d}; the product of
     * two floats is exact in double and the bound is rounded up.
     */
    float rankBound(float distance) {
        return switch (metric) {
            case Euclidean e -> {
                double above = Math.nextUp(distance);
                yield Math.nextUp((float) (above * above));
            }
            case Cosine c -> distance;
            case Manhattan m -> distance;
            case DotProduct d -> distance;
            case Hyperbolic h -> distance;
        };
    }

    /** {@code |q - x|^2} in double, each square exact. */
    private static double squaredDistance(float[] q, float[] data, int offset) {
        double sum = 0.0;
        for (int i = 0; i < q.length; i++) {
            double d = (double) q[i] - data[offset + i];
            sum += d * d;
        }
        return sum;
    }

    /** {@code 1 - cos} in double: products of floats are exact there and nothing over- or underflows. */
    private static float cosineInDouble(float[] q, float[] data, int offset) {
        double dot = 0.0;
        double qq = 0.0;
        double xx = 0.0;
        for (int i = 0; i < q.length; i++) {
            double a = q[i];
            double b = data[offset + i];
            dot += a * b;
            qq += a * a;
            xx += b * b;
        }
        double cos = Math.max(-1.0, Math.min(1.0, dot / (Math.sqrt(qq) * Math.sqrt(xx))));
        return (float) (1.0 - cos);
    }

    /** The hyperbolic distance with the norms and the directions' difference in double. */
    private float hyperbolicInDouble(float[] q, float[] data, int offset) {
        double qNorm = Math.sqrt(squaredNorm(q));
        double xx = 0.0;
        for (int i = 0; i < q.length; i++) {
            xx += (double) data[offset + i] * data[offset + i];
        }
        double xNorm = Math.sqrt(xx);
        double w2 = 0.0;
        if (qNorm > 0 && xNorm > 0) {
            for (int i = 0; i < q.length; i++) {
                double d = q[i] / qNorm - data[offset + i] / xNorm;
                w2 += d * d;
            }
        }
        return Similarities.hyperbolic(2.0 * qNorm, 2.0 * xNorm, w2, sqrtC);
    }

    /**
     * Whether batched search can rank rows by {@link #queryRankTerms} before rescoring the best
     * exactly: true for the metrics that are functions of {@code q.x}, {@code |q|} and {@code |x|}.
     */
    boolean rankableByDot() {
        return switch (metric) {
            case Euclidean e -> true;
            case Cosine c -> true;
            case Manhattan m -> false;
            case DotProduct d -> true;
            case Hyperbolic h -> false;
        };
    }

    /**
     * Batched search ranks a row {@code r} for a query {@code j} by
     * {@code (base_j + term_r) + q_j.x_r * (scale_j * rowScale_r)}: the squared distance for
     * Euclidean, the distance itself for the others (see {@code VectorKernels#ranksWithin}).
     * Monotone in the distance, but rounded differently from the exact kernel: rescore before
     * answering. This fills each query's {@code base} and {@code scale}, {@code qq} being the
     * squared norms of the same queries.
     */
    void queryRankTerms(Query[] queries, int from, int count, float[] qq, float[] base, float[] scale) {
        for (int j = 0; j < count; j++) {
            switch (metric) {
                case Euclidean e -> {
                    base[j] = qq[j];
                    scale[j] = -2f;
                }
                case DotProduct d -> {
                    base[j] = 0f;
                    scale[j] = -1f;
                }
                case Cosine c -> {
                    base[j] = 1f;
                    scale[j] = -1f / queries[from + j].norm();
                }
                case Manhattan m -> throw notRankedByDots();
                case Hyperbolic h -> throw notRankedByDots();
            }
        }
    }

    /**
     * Each row's {@code term} and {@code rowScale} (see {@link #queryRankTerms}) from its squared
     * norm {@code norms[r]} (for cosine, its norm {@code scalars[r]}, the row scalar), a chunk at
     * a time: a call per row was not inlined by C2 into batched search's loop. A cosine row
     * outside the range of precise float dot products ranks {@code -inf}, so that it is always
     * rescored.
     */
    void rowRankTerms(float[] norms, float[] scalars, int rows, float[] term, float[] rowScale) {
        switch (metric) {
            case Euclidean e -> {
                System.arraycopy(norms, 0, term, 0, rows);
                Arrays.fill(rowScale, 0, rows, 1f);
            }
            case DotProduct d -> {
                Arrays.fill(term, 0, rows, 0f);
                Arrays.fill(rowScale, 0, rows, 1f);
            }
            case Cosine c -> {
                for (int r = 0; r < rows; r++) {
                    float rowNorm = scalars[r];
                    boolean precise = rowNorm >= COSINE_LOW && rowNorm <= COSINE_HIGH;
                    term[r] = precise ? 0f : Float.NEGATIVE_INFINITY;
                    rowScale[r] = precise ? 1f / rowNorm : 0f;
                }
            }
            case Manhattan m -> throw notRankedByDots();
            case Hyperbolic h -> throw notRankedByDots();
        }
    }

    /** A call that {@link #rankableByDot()} rules out. */
    private IllegalStateException notRankedByDots() {
        return new IllegalStateException(metric.label() + " is not ranked by dot products");
    }

    /** An exact distance in the units of batched search's ranks ({@link #queryRankTerms}). */
    float inRankUnits(float distance) {
        return switch (metric) {
            case Euclidean e -> distance * distance;
            case Cosine c -> distance;
            case DotProduct d -> distance;
            case Manhattan m -> throw notRankedByDots();
            case Hyperbolic h -> throw notRankedByDots();
        };
    }

    /**
     * How far batched search's ranks ({@link #queryRankTerms}) may stray from the exact kernel's
     * value: the worst-case rounding of a length-{@code d} float sum ({@code d * 2^-24} relative)
     * plus four roundings outside the sums (the rank's add and fma, the exact distance's square
     * root squared back), doubled to cover both computations.
     */
    float rankError(float qq, float maxXX, int dimension) {
        float gamma = (dimension + 4) * 0x1p-24f;
        return switch (metric) {
            case Euclidean e -> 4f * gamma * (qq + maxXX);
            case Cosine c -> 8f * gamma;
            case DotProduct d -> 2f * gamma * (qq + maxXX);
            case Manhattan m -> throw notRankedByDots();
            case Hyperbolic h -> throw notRankedByDots();
        };
    }

    /**
     * The exponential map at the origin of the ball of curvature {@code -c}:
     * {@code tanh(sqrt(c)|v|) v / (sqrt(c)|v|)}, its radius capped just inside the boundary
     * (a float point on the boundary would not be in the ball). Only for showing a stored row:
     * distances are computed from the tangent vector, never from this point.
     */
    float[] toBall(float[] v) {
        double norm = Math.sqrt(squaredNorm(v));
        float[] x = new float[v.length];
        if (norm == 0.0) {
            return x;
        }
        double radius = Math.min(Math.tanh(sqrtC * norm), MAX_BALL_RADIUS);
        double factor = radius / sqrtC / norm;
        for (int i = 0; i < v.length; i++) {
            x[i] = (float) (v[i] * factor);
        }
        return x;
    }

    static double squaredNorm(float[] v) {
        double sum = 0.0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return sum;
    }
}
