package io.latentbench.workbench.regress.stats;

import java.util.List;

/**
 * The change between two sides measured in pairs (one base fork and one head fork that ran
 * together or back to back), as a geometric-mean ratio head / base.
 *
 * <p>Two levels, after Kalibera and Jones ("Rigorous Benchmarking in Reasonable Time", ISMM
 * 2013): iterations within a fork, and fork pairs. Iterations of one fork share its JIT decisions
 * and memory layout, so they are not independent; the pair is the unit of replication. Each
 * pair gives one log ratio, the mean log score of its head iterations minus that of its base
 * iterations (in a duet run, where iteration i of both ran at the same time, this is the mean of
 * the per-iteration log ratios). The estimate is the exponential of their mean, and its interval
 * and test come from the Student t distribution of that mean over the pairs (n - 1 degrees of
 * freedom): the spread of the pair log ratios already holds the iteration noise, divided by the
 * iteration count, so the interval respects both levels. A paired t test on log ratios reaches
 * p &lt; 0.05 with 3 pairs, where a two-sided signed-rank test needs 6.
 *
 * <p>The variance components say where the noise is: {@code iterationSd} within a pair (how much
 * more iterations would help), {@code pairSd} between pairs (how much more pairs would).
 */
public final class PairedRatio {

    /**
     * One pair's measurement iterations; {@code aligned}: iteration i of each side ran at the same time;
     * {@code orientation}: which way round the pair sat on the cores (the base's core, 0 or 1, in a duet),
     * -1 when its forks were not pinned.
     */
    public record Pair(double[] base, double[] head, boolean aligned, int orientation) {

        /** A pair whose forks were not pinned. */
        public Pair(double[] base, double[] head, boolean aligned) {
            this(base, head, aligned, -1);
        }

        public Pair {
            if (base.length == 0 || head.length == 0) {
                throw new IllegalArgumentException("a pair needs iterations on both sides, got " + base.length
                        + " base and " + head.length + " head");
            }
            for (double[] side : new double[][] {base, head}) {
                for (double v : side) {
                    if (!(v > 0) || !Double.isFinite(v)) {
                        throw new IllegalArgumentException("a paired ratio needs positive scores, got " + v);
                    }
                }
            }
        }
    }

    /**
     * @param pairs        the number of pairs (independent samples)
     * @param ratio        geometric mean of head / base
     * @param low          lower end of the interval of the ratio, NaN with fewer than 2 pairs
     * @param high         upper end
     * @param pValue       two-sided paired t test of "no change", NaN with fewer than 2 pairs
     * @param pairSd       standard deviation of the pairs' log ratios (about their orientation's mean when the
     *                     pairs are blocked by orientation)
     * @param iterationSd  pooled standard deviation of the log ratios of iterations within a pair
     *                     (aligned pairs only, NaN otherwise)
     */
    public record Result(int pairs, double ratio, double low, double high, double pValue, double pairSd,
            double iterationSd) {

        public boolean tested() {
            return !Double.isNaN(pValue);
        }

        /** Width of the interval as a percentage of the ratio. */
        public double widthPercent() {
            return 100 * (high - low) / ratio;
        }
    }

    /** How clearly the two core orientations must differ before the estimate is blocked by them. */
    static final double ORIENTATION_LEVEL = 0.01;

    private PairedRatio() {}

    public static Result of(List<Pair> pairs, double confidence) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a paired ratio needs at least one pair");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " must be between 0 and 1");
        }
        int n = pairs.size();
        double[] logRatios = new double[n];
        double within = 0;
        int withinDf = 0;
        for (int i = 0; i < n; i++) {
            Pair p = pairs.get(i);
            logRatios[i] = meanLog(p.head()) - meanLog(p.base());
            if (p.aligned() && p.base().length == p.head().length && p.base().length > 1) {
                double m = logRatios[i];
                for (int j = 0; j < p.base().length; j++) {
                    double d = Math.log(p.head()[j] / p.base()[j]) - m;
                    within += d * d;
                }
                withinDf += p.base().length - 1;
            }
        }
        double iterationSd = withinDf > 0 ? Math.sqrt(within / withinDf) : Double.NaN;
        // Duet pairs swap cores from pair to pair; on a shared machine one core can be slower than the
        // other for a while (a neighbour on its sibling thread: whichever side sat on core 1 took 1.5-2x
        // as long, pair after pair). When the two orientations' means differ clearly (p < 0.01 on their
        // offset), the estimate is the mean of the two means and the offset leaves the spread, so that an
        // odd number of pairs is not pulled towards the orientation it has more of. Otherwise the plain
        // mean: splitting 5 pairs in two for nothing cost a degree of freedom and, with forks that land
        // in one of two speeds, raised false alarms in simulation.
        int[] count = new int[2];
        double[] sum = new double[2];
        for (int i = 0; i < n; i++) {
            int o = pairs.get(i).orientation();
            if (o == 0 || o == 1) {
                count[o]++;
                sum[o] += logRatios[i];
            }
        }
        double plainMean = 0;
        for (double l : logRatios) {
            plainMean += l;
        }
        plainMean /= n;
        if (n < 2) {
            return new Result(n, Math.exp(plainMean), Double.NaN, Double.NaN, Double.NaN, Double.NaN, iterationSd);
        }
        boolean blocked = false;
        double blockedSquares = 0;
        if (count[0] > 0 && count[1] > 0 && count[0] + count[1] == n && n >= 4) {
            for (int i = 0; i < n; i++) {
                int o = pairs.get(i).orientation();
                double d = logRatios[i] - sum[o] / count[o];
                blockedSquares += d * d;
            }
            double offsetSe = Math.sqrt(blockedSquares / (n - 2) * (1.0 / count[0] + 1.0 / count[1]));
            double offset = sum[0] / count[0] - sum[1] / count[1];
            blocked = offset != 0 && (offsetSe == 0
                    || 2 * (1 - StudentT.cdf(Math.abs(offset) / offsetSe, n - 2)) < ORIENTATION_LEVEL);
        }
        double mean = blocked ? (sum[0] / count[0] + sum[1] / count[1]) / 2 : plainMean;
        double squares = blockedSquares;
        if (!blocked) {
            squares = 0;
            for (double l : logRatios) {
                squares += (l - mean) * (l - mean);
            }
        }
        int df = blocked ? n - 2 : n - 1;
        double sd = Math.sqrt(squares / df);
        double se = blocked ? sd / 2 * Math.sqrt(1.0 / count[0] + 1.0 / count[1]) : sd / Math.sqrt(n);
        if (se == 0) {
            // Identical log ratios in every pair: no spread to test against.
            double p = mean == 0 ? 1 : 0;
            return new Result(n, Math.exp(mean), Math.exp(mean), Math.exp(mean), p, 0, iterationSd);
        }
        double t = mean / se;
        double p = Math.min(1, 2 * (1 - StudentT.cdf(Math.abs(t), df)));
        double q = StudentT.quantile(1 - (1 - confidence) / 2, df);
        return new Result(n, Math.exp(mean), Math.exp(mean - q * se), Math.exp(mean + q * se), p, sd, iterationSd);
    }

    private static double meanLog(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.log(x);
        }
        return s / v.length;
    }
}
