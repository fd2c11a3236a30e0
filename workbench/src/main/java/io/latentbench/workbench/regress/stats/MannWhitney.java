package io.latentbench.workbench.regress.stats;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples.
 *
 * <p>For the sample sizes benchmarks produce (a handful of forks per side) the p-value is
 * exact: the permutation distribution of the rank sum is counted over every way of
 * splitting the pooled values, with mid-ranks for ties, so ties are handled exactly too.
 * Larger samples use the normal approximation with tie and continuity corrections.
 */
public final class MannWhitney {

    /** Above this pooled size the counting table would be large; the normal approximation is accurate there. */
    static final int EXACT_LIMIT = 60;

    private MannWhitney() {}

    /** The result: U of the first sample, the two-sided p-value and whether it was computed exactly. */
    public record Result(double u, double pValue, boolean exact) {}

    public static Result test(double[] a, double[] b) {
        requireSample(a, "first");
        requireSample(b, "second");
        int n1 = a.length;
        int n2 = b.length;
        int n = n1 + n2;
        double[] pooled = new double[n];
        System.arraycopy(a, 0, pooled, 0, n1);
        System.arraycopy(b, 0, pooled, n1, n2);
        int[] doubledRanks = doubledMidRanks(pooled);
        long rankSumA2 = 0;
        for (int i = 0; i < n1; i++) {
            rankSumA2 += doubledRanks[i];
        }
        double u = rankSumA2 / 2.0 - n1 * (n1 + 1) / 2.0;
        if (n <= EXACT_LIMIT) {
            return new Result(u, exactP(doubledRanks, n1, rankSumA2), true);
        }
        return new Result(u, normalP(doubledRanks, n1, n2, u), false);
    }

    /**
     * The smallest two-sided p-value any outcome could give with these sample sizes
     * (complete separation): when it is not below alpha, the test cannot find anything.
     */
    public static double smallestPossibleP(int n1, int n2) {
        if (n1 < 1 || n2 < 1) {
            return 1.0;
        }
        return Math.min(1.0, 2.0 / binomial(n1 + n2, n1));
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Ranks 1..n, averaged over ties, times two so that mid-ranks stay integers. */
    private static int[] doubledMidRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        int[] ranks = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            int doubledMid = (i + 1) + (j + 1); // 2 * average of ranks i+1..j+1
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = doubledMid;
            }
            i = j + 1;
        }
        return ranks;
    }

    /**
     * Counts, for every subset of size n1 of the pooled items, its doubled rank sum; the
     * p-value is the share of subsets at least as far from the mean as the observed one.
     */
    private static double exactP(int[] doubledRanks, int n1, long observed2) {
        int n = doubledRanks.length;
        int maxSum = 0;
        for (int r : doubledRanks) {
            maxSum += r;
        }
        // counts[j][s]: number of subsets of the items seen so far with j items and doubled sum s.
        double[][] counts = new double[n1 + 1][maxSum + 1];
        counts[0][0] = 1;
        int seenSum = 0;
        for (int item = 0; item < n; item++) {
            int r = doubledRanks[item];
            seenSum += r;
            for (int j = Math.min(item + 1, n1); j >= 1; j--) {
                double[] row = counts[j];
                double[] prev = counts[j - 1];
                for (int s = seenSum; s >= r; s--) {
                    row[s] += prev[s - r];
                }
            }
        }
        double total = 0;
        for (double c : counts[n1]) {
            total += c;
        }
        double mean2 = (double) n1 * maxSum / n;
        double observedDistance = Math.abs(observed2 - mean2);
        double extreme = 0;
        for (int s = 0; s <= maxSum; s++) {
            // a tiny tolerance keeps the observed outcome itself inside despite rounding
            if (counts[n1][s] > 0 && Math.abs(s - mean2) >= observedDistance - 1e-9) {
                extreme += counts[n1][s];
            }
        }
        return Math.min(1.0, extreme / total);
    }

    private static double normalP(int[] doubledRanks, int n1, int n2, double u) {
        int n = n1 + n2;
        double mean = n1 * (double) n2 / 2.0;
        // tie correction: sum over tie groups of t^3 - t
        int[] sorted = doubledRanks.clone();
        Arrays.sort(sorted);
        double tieTerm = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
        if (z <= 0) {
            return 1.0;
        }
        return Math.min(1.0, 2 * NormalDistribution.upperTail(z));
    }

    private static void requireSample(double[] sample, String which) {
        if (sample == null || sample.length == 0) {
            throw new IllegalArgumentException("the " + which + " sample is empty; Mann-Whitney needs at least one value per side");
        }
        for (double v : sample) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the " + which + " sample contains " + v + "; expected finite values");
            }
        }
    }
}
