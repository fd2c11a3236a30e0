package io.latentbench.workbench.regress.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

    /** A pair whose single iterations have exactly this log ratio. */
    private static PairedRatio.Pair pair(double logRatio) {
        return new PairedRatio.Pair(new double[] {100}, new double[] {100 * Math.exp(logRatio)}, true);
    }

    @Test
    void threePairsMatchTheStudentTFormulas() {
        // log ratios 0.08, 0.10, 0.12: mean 0.1, sd 0.02, t = 0.1 / (0.02 / sqrt 3) = 8.66 on 2 df
        PairedRatio.Result r = PairedRatio.of(List.of(pair(0.08), pair(0.10), pair(0.12)), 0.95);
        double se = 0.02 / Math.sqrt(3);
        double t = 0.1 / se;
        // Student t with 2 df has a closed form: P(|T| > t) = 1 - t / sqrt(2 + t^2)
        assertThat(r.pValue()).isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-6));
        assertThat(r.ratio()).isCloseTo(Math.exp(0.1), within(1e-12));
        double q = 4.302653; // t(0.975, 2)
        assertThat(r.low()).isCloseTo(Math.exp(0.1 - q * se), within(1e-4));
        assertThat(r.high()).isCloseTo(Math.exp(0.1 + q * se), within(1e-4));
        assertThat(r.pairSd()).isCloseTo(0.02, within(1e-12));
        assertThat(r.pairs()).isEqualTo(3);
    }

    @Test
    void aPairsLogRatioAveragesItsIterationsAndAlignedOnesGiveTheIterationSpread() {
        // iteration log ratios 0.05 and 0.15 in one pair: the pair counts 0.10, spread sqrt(0.005)
        double[] base = {10, 20};
        double[] head = {10 * Math.exp(0.05), 20 * Math.exp(0.15)};
        PairedRatio.Result r = PairedRatio.of(List.of(new PairedRatio.Pair(base, head, true), pair(0.1)), 0.95);
        assertThat(r.ratio()).isCloseTo(Math.exp(0.1), within(1e-12));
        assertThat(r.iterationSd()).isCloseTo(Math.sqrt(0.005), within(1e-12));
        PairedRatio.Result unaligned = PairedRatio.of(List.of(new PairedRatio.Pair(base, head, false), pair(0.1)), 0.95);
        assertThat(unaligned.ratio()).isCloseTo(Math.exp(0.1), within(1e-12));
        assertThat(unaligned.iterationSd()).isNaN();
    }

    @Test
    void onePairIsAnEstimateWithoutTestAndIdenticalRatiosNeedNoSpread() {
        PairedRatio.Result one = PairedRatio.of(List.of(pair(0.2)), 0.95);
        assertThat(one.tested()).isFalse();
        assertThat(one.low()).isNaN();
        PairedRatio.Result same = PairedRatio.of(List.of(pair(0), pair(0), pair(0)), 0.95);
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.ratio()).isEqualTo(1.0);
    }

    @Test
    void aSlowCoreDoesNotPullFivePairsTowardsTheOrientationTheyHaveMoreOf() {
        // whichever side sits on core 1 takes 1.8x as long; the code is unchanged, 5 pairs: 3 with the base
        // on core 0 (head slowed, log ratio +0.59), 2 with the base on core 1 (-0.59), fork noise 2 %
        Random random = new Random(15);
        int blockedAlarms = 0;
        int plainAlarms = 0;
        double worstBlocked = 0;
        for (int run = 0; run < 2000; run++) {
            List<PairedRatio.Pair> blocked = new ArrayList<>();
            List<PairedRatio.Pair> plain = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int baseCore = i % 2;
                double core = (baseCore == 0 ? 1 : -1) * Math.log(1.8);
                double[] b = {100 * Math.exp(random.nextGaussian() * 0.02)};
                double[] h = {100 * Math.exp(core + random.nextGaussian() * 0.02)};
                blocked.add(new PairedRatio.Pair(b, h, true, baseCore));
                plain.add(new PairedRatio.Pair(b, h, true));
            }
            PairedRatio.Result rb = PairedRatio.of(blocked, 0.95);
            PairedRatio.Result rp = PairedRatio.of(plain, 0.95);
            worstBlocked = Math.max(worstBlocked, Math.abs(Math.log(rb.ratio())));
            if (rb.pValue() < 0.05 && Math.abs(rb.ratio() - 1) > 0.05) {
                blockedAlarms++;
            }
            if (Math.abs(rp.ratio() - 1) > 0.05) {
                plainAlarms++;
            }
        }
        // unblocked, every run's estimate is about +12 % (the 3:2 imbalance of a 59 % core offset)
        assertThat(plainAlarms).isEqualTo(2000);
        assertThat(worstBlocked).isLessThan(0.05);
        assertThat(blockedAlarms).isZero();
        // and the core offset leaves the spread: a real 10 % change stands out of it
        List<PairedRatio.Pair> slower = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double core = (i % 2 == 0 ? 1 : -1) * Math.log(1.8);
            slower.add(new PairedRatio.Pair(new double[] {100 * Math.exp(random.nextGaussian() * 0.02)},
                    new double[] {110 * Math.exp(core + random.nextGaussian() * 0.02)}, true, i % 2));
        }
        PairedRatio.Result r = PairedRatio.of(slower, 0.95);
        assertThat(r.pValue()).isLessThan(0.05);
        assertThat(r.ratio()).isCloseTo(1.10, within(0.04));
        assertThat(r.pairSd()).isLessThan(0.1);
    }

    @Test
    void rejectsScoresThatHaveNoLogarithm() {
        assertThatThrownBy(() -> new PairedRatio.Pair(new double[] {1, 0}, new double[] {1, 1}, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive scores, got 0.0");
        assertThatThrownBy(() -> new PairedRatio.Pair(new double[] {}, new double[] {1}, true))
                .hasMessageContaining("iterations on both sides");
        assertThatThrownBy(() -> PairedRatio.of(List.of(), 0.95)).hasMessageContaining("at least one pair");
    }

    /**
     * Two-level synthetic pairs: a machine state per pair shared by both sides (what a duet pair
     * sees together, large: 15 %), a fork effect per side (JIT, layout), and iterations with a shared
     * and an own jitter. {@code forkSd} is the per-side fork effect in log units.
     */
    static List<PairedRatio.Pair> simulate(Random random, int pairs, int iterations, double change, double forkSd,
            double machineSd) {
        List<PairedRatio.Pair> out = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            double machine = random.nextGaussian() * machineSd;
            double forkBase = random.nextGaussian() * forkSd;
            double forkHead = random.nextGaussian() * forkSd;
            double[] b = new double[iterations];
            double[] h = new double[iterations];
            for (int j = 0; j < iterations; j++) {
                double shared = random.nextGaussian() * 0.02;
                b[j] = 100 * Math.exp(machine + forkBase + shared + random.nextGaussian() * 0.01);
                h[j] = 100 * Math.exp(machine + forkHead + shared + Math.log(change) + random.nextGaussian() * 0.01);
            }
            out.add(new PairedRatio.Pair(b, h, true));
        }
        return out;
    }

    private static double rejectionRate(long seed, int runs, int pairs, double change, double forkSd) {
        Random random = new Random(seed);
        int rejected = 0;
        for (int run = 0; run < runs; run++) {
            if (PairedRatio.of(simulate(random, pairs, 3, change, forkSd, 0.15), 0.95).pValue() < 0.05) {
                rejected++;
            }
        }
        return rejected / (double) runs;
    }

    @Test
    void falseAlarmRateIsAlphaWhateverTheMachineDoes() {
        // no change, a machine that moves 15 % between pairs: p < 0.05 in about 5 % of the runs
        double rate = rejectionRate(11, 4000, 5, 1.0, 0.022);
        assertThat(rate).isBetween(0.035, 0.065);
    }

    @Test
    void fivePairsDetectATenPercentChangeAtTheSpreadDuetRunsShowHere() {
        // 0.022 per side = 3.2 % spread of the pair log ratios, as measured side by side on this machine
        assertThat(rejectionRate(12, 2000, 5, 1.10, 0.022)).isGreaterThan(0.99);
        // one fork after another the spread was 12.1 % (0.085 per side): five pairs miss a 10 % change often
        assertThat(rejectionRate(13, 2000, 5, 1.10, 0.085)).isLessThan(0.75);
    }

    @Test
    void intervalsCoverTheTrueRatioAtTheirLevel() {
        Random random = new Random(14);
        int covered = 0;
        int runs = 3000;
        for (int run = 0; run < runs; run++) {
            PairedRatio.Result r = PairedRatio.of(simulate(random, 5, 3, 1.07, 0.03, 0.15), 0.95);
            if (r.low() <= 1.07 && 1.07 <= r.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.93, 0.97);
    }
}
