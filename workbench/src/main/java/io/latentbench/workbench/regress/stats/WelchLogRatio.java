package io.latentbench.workbench.regress.stats;

/**
 * Welch's t test on the logarithms of two independent samples (per-fork means), for the fork
 * counts where a rank test cannot decide: with 3 forks a side the smallest two-sided
 * Mann-Whitney p-value is 0.1, so even fork means 30 % apart and each within 3 % of its side
 * would stay untested. On logs, the difference of means is the log of the ratio of geometric
 * means, and its interval (Satterthwaite's degrees of freedom, rounded down) is the interval of
 * that ratio.
 */
public final class WelchLogRatio {

    /**
     * @param ratio   geometric mean of b over geometric mean of a
     * @param low     lower end of the interval of the ratio
     * @param high    upper end
     * @param pValue  two-sided
     * @param df      Satterthwaite's degrees of freedom, rounded down, at least 1
     */
    public record Result(double ratio, double low, double high, double pValue, int df) {}

    private WelchLogRatio() {}

    /** Needs two or more positive values on each side. */
    public static Result test(double[] a, double[] b, double confidence) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("Welch's test needs 2 or more values a side, got " + a.length + " and "
                    + b.length);
        }
        double[] la = logs(a);
        double[] lb = logs(b);
        double ma = mean(la);
        double mb = mean(lb);
        double va = variance(la, ma) / la.length;
        double vb = variance(lb, mb) / lb.length;
        double diff = mb - ma;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Result(Math.exp(diff), Math.exp(diff), Math.exp(diff), diff == 0 ? 1 : 0, la.length + lb.length - 2);
        }
        double dfExact = (va + vb) * (va + vb)
                / (va * va / (la.length - 1) + vb * vb / (lb.length - 1));
        // rounding error must not cost a whole degree of freedom (2 exactly came out as 1.999...)
        int df = Math.max(1, (int) Math.floor(dfExact + 1e-9));
        double t = diff / se;
        double p = Math.min(1, 2 * (1 - StudentT.cdf(Math.abs(t), df)));
        double q = StudentT.quantile(1 - (1 - confidence) / 2, df);
        return new Result(Math.exp(diff), Math.exp(diff - q * se), Math.exp(diff + q * se), p, df);
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || !Double.isFinite(v[i])) {
                throw new IllegalArgumentException("Welch's test on logs needs positive values, got " + v[i]);
            }
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
