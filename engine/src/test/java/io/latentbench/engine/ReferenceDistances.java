package io.latentbench.engine;

/** The metrics of DESIGN.md written out in double precision, independent of the engine's code. */
final class ReferenceDistances {

    private ReferenceDistances() {}

    static double of(DistanceMetric metric, float[] a, float[] b) {
        return switch (metric) {
            case DistanceMetric.Euclidean e -> {
                double s = 0;
                for (int i = 0; i < a.length; i++) s += Math.pow((double) a[i] - b[i], 2);
                yield Math.sqrt(s);
            }
            case DistanceMetric.Cosine c -> {
                double dot = 0, aa = 0, bb = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += (double) a[i] * b[i];
                    aa += (double) a[i] * a[i];
                    bb += (double) b[i] * b[i];
                }
                yield 1 - dot / Math.sqrt(aa * bb);
            }
            case DistanceMetric.Manhattan m -> {
                double s = 0;
                for (int i = 0; i < a.length; i++) s += Math.abs((double) a[i] - b[i]);
                yield s;
            }
            case DistanceMetric.DotProduct d -> {
                double s = 0;
                for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
                yield -s;
            }
            case DistanceMetric.Hyperbolic h -> hyperbolic(a, b, -h.curvature());
        };
    }

    /** The exponential map at the origin: tanh(sqrt(c)|v|) v / (sqrt(c)|v|). */
    static double[] expMap(float[] v, double c) {
        double norm = 0;
        for (float x : v) norm += (double) x * x;
        norm = Math.sqrt(norm);
        double[] out = new double[v.length];
        if (norm == 0) return out;
        double f = Math.tanh(Math.sqrt(c) * norm) / (Math.sqrt(c) * norm);
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }

    static double poincare(double[] x, double[] y, double c) {
        double diff = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.length; i++) {
            diff += Math.pow(x[i] - y[i], 2);
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        double z = 1 + 2 * c * diff / ((1 - c * xx) * (1 - c * yy));
        return Math.log(z + Math.sqrt(z * z - 1)) / Math.sqrt(c);
    }

    /**
     * The Poincare-ball formula of DESIGN.md in double, written so that it holds for any norm:
     * the mapped points' difference from the points themselves, but their conformal factors
     * {@code 1 - c|x|^2 = 1 / cosh^2(sqrt(c)|u|)} exactly and the argument of arcosh as a
     * logarithm, {@code log(z - 1) = log(2c|x - y|^2) + 2 log cosh(sqrt(c)|u|) + 2 log cosh(sqrt(c)|v|)}.
     * Independent of the engine's tangent-space law of cosines.
     */
    static double hyperbolic(float[] u, float[] v, double c) {
        double[] x = expMap(u, c);
        double[] y = expMap(v, c);
        double diff = 0;
        for (int i = 0; i < x.length; i++) diff += Math.pow(x[i] - y[i], 2);
        if (diff == 0) return 0;
        double s = Math.sqrt(c);
        double logZMinus1 = Math.log(2 * c * diff) + 2 * logCosh(s * norm(u)) + 2 * logCosh(s * norm(v));
        double arcosh;
        if (logZMinus1 < 0) {
            double t = Math.exp(logZMinus1);
            arcosh = Math.log1p(t + Math.sqrt(t * (t + 2)));
        } else {
            double inverse = Math.exp(-logZMinus1);
            arcosh = logZMinus1 + Math.log(1 + inverse + Math.sqrt(1 + 2 * inverse));
        }
        return arcosh / s;
    }

    private static double logCosh(double y) {
        return y + Math.log1p(Math.exp(-2 * y)) - Math.log(2);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }
}
