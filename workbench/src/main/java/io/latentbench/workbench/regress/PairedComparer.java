package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.stats.HolmStepDown;
import io.latentbench.workbench.regress.stats.PairedRatio;
import io.latentbench.workbench.results.Direction;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.Recheck;
import io.latentbench.workbench.results.relative.RelativeRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Verdicts of a relative run, from its paired ratios ({@link PairedRatio}): base and head were
 * measured in one job, so the machine's moves between runs do not enter the comparison.
 *
 * <p>The rule, stated in every report's header: <b>Regression</b> when the paired t test gives
 * p &lt; alpha, the estimated change is worse than the benchmark's threshold and the whole interval
 * worse than half of it; <b>Improvement</b> when p &lt; alpha and the whole interval is better than
 * half the threshold; <b>NoChange</b> otherwise. Judged on the estimate alone, an unchanged build was
 * called improved in 0.8 % of simulated benchmarks at the spread measured here (over a gate of 50
 * benchmarks an alarm every few runs), and regressed beside a CPU hog: +5.6 % [+1.6, +9.7] over 10
 * fresh pairs that spread 5.4 %; the 92 Regressions of eight A/B gate runs with knn about 10 % slower had
 * intervals that started at +2.8 % or above.
 *
 * <p>With a confirmation stage ({@link #recheck()}, {@code RelativeRun.confirmPairs() > 0}) the
 * first pairs only select: a benchmark whose first estimate is past its threshold, either way, or
 * whose first pairs are significant with an interval that reaches past it, is measured again, and
 * the rule is applied to the fresh pairs alone. Their test is one-sided, in
 * the direction the first pairs pointed: the first pairs chose the question ("is it slower?"), the
 * fresh ones, independent of that choice, answer it, and a fresh estimate the other way is no
 * evidence for either verdict. The one-sided p-values are adjusted by Holm's step-down over the
 * benchmarks measured again ({@link HolmStepDown}: the chance of any false verdict among them
 * stays at alpha, and, unlike alpha divided by their number, a weaker change beside a strong one
 * is not lost). Judged on the pairs that selected it, a gate
 * of 50 benchmarks raised a false Regression on an unchanged build (CI, +5.7 %, p = 0.044), and
 * small kernels whose forks land in one of two speeds 20 % apart (the JIT's or the data's
 * alignment, drawn per fork) look like a change whenever the draws fall unevenly over 5 pairs.
 *
 * <p>Inconclusive only with a single pair (nothing to test against). The rows tagged as
 * references (not our code) are reported, never judged, as in {@link Comparer}.
 */
public final class PairedComparer {

    /** How a relative comparison's mode starts; the report header states its rule from it. */
    public static final String MODE_PREFIX = "relative";

    /** What a relative comparison's mode says when the run had a confirmation stage. */
    private static final String CONFIRMED = "measured again with";

    private final RegressionConfig config;

    public PairedComparer(RegressionConfig config) {
        this.config = config;
    }

    /**
     * The confirmation rule: a benchmark (not a reference) is measured again when its first pairs put
     * the estimate past its threshold, worse or better, or are significant with an interval whose far
     * end is past it. Five pairs under-estimate a change just past the threshold often enough to lose
     * it at the first step: in an A/B gate run a knn point of a build about 10 % slower read +4.3 %
     * [+0.6, +8.0], p = 0.03, and was never measured again.
     */
    public Recheck recheck() {
        return new ConfirmationRule();
    }

    /** {@link #recheck()}: which benchmarks are measured again, and while their fresh pairs are worth more. */
    private final class ConfirmationRule implements Recheck {

        @Override
        public boolean wanted(PairedBenchmark first) {
            Measurement head = side(first, false);
            if (PeerReferences.isReference(head)) {
                return false;
            }
            PairedRatio.Result r = ratio(first.pairs());
            double threshold = config.thresholdPercent(ThresholdMapping.entryFor(head));
            // significant: both ends on one side of 1, so the far end is the larger change of the two
            double farEnd = Math.max(Math.abs(worsePercent(head, r.low())), Math.abs(worsePercent(head, r.high())));
            return Math.abs(worsePercent(head, r.ratio())) > threshold
                    || r.tested() && r.pValue() < config.statistics().alpha() && farEnd > threshold;
        }

        /**
         * Another round while the fresh estimate points the way the first pairs did. One pointing the
         * other way cannot give the verdict the first pairs asked about (their test is one-sided), and
         * stopping there only ever takes a verdict away, so the chance of a false one stays at alpha.
         * Five fresh pairs of a build 7 % slower point the other way in under 1 % of runs at a pair
         * spread of 6.4 %; of an unchanged build, every other time.
         */
        @Override
        public boolean goOn(PairedBenchmark soFar) {
            return sameWay(ratio(soFar.confirmation()).ratio(), ratio(soFar.pairs()).ratio());
        }
    }

    public ComparisonReport compare(RelativeRun run, String source) {
        List<Measurement> base = new ArrayList<>();
        List<Measurement> head = new ArrayList<>();
        List<Comparison> rows = new ArrayList<>();
        Map<String, Confirmation> adjusted = holmAdjusted(run);
        for (PairedBenchmark b : run.benchmarks()) {
            Measurement mb = side(b, true);
            Measurement mh = side(b, false);
            base.add(mb);
            head.add(mh);
            rows.add(compareOne(b, mb, mh, run, adjusted));
        }
        run.headOnly().forEach(key -> rows.add(unmeasured(key, Verdict.NEW_BENCHMARK,
                "the base revision has no such benchmark")));
        // the whole message, with the log's tail, stays in the run's file
        run.failed().forEach(f -> rows.add(unmeasured(f.key(), Verdict.FAILED, f.headline())));
        String testbed = run.info().testbed();
        String mode = String.format(Locale.ROOT, "%s (%s, %s): base %s (%s) and head %s (%s) measured in one job",
                MODE_PREFIX, run.schedule().label(), pairsText(run), run.base().revision(), shortId(run.base().commit()),
                run.head().revision(), shortId(run.head().commit()));
        return new ComparisonReport(
                MeasurementSet.of(source + " (base " + run.base().revision() + ")", testbed, run.base().commit(),
                        run.info().timestamp().toString(), base),
                MeasurementSet.of(source + " (head " + run.head().revision() + ")", testbed, run.head().commit(),
                        run.info().timestamp().toString(), head),
                mode, method(run), config.source(), config.statistics().alpha(), config.statistics().confidence(), rows,
                List.of());
    }

    /** A row without measurements: a benchmark new in the head, or one whose fork failed. */
    private Comparison unmeasured(String key, Verdict verdict, String reason) {
        Measurement m = new Measurement(MeasurementId.primary(key), key.replaceAll("\\..*", ""),
                key.replaceAll("^[^.]*\\.|\\[.*$", ""), null, "", Double.NaN, List.of());
        ThresholdEntry entry = ThresholdMapping.entryFor(m);
        return new Comparison(m.id(), entry, config.thresholdPercent(entry), Optional.empty(), m, verdict, reason,
                Optional.empty());
    }

    /** The statistic and the rule above, and the confirmation stage when the run had one, for the report header. */
    private String method(RelativeRun run) {
        double alpha = config.statistics().alpha();
        return String.format(Locale.ROOT, "geometric mean of the paired ratios head/base (a log ratio per fork"
                + " pair, iterations averaged within it) with a %.0f%% Student t interval over the pairs; a paired"
                + " t test on the log ratios. Regression: p < %s, the estimate worse than the threshold and the whole"
                + " interval worse than half of it; Improvement: p < %s and the whole interval better than half of it",
                config.statistics().confidence() * 100, alpha, alpha)
                + (run.confirmPairs() == 0 ? "" : "; the first pairs only select: a benchmark whose first estimate"
                        + " is past its threshold either way, or whose first pairs are significant with an interval"
                        + " reaching past it, is measured again, in rounds of " + Recheck.ROUND + " fresh pairs up to "
                        + run.confirmPairs() + " while their estimate points the way the first pairs did, and judged"
                        + " on the fresh pairs alone,"
                        + " their t test one-sided in the direction the first pairs pointed and its p-values adjusted"
                        + " by Holm's step-down over the benchmarks measured again; the others are NoChange");
    }

    /** A benchmark measured again: its fresh pairs' one-sided p, and that p adjusted over all measured again. */
    private record Confirmation(double oneSided, double adjusted) {}

    /** The benchmarks measured again, by key, their p-values adjusted as one family. */
    private Map<String, Confirmation> holmAdjusted(RelativeRun run) {
        List<PairedBenchmark> family = run.benchmarks().stream()
                .filter(b -> !b.confirmation().isEmpty() && !PeerReferences.isReference(side(b, false))).toList();
        double[] oneSided = family.stream().mapToDouble(b -> oneSided(ratio(b.confirmation()),
                ratio(b.pairs()).ratio())).toArray();
        double[] adjusted = HolmStepDown.adjust(oneSided);
        Map<String, Confirmation> byKey = new HashMap<>();
        for (int i = 0; i < adjusted.length; i++) {
            byKey.put(family.get(i).key(), new Confirmation(oneSided[i], adjusted[i]));
        }
        return byKey;
    }

    /**
     * The p-value of the fresh pairs' t test, one-sided in the direction the first pairs pointed
     * ({@code firstRatio} above or below 1): half the two-sided p when the fresh estimate points the
     * same way, else one minus that half (the t distribution is symmetric).
     */
    static double oneSided(PairedRatio.Result fresh, double firstRatio) {
        double half = fresh.pValue() / 2;
        return sameWay(fresh.ratio(), firstRatio) ? half : 1 - half;
    }

    /** Whether two ratios head/base both say slower, or both faster (a ratio of exactly 1 says neither). */
    private static boolean sameWay(double fresh, double first) {
        return Math.signum(Math.log(fresh)) == Math.signum(Math.log(first)) && fresh != 1;
    }

    private Comparison compareOne(PairedBenchmark b, Measurement base, Measurement head, RelativeRun run,
            Map<String, Confirmation> adjusted) {
        ThresholdEntry entry = ThresholdMapping.entryFor(head);
        double threshold = config.thresholdPercent(entry);
        if (PeerReferences.isReference(head)) {
            PairedRatio.Result all = ratio(b.allPairs());
            return new Comparison(head.id(), entry, threshold, Optional.of(base), head, Verdict.REFERENCE,
                    String.format(Locale.ROOT, "a reference the run divides by, not our code: %+.1f%% between"
                            + " the revisions, reported, never judged", (all.ratio() - 1) * 100),
                    Optional.of(evidence(all)));
        }
        PairedRatio.Result first = ratio(b.pairs());
        if (run.confirmPairs() == 0) {
            return judge(head, base, entry, threshold, first, first.pValue(), "p", "");
        }
        double worseFirst = worsePercent(head, first.ratio());
        String firstText = String.format(Locale.ROOT, "the first %d pairs said %+.1f%%", first.pairs(), worseFirst);
        if (b.confirmation().isEmpty()) {
            if (Math.abs(worseFirst) > threshold) {
                return new Comparison(head.id(), entry, threshold, Optional.of(base), head, Verdict.INCONCLUSIVE,
                        firstText + ", past the threshold, but the run holds no confirmation pairs to decide on",
                        Optional.of(evidence(first)));
            }
            return new Comparison(head.id(), entry, threshold, Optional.of(base), head, Verdict.NO_CHANGE,
                    String.format(Locale.ROOT, "%s: within the %.1f%% threshold either way, not measured again",
                            firstText, threshold), Optional.of(evidence(first)));
        }
        PairedRatio.Result fresh = ratio(b.confirmation());
        Confirmation c = adjusted.get(b.key());
        String stopped = b.confirmation().size() < run.confirmPairs() ? String.format(Locale.ROOT,
                "; stopped after %d of up to %d fresh pairs, which pointed the other way", b.confirmation().size(),
                run.confirmPairs()) : "";
        return judge(head, base, entry, threshold, fresh, c.adjusted(), "Holm-adjusted p",
                String.format(Locale.ROOT, "confirmed on fresh pairs (%s; p = %.3g one-sided, %s, Holm's step-down"
                        + " over %d benchmark(s) measured again%s): ", firstText, c.oneSided(),
                        worseFirst > 0 ? "worse" : "better", adjusted.size(), stopped));
    }

    /**
     * The rule on one set of pairs; {@code p} is their test's p-value, or its adjustment for a
     * family ({@code pName} says which), held against alpha; {@code how} prefixes the reason.
     */
    private Comparison judge(Measurement head, Measurement base, ThresholdEntry entry, double threshold,
            PairedRatio.Result r, double p, String pName, String how) {
        double alpha = config.statistics().alpha();
        if (!r.tested()) {
            return new Comparison(head.id(), entry, threshold, Optional.of(base), head, Verdict.INCONCLUSIVE,
                    how + String.format(Locale.ROOT, "one pair only: the %+.1f%% change is untested (run 3 or more pairs)",
                            (r.ratio() - 1) * 100), Optional.of(evidence(r)));
        }
        boolean higherIsBetter = head.direction() == Direction.HIGHER_IS_BETTER;
        double worse = worsePercent(head, r.ratio());
        double worseLow = 100 * (higherIsBetter ? 1 - r.high() : r.low() - 1);
        double worseHigh = 100 * (higherIsBetter ? 1 - r.low() : r.high() - 1);
        boolean significant = p < alpha;
        String estimate = how + String.format(Locale.ROOT, "%s by %.1f%% (interval %.1f%% to %.1f%%, %d pairs, spread of"
                + " pair log ratios %.1f%%)", worse > 0 ? "worse" : "better", Math.abs(worse),
                worse > 0 ? worseLow : -worseHigh, worse > 0 ? worseHigh : -worseLow, r.pairs(), 100 * r.pairSd());
        Verdict verdict;
        String reason;
        if (significant && worse > threshold) {
            boolean clear = worseLow > threshold / 2;
            verdict = clear ? Verdict.REGRESSION : Verdict.NO_CHANGE;
            reason = clear
                    ? String.format(Locale.ROOT, "%s: past the %.1f%% threshold (paired t, %s = %.3g < %.2g)", estimate,
                            threshold, pName, p, alpha)
                    : String.format(Locale.ROOT, "%s: significant (%s = %.3g) and past the %.1f%% threshold, but the"
                            + " interval reaches under half of it: too wide to call a regression", estimate, pName, p,
                            threshold);
        } else if (significant && worseHigh < -threshold / 2) {
            verdict = Verdict.IMPROVEMENT;
            reason = String.format(Locale.ROOT, "%s: the interval lies past half the %.1f%% threshold (paired t,"
                    + " %s = %.3g < %.2g)", estimate, threshold, pName, p, alpha);
        } else if (significant) {
            verdict = Verdict.NO_CHANGE;
            reason = String.format(Locale.ROOT, "%s: significant (%s = %.3g) but within the %.1f%% threshold",
                    estimate, pName, p, threshold);
        } else {
            verdict = Verdict.NO_CHANGE;
            reason = String.format(Locale.ROOT, "%s: not significant (paired t, %s = %.3g, needs < %.2g)", estimate,
                    pName, p, alpha);
        }
        return new Comparison(head.id(), entry, threshold, Optional.of(base), head, verdict, reason,
                Optional.of(evidence(r)));
    }

    /** The change in percent, positive when worse, whichever way the unit points. */
    private static double worsePercent(Measurement head, double ratio) {
        return 100 * (head.direction() == Direction.HIGHER_IS_BETTER ? 1 - ratio : ratio - 1);
    }

    private PairedRatio.Result ratio(List<ForkPair> pairs) {
        return PairedRatio.of(pairs.stream()
                .map(p -> new PairedRatio.Pair(values(p.base()), values(p.head()), p.iterationsAligned(),
                        p.orientation())).toList(),
                config.statistics().confidence());
    }

    private static ChangeStatistics evidence(PairedRatio.Result r) {
        return new ChangeStatistics(r.pairs(), r.pairs(), r.pValue(), false, r.ratio(), r.low(), r.high());
    }

    /** One side as a measurement: a sample per pair (the fork's mean), the score their mean. */
    private static Measurement side(PairedBenchmark b, boolean base) {
        List<Double> means = b.allPairs().stream()
                .map(p -> (base ? p.base() : p.head()).stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toList();
        double score = means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Measurement(MeasurementId.primary(b.key()), b.suite(), b.method(), b.params(), b.unit(), score, means,
                b.tags());
    }

    private static double[] values(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String pairsText(RelativeRun run) {
        int pairs = run.benchmarks().stream().mapToInt(b -> b.pairs().size()).max().orElse(0);
        int referencePairs = run.benchmarks().stream().filter(b -> PeerReferences.isReference(side(b, false)))
                .mapToInt(b -> b.pairs().size()).max().orElse(pairs);
        String text = pairs + " fork pairs of " + run.measurementIterations() + " iterations per benchmark"
                + (referencePairs < pairs ? " (" + referencePairs + " per reference)" : "");
        return run.confirmPairs() == 0 ? text : text + String.format(Locale.ROOT, "; %d benchmark(s) "
                + CONFIRMED + " up to %d fresh pairs", run.confirmed(), run.confirmPairs());
    }

    private static String shortId(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
