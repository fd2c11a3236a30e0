package io.latentbench.workbench.results.relative;

import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.RunInfo;
import java.util.List;
import java.util.Objects;

/**
 * A relative run: the base revision and the head measured in one job on one machine, with the
 * pairing of their forks kept, so that {@code lb compare FILE} can judge the change from this file alone.
 *
 * @param schedule     how the forks of a pair were placed
 * @param seed         seed of the interleaved order (recorded for duet too, unused there)
 * @param base         the revision compared against
 * @param head         the revision judged
 * @param info         machine, JDK, profile and end time of the run (its commit is the head's)
 * @param warmupIterations       per fork
 * @param measurementIterations  per fork; iteration i of a base fork is paired with iteration i of its twin
 * @param benchmarks   one entry per benchmark point, with its fork pairs
 * @param headOnly     keys of the benchmarks the base revision does not have (new in the head)
 * @param confirmPairs the most fresh pairs a benchmark got when its first pairs showed a change past
 *                     its threshold (fewer when its judge wanted no more, {@link Recheck#goOn}); 0: the
 *                     run had no confirmation stage
 * @param failed       the benchmarks a fork of either side failed to measure; the run went on past them
 */
public record RelativeRun(Schedule schedule, long seed, Revision base, Revision head, RunInfo info,
        int warmupIterations, int measurementIterations, List<PairedBenchmark> benchmarks, List<String> headOnly,
        int confirmPairs, List<FailedBenchmark> failed) {

    /** The value of the {@code format} field that marks a relative-run file. */
    public static final String FORMAT = "latentbench-relative-run/1";

    public RelativeRun {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(info, "info");
        benchmarks = List.copyOf(benchmarks);
        headOnly = List.copyOf(headOnly);
        failed = List.copyOf(failed);
        if (confirmPairs < 0) {
            throw new IllegalArgumentException("confirmPairs " + confirmPairs + " must be 0 or more");
        }
    }

    /** A run in which every benchmark was measured. */
    public RelativeRun(Schedule schedule, long seed, Revision base, Revision head, RunInfo info,
            int warmupIterations, int measurementIterations, List<PairedBenchmark> benchmarks, List<String> headOnly,
            int confirmPairs) {
        this(schedule, seed, base, head, info, warmupIterations, measurementIterations, benchmarks, headOnly,
                confirmPairs, List.of());
    }

    /** A run without a confirmation stage, every benchmark measured. */
    public RelativeRun(Schedule schedule, long seed, Revision base, Revision head, RunInfo info,
            int warmupIterations, int measurementIterations, List<PairedBenchmark> benchmarks, List<String> headOnly) {
        this(schedule, seed, base, head, info, warmupIterations, measurementIterations, benchmarks, headOnly, 0);
    }

    /** How many benchmarks were measured again: the family their confirmation tests are corrected for. */
    public long confirmed() {
        return benchmarks.stream().filter(b -> !b.confirmation().isEmpty()).count();
    }

    /** Which code one side ran. {@code revision} is what the user named (HEAD~1, main, "working tree"). */
    public record Revision(String revision, String commit) {
        public Revision {
            Objects.requireNonNull(revision, "revision");
            commit = commit == null ? "unknown" : commit;
        }
    }
}
