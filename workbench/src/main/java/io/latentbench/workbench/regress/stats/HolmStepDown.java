package io.latentbench.workbench.regress.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of a family of p-values: rejecting where the adjusted p is below
 * alpha keeps the chance of any false rejection in the family at most alpha, as Bonferroni's
 * alpha / m does, but tests the smallest p at alpha / m, the next at alpha / (m - 1), and so on
 * (Holm, "A simple sequentially rejective multiple test procedure", 1979). With several real
 * changes in one family Bonferroni misses the weaker ones; Holm keeps them.
 */
public final class HolmStepDown {

    private HolmStepDown() {
    }

    /**
     * The adjusted p-values, in the order given: for the i-th smallest of m, the largest of
     * {@code (m - j) p(j)} over the j-th smallest up to it, capped at 1. A NaN (an untested member)
     * counts as 1: it stays in the family and is never rejected.
     */
    public static double[] adjust(double... p) {
        int m = p.length;
        double[] clean = Arrays.stream(p).map(v -> Double.isNaN(v) ? 1 : v).toArray();
        for (double v : clean) {
            if (v < 0 || v > 1) {
                throw new IllegalArgumentException("a p-value must lie in [0, 1], got " + v);
            }
        }
        int[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> clean[i]))
                .mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * clean[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
