package io.latentbench.workbench.regress;

/** The outcome of comparing one measurement with its baseline. */
public enum Verdict {
    /** Significantly worse, with the whole confidence interval past the threshold. */
    REGRESSION("Regression"),
    /** Significantly better, with the whole confidence interval past half the threshold. */
    IMPROVEMENT("Improvement"),
    /** Not significant, or significant but within the threshold. */
    NO_CHANGE("NoChange"),
    /** No baseline exists for it. */
    NEW_BENCHMARK("NewBenchmark"),
    /**
     * The samples cannot support a verdict: too few forks for the rank test to reach the
     * significance level, no per-fork samples, or units that do not convert. Never a
     * regression, and the report says why.
     */
    INCONCLUSIVE("Inconclusive"),
    /**
     * A row its suite tags as a reference (in the peers suite the scalar loop, Lucene, the plain
     * read): measured so that our kernels can be divided by it, not our product. Its change is reported, never judged.
     */
    REFERENCE("Reference"),
    /**
     * A fork of either side failed, so the benchmark has no measurement to judge. Fails the gate
     * whatever {@code fail_ci} says: that setting softens verdicts on speed, and this is none.
     */
    FAILED("Failed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
