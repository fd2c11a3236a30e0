package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.config.StatisticsConfig;
import io.latentbench.workbench.results.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns two measurement sets into verdicts, in two stages in the spirit of Criterion:
 *
 * <ol>
 *   <li>Is there a change at all? The test chosen for the benchmark's fork counts
 *       ({@link ChangeTests#pick}) must give p &lt; alpha and an interval of the ratio that
 *       excludes 1: by default a two-sided Mann-Whitney U test on the per-fork means with a
 *       bootstrap interval of the ratio of means, and with 2 or 3 forks a side, where the rank
 *       test cannot reach alpha, Welch's t test on the logs of the fork means and its interval (a
 *       change large against the fork scatter is then still decided). Iterations inside one fork
 *       share JIT decisions and memory layout, so they are never treated as independent samples.</li>
 *   <li>Does it matter? A regression needs the whole interval worse than the threshold; an
 *       improvement needs the whole interval better than half of it. Otherwise NoChange.</li>
 * </ol>
 *
 * The rows their suite tags as references (not our code: in the peers suite the scalar loop,
 * Lucene, the plain read) get the verdict Reference: reported, never judged. With one fork a side, or when the per-fork means of either
 * side scatter by more than {@code max_fork_cv} (an unstable machine), the verdict is Inconclusive
 * and says so, whatever the means suggest.
 *
 * <p>Two stored runs come from different times, and on a shared machine the machine moves more
 * between runs than code does. The references say whether it moved: when one tagged as measuring
 * the machine (the plain read, the scalar loop) changed past its threshold between the two files, no Regression or Improvement
 * stands: the verdicts become Inconclusive, saying so ({@link MachineCheck}). Whether a change
 * regressed is decided by a relative run ({@link PairedComparer}).
 */
public final class Comparer {

    /**
     * Code that allocates nothing shows a gc.alloc.rate.norm of a few hundredths of a byte per
     * operation (the harness's own allocations spread over millions of calls): a change of
     * hundreds of percent there is still less than one object. Below the smallest object
     * (a 16-byte header) an allocation change never counts.
     */
    static final double MIN_ALLOCATION_CHANGE_BYTES = 16;

    /** What the report header says of the verdict rule, after the primary test's method. */
    static final String RULE = "a regression needs the whole interval past the threshold, an improvement past half of it";

    private final RegressionConfig config;
    private final ChangeTests tests;

    /** The gate's statistics ({@link ChangeTests#standard}) with the config's parameters. */
    public Comparer(RegressionConfig config) {
        this(config, ChangeTests.standard(config.statistics()));
    }

    public Comparer(RegressionConfig config, ChangeTests tests) {
        this.config = config;
        this.tests = tests;
    }

    public ComparisonReport compare(MeasurementSet baseline, MeasurementSet current) {
        StatisticsConfig stats = config.statistics();
        String mode = "raw";
        MeasurementSet base = baseline;
        MeasurementSet cur = current;
        if (stats.calibrateAgainst().isPresent()) {
            String reference = stats.calibrateAgainst().get();
            base = Calibration.apply(baseline, reference, "baseline");
            cur = Calibration.apply(current, reference, "current");
            mode = "calibrated against " + reference;
        }
        List<Comparison> rows = new ArrayList<>();
        for (Measurement m : cur.measurements().values()) {
            if (MetricKind.of(m.id(), m.unit()) == MetricKind.IGNORED) {
                continue;
            }
            rows.add(compareOne(base.get(m.id()), m));
        }
        rows = MachineCheck.apply(rows);
        MeasurementSet currentView = cur;
        List<MeasurementId> missing = base.measurements().values().stream()
                .filter(m -> MetricKind.of(m.id(), m.unit()) != MetricKind.IGNORED)
                .map(Measurement::id)
                .filter(id -> currentView.get(id).isEmpty())
                .toList();
        String method = tests.primary().method(stats.alpha(), stats.confidence()) + "; " + RULE;
        return new ComparisonReport(baseline, current, mode, method, config.source(), stats.alpha(), stats.confidence(),
                rows, missing);
    }

    /**
     * Numbers from different machine classes are not compared: both sides must name the same
     * testbed when both name one (a raw JMH file names none).
     */
    public static void requireSameTestbed(MeasurementSet baseline, MeasurementSet current) {
        if (baseline.testbed() != null && current.testbed() != null && !baseline.testbed().equals(current.testbed())) {
            throw new IllegalArgumentException("testbeds differ: the baseline (" + baseline.source() + ") is from '"
                    + baseline.testbed() + "', the current run (" + current.source() + ") from '" + current.testbed()
                    + "'; compare within one testbed, or pass --testbed to declare them the same machine class"
                    + " or --allow-testbed-mismatch (consider --calibrate)");
        }
    }

    Comparison compareOne(Optional<Measurement> maybeBase, Measurement rawCurrent) {
        ThresholdEntry entry = ThresholdMapping.entryFor(rawCurrent);
        double threshold = config.thresholdPercent(entry);
        if (maybeBase.isEmpty()) {
            return new Comparison(rawCurrent.id(), entry, threshold, Optional.empty(), rawCurrent,
                    Verdict.NEW_BENCHMARK, "no baseline for it", Optional.empty());
        }
        Measurement base = maybeBase.get();
        OptionalDouble factor = rawCurrent.scoreUnit().factorTo(base.scoreUnit());
        if (factor.isEmpty()) {
            return new Comparison(rawCurrent.id(), entry, threshold, maybeBase, rawCurrent, Verdict.INCONCLUSIVE,
                    "units do not convert: baseline " + base.unit() + ", current " + rawCurrent.unit(), Optional.empty());
        }
        Measurement current = factor.getAsDouble() == 1.0 ? rawCurrent : rawCurrent.scaled(factor.getAsDouble(), base.unit());
        double[] b = base.samples();
        double[] c = current.samples();
        double alpha = config.statistics().alpha();
        double baseMean = b.length > 0 ? mean(b) : base.score();
        double currentMean = c.length > 0 ? mean(c) : current.score();
        if (PeerReferences.isReference(current)) {
            double ratio = currentMean / baseMean;
            return new Comparison(current.id(), entry, threshold, maybeBase, current, Verdict.REFERENCE,
                    String.format(Locale.ROOT, "a reference the run divides by, not our code: its %+.1f%%"
                            + " change is reported, never judged (a move here is the machine's)", (ratio - 1) * 100),
                    Optional.of(ChangeStatistics.estimateOnly(b.length, c.length, ratio)));
        }
        if (MetricKind.of(current.id(), current.unit()) == MetricKind.ALLOCATION
                && Math.abs(currentMean - baseMean) < MIN_ALLOCATION_CHANGE_BYTES) {
            return new Comparison(current.id(), entry, threshold, maybeBase, current, Verdict.NO_CHANGE,
                    String.format(Locale.ROOT, "changed by %.2f B/op, less than one object (%.0f B/op)",
                            Math.abs(currentMean - baseMean), MIN_ALLOCATION_CHANGE_BYTES),
                    Optional.of(ChangeStatistics.estimateOnly(b.length, c.length, currentMean / baseMean)));
        }
        // the test that can decide at these fork counts; it may still refuse the samples (one on logs
        // needs positive means)
        ChangeTest test = tests.pick(b.length, c.length, alpha);
        if (b.length < 2 || c.length < 2 || !test.accepts(b, c)) {
            double ratio = (c.length > 0 ? mean(c) : current.score()) / (b.length > 0 ? mean(b) : base.score());
            String why = b.length == 0 || c.length == 0
                    ? String.format(Locale.ROOT, "the %s file keeps no per-fork samples; the %+.1f%% change is untested",
                            b.length == 0 ? "baseline" : "current", (ratio - 1) * 100)
                    : String.format(Locale.ROOT, "too few forks (%d baseline, %d current): a test needs 2 or more"
                            + " positive fork means a side; the %+.1f%% change is untested",
                            b.length, c.length, (ratio - 1) * 100);
            return new Comparison(current.id(), entry, threshold, maybeBase, current, Verdict.INCONCLUSIVE, why,
                    Optional.of(ChangeStatistics.estimateOnly(b.length, c.length, ratio)));
        }
        double cvBase = coefficientOfVariation(b);
        double cvCurrent = coefficientOfVariation(c);
        double maxCv = config.statistics().maxForkCv();
        if (cvBase > maxCv || cvCurrent > maxCv) {
            // Forks of one run are measured one after another: when they scatter this much the
            // machine itself was changing (load, frequency, unfinished JIT warm-up), and a shift
            // between two runs says more about the machine than about the code.
            double ratio = mean(c) / mean(b);
            String why = String.format(Locale.ROOT, "unstable: the per-fork means vary by %.0f%% (baseline) and %.0f%%"
                    + " (current), above max_fork_cv %.0f%%; the %+.1f%% change is untested - rerun on a quieter machine"
                    + " or with longer warm-up", cvBase, cvCurrent, maxCv, (ratio - 1) * 100);
            return new Comparison(current.id(), entry, threshold, maybeBase, current, Verdict.INCONCLUSIVE, why,
                    Optional.of(ChangeStatistics.estimateOnly(b.length, c.length, ratio)));
        }
        if (mean(b) == 0) {
            return new Comparison(current.id(), entry, threshold, maybeBase, current, Verdict.INCONCLUSIVE,
                    "the baseline mean is 0; a relative change is undefined", Optional.empty());
        }
        ChangeStatistics evidence = test.test(new ChangeTest.Samples(current.id(), b, c, current.direction()),
                config.statistics().confidence());
        if (!evidence.tested()) {
            return new Comparison(current.id(), entry, threshold, maybeBase, current, Verdict.INCONCLUSIVE,
                    String.format(Locale.ROOT, "%s could not test these samples; the %+.1f%% change is untested",
                            test.name(), evidence.changePercent()), Optional.of(evidence));
        }
        // the header states the primary's method; a verdict another test decided names it
        return judge(current, maybeBase, entry, threshold, evidence, test == tests.primary() ? "" : test.name() + ", ");
    }

    /**
     * The verdict rule: significant when p &lt; alpha and the interval excludes no change; a
     * Regression needs the whole interval worse than the threshold, an Improvement the whole
     * interval better than half of it. {@code testName} is empty or names the test, followed by ", ".
     */
    private Comparison judge(Measurement current, Optional<Measurement> maybeBase, ThresholdEntry entry,
            double threshold, ChangeStatistics evidence, String testName) {
        double alpha = config.statistics().alpha();
        // worsening: positive is worse, whichever way the unit points
        boolean higherIsBetter = current.direction() == Direction.HIGHER_IS_BETTER;
        double worse = 100 * (higherIsBetter ? 1 - evidence.ratio() : evidence.ratio() - 1);
        double worseLow = 100 * (higherIsBetter ? 1 - evidence.ratioHigh() : evidence.ratioLow() - 1);
        double worseHigh = 100 * (higherIsBetter ? 1 - evidence.ratioLow() : evidence.ratioHigh() - 1);
        boolean significant = evidence.pValue() < alpha && (worseLow > 0 || worseHigh < 0);

        Verdict verdict;
        String reason;
        String interval = String.format(Locale.ROOT, "%s by %.1f%% (interval %.1f%% to %.1f%%)",
                worse > 0 ? "worse" : "better", Math.abs(worse),
                worse > 0 ? worseLow : -worseHigh, worse > 0 ? worseHigh : -worseLow);
        if (!significant) {
            verdict = Verdict.NO_CHANGE;
            reason = String.format(Locale.ROOT, "not significant (p = %.3g%s)", evidence.pValue(),
                    evidence.pValue() < alpha ? ", but the interval includes no change" : "");
        } else if (worseLow > threshold) {
            verdict = Verdict.REGRESSION;
            reason = String.format(Locale.ROOT, "%s, past the %.1f%% threshold (%sp = %.3g)", interval, threshold, testName,
                    evidence.pValue());
        } else if (worseHigh < -threshold / 2) {
            verdict = Verdict.IMPROVEMENT;
            reason = String.format(Locale.ROOT, "%s, past half the %.1f%% threshold (%sp = %.3g)", interval, threshold,
                    testName, evidence.pValue());
        } else {
            verdict = Verdict.NO_CHANGE;
            reason = String.format(Locale.ROOT, "significant (p = %.3g) but %s does not lie past the %s", evidence.pValue(),
                    interval, worse > 0
                            ? String.format(Locale.ROOT, "%.1f%% threshold", threshold)
                            : String.format(Locale.ROOT, "%.1f%% improvement bar (half the threshold)", threshold / 2));
        }
        return new Comparison(current.id(), entry, threshold, maybeBase, current, verdict, reason, Optional.of(evidence));
    }

    /** Sample standard deviation over mean, in percent; 0 for a constant sample. */
    static double coefficientOfVariation(double[] v) {
        double m = mean(v);
        if (m == 0) {
            return 0;
        }
        double squares = 0;
        for (double x : v) {
            squares += (x - m) * (x - m);
        }
        return 100 * Math.sqrt(squares / (v.length - 1)) / Math.abs(m);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
