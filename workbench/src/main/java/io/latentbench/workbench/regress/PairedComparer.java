package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.stats.PairedRatio;
import io.latentbench.workbench.results.Direction;
import io.latentbench.workbench.results.relative.ForkPair;
import io.latentbench.workbench.results.relative.PairedBenchmark;
import io.latentbench.workbench.results.relative.RelativeRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Verdicts of a relative run, from its paired ratios ({@link PairedRatio}): base and head were
 * measured in one job, so the machine's moves between runs do not enter the comparison.
 *
 * <p>The rule, stated in every report's header: <b>Regression</b> when the paired t test gives
 * p &lt; alpha and the estimated change is worse than the benchmark's threshold; <b>Improvement</b>
 * when p &lt; alpha and the whole interval is better than half the threshold (stricter: judged on
 * the estimate, an unchanged build was called improved in 0.8 % of simulated benchmarks at the
 * spread measured here, which over a gate of 50 benchmarks is an alarm every few runs);
 * <b>NoChange</b> otherwise.
 * Inconclusive only with a single pair (nothing to test against). The peers suite's references
 * are reported, never judged, as in {@link Comparer}.
 */
public final class PairedComparer {

    /** How a relative comparison's mode starts; the report header states its rule from it. */
    public static final String MODE_PREFIX = "relative";

    private final RegressionConfig config;

    public PairedComparer(RegressionConfig config) {
        this.config = config;
    }

    public ComparisonReport compare(RelativeRun run, String source) {
        List<Measurement> base = new ArrayList<>();
        List<Measurement> head = new ArrayList<>();
        List<Comparison> rows = new ArrayList<>();
        for (PairedBenchmark b : run.benchmarks()) {
            Measurement mb = side(b, true);
            Measurement mh = side(b, false);
            base.add(mb);
            head.add(mh);
            rows.add(compareOne(b, mb, mh));
        }
        for (String key : run.headOnly()) {
            Measurement m = new Measurement(MeasurementId.primary(key), key.replaceAll("\\..*", ""),
                    key.replaceAll("^[^.]*\\.|\\[.*$", ""), null, "", Double.NaN, List.of());
            rows.add(new Comparison(m.id(), ThresholdMapping.entryFor(m), config.thresholdPercent(ThresholdMapping.entryFor(m)),
                    Optional.empty(), m, Verdict.NEW_BENCHMARK, "the base revision has no such benchmark", Optional.empty()));
        }
        String testbed = run.info().testbed();
        String mode = String.format(Locale.ROOT, "%s (%s, %s): base %s (%s) and head %s (%s) measured in one job",
                MODE_PREFIX, run.schedule().label(), pairsText(run), run.base().revision(), shortId(run.base().commit()),
                run.head().revision(), shortId(run.head().commit()));
        return new ComparisonReport(
                MeasurementSet.of(source + " (base " + run.base().revision() + ")", testbed, run.base().commit(),
                        run.info().timestamp().toString(), base),
                MeasurementSet.of(source + " (head " + run.head().revision() + ")", testbed, run.head().commit(),
                        run.info().timestamp().toString(), head),
                mode, config.source(), config.statistics().alpha(), config.statistics().confidence(), rows, List.of());
    }

    Comparison compareOne(PairedBenchmark b, Measurement base, Measurement head) {
        ThresholdEntry entry = ThresholdMapping.entryFor(head);
        double threshold = config.thresholdPercent(entry);
        List<PairedRatio.Pair> pairs = b.pairs().stream()
                .map(p -> new PairedRatio.Pair(values(p.base()), values(p.head()), p.iterationsAligned())).toList();
        PairedRatio.Result r = PairedRatio.of(pairs, config.statistics().confidence());
        ChangeStatistics evidence = new ChangeStatistics(r.pairs(), r.pairs(), r.pValue(), false, r.ratio(), r.low(),
                r.high());
        if (PeerReferences.isReference(head)) {
            return new Comparison(head.id(), entry, threshold, Optional.of(base), head, Verdict.REFERENCE,
                    String.format(Locale.ROOT, "a reference the peers suite divides by, not our code: %+.1f%% between"
                            + " the revisions, reported, never judged", (r.ratio() - 1) * 100), Optional.of(evidence));
        }
        if (!r.tested()) {
            return new Comparison(head.id(), entry, threshold, Optional.of(base), head, Verdict.INCONCLUSIVE,
                    String.format(Locale.ROOT, "one pair only: the %+.1f%% change is untested (run 3 or more pairs)",
                            (r.ratio() - 1) * 100), Optional.of(evidence));
        }
        boolean higherIsBetter = head.direction() == Direction.HIGHER_IS_BETTER;
        double worse = 100 * (higherIsBetter ? 1 - r.ratio() : r.ratio() - 1);
        double worseLow = 100 * (higherIsBetter ? 1 - r.high() : r.low() - 1);
        double worseHigh = 100 * (higherIsBetter ? 1 - r.low() : r.high() - 1);
        boolean significant = r.pValue() < config.statistics().alpha();
        String estimate = String.format(Locale.ROOT, "%s by %.1f%% (interval %.1f%% to %.1f%%, %d pairs, spread of"
                + " pair log ratios %.1f%%)", worse > 0 ? "worse" : "better", Math.abs(worse),
                worse > 0 ? worseLow : -worseHigh, worse > 0 ? worseHigh : -worseLow, r.pairs(), 100 * r.pairSd());
        Verdict verdict;
        String reason;
        if (significant && worse > threshold) {
            verdict = Verdict.REGRESSION;
            reason = String.format(Locale.ROOT, "%s: past the %.1f%% threshold (paired t, p = %.3g)", estimate,
                    threshold, r.pValue());
        } else if (significant && worseHigh < -threshold / 2) {
            verdict = Verdict.IMPROVEMENT;
            reason = String.format(Locale.ROOT, "%s: the interval lies past half the %.1f%% threshold (paired t, p = %.3g)", estimate,
                    threshold, r.pValue());
        } else if (significant) {
            verdict = Verdict.NO_CHANGE;
            reason = String.format(Locale.ROOT, "%s: significant (p = %.3g) but within the %.1f%% threshold", estimate,
                    r.pValue(), threshold);
        } else {
            verdict = Verdict.NO_CHANGE;
            reason = String.format(Locale.ROOT, "%s: not significant (paired t, p = %.3g)", estimate, r.pValue());
        }
        return new Comparison(head.id(), entry, threshold, Optional.of(base), head, verdict, reason, Optional.of(evidence));
    }

    /** One side as a measurement: a sample per pair (the fork's mean), the score their mean. */
    private static Measurement side(PairedBenchmark b, boolean base) {
        List<Double> means = b.pairs().stream()
                .map(p -> (base ? p.base() : p.head()).stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toList();
        double score = means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Measurement(MeasurementId.primary(b.key()), b.suite(), b.method(), b.params(), b.unit(), score, means);
    }

    private static double[] values(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String pairsText(RelativeRun run) {
        int pairs = run.benchmarks().stream().mapToInt(b -> b.pairs().size()).max().orElse(0);
        return pairs + " fork pairs of " + run.measurementIterations() + " iterations per benchmark";
    }

    private static String shortId(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
