package io.latentbench.workbench.cli;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.regress.Coverage;
import io.latentbench.workbench.regress.GateResult;
import io.latentbench.workbench.regress.RegressionGate;
import io.latentbench.workbench.regress.action.ActionOutcome;
import io.latentbench.workbench.regress.action.RegressionActions;
import io.latentbench.workbench.regress.action.WebhookNotifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lb compare}: the regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ErrorGuard.FAILED, exitCodeOnExecutionException = ErrorGuard.FAILED,
        description = {
            "Compare a run with a baseline: the regression gate.",
            "lb compare RELATIVE.json judges a relative run (lb bench --against REV) on its own, from",
            "its paired ratios. Otherwise per benchmark, on per-fork samples: each side may be a",
            "baselines.json, a results.json or a raw JMH JSON file.",
        },
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "0:no regression and no improvement",
            "1:a regression, or more baseline measurements missing from the current run than --max-missing allows"
                    + " (0 when the config says fail_ci = false); a benchmark of a relative run that failed to run",
            "2:improvements only",
            "3:the comparison could not be made: a file unreadable, not JSON, empty, without samples or with a"
                    + " corrupt (non-finite or negative) sample; a bad config or argument"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RELATIVE_RUN",
            description = "A relative run's relative.json (base and head measured in one job); replaces --baseline/--current.")
    Path relativeRun;

    @Option(names = "--baseline", paramLabel = "FILE", description = "The reference side.")
    Path baseline;

    @Option(names = "--current", paramLabel = "FILE", description = "The run to judge.")
    Path current;

    @Mixin
    ConfigChoice config;

    @Option(names = "--threshold", paramLabel = "P", description = "Use P percent for every benchmark instead of the config's thresholds.")
    Double threshold;

    @Option(names = "--calibrate", paramLabel = "KEY",
            description = "Calibrated mode: every speed relative to this benchmark measured in the same run"
                    + " (overrides [statistics] calibrate_against).")
    String calibrate;

    @Option(names = "--testbed", paramLabel = "NAME", description = "Declare both sides to belong to this testbed.")
    String testbed;

    @Option(names = "--allow-testbed-mismatch", description = "Compare even when the two sides name different testbeds.")
    boolean allowMismatch;

    @Option(names = "--max-missing", paramLabel = "PERCENT", defaultValue = "0",
            description = "Fail (exit 1) when more than PERCENT of the baseline's measurements are not in the current"
                    + " run (default: ${DEFAULT-VALUE}; 100 to compare a partial run).")
    double maxMissing;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the Markdown report here.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the self-contained HTML report here.")
    Path html;

    @Option(names = "--history-dir", paramLabel = "DIR",
            description = "Baseline history for the HTML trends. Default: history/ beside a baselines.json baseline.")
    Path historyDir;

    @Option(names = "--actions", description = "Run the config's regression actions (webhook, issue body) on a regression.")
    boolean actions;

    @Option(names = "--issue-body", paramLabel = "FILE", defaultValue = "target/regression_issue.md",
            description = "Where create_issue writes the issue body (default: ${DEFAULT-VALUE}).")
    Path issueBody;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ErrorGuard.guarded("compare", err, () -> {
            if (!(maxMissing >= 0 && maxMissing <= 100)) {
                throw new IllegalArgumentException("--max-missing " + maxMissing + " is not a percentage from 0 to 100");
            }
            GateResult gate = judge();
            out.print(gate.text());
            if (markdown != null) {
                AtomicFiles.write(markdown, gate.markdown());
                out.println("Markdown report: " + markdown);
            }
            if (html != null) {
                gate.warnings().forEach(w -> err.println("lb: " + w));
                AtomicFiles.write(html, gate.html());
                out.println("HTML report: " + html);
            }
            if (actions) {
                RegressionActions regressionActions = new RegressionActions(gate.config().actions(),
                        new WebhookNotifier(Duration.ofSeconds(10)));
                for (ActionOutcome outcome : regressionActions.run(gate.report(), issueBody)) {
                    (outcome.status() == ActionOutcome.Status.FAILED ? err : out).println("action " + outcome);
                }
            }
            int code = gate.exitCode();
            if (code != gate.report().exitCode()) {
                out.println("fail_ci = false in " + gate.config().source() + ": the regression is reported, the exit status is 0");
            }
            Coverage coverage = Coverage.of(gate.report());
            if (coverage.exceeds(maxMissing)) {
                err.println("lb compare: " + coverage.describe(maxMissing)
                        + "; measure them, remove them from the baseline (lb baseline update --replace), or pass --max-missing");
                code = gate.config().actions().exitStatus(1);
            }
            out.flush();
            err.flush();
            return code;
        });
    }

    private GateResult judge() {
        RegressionGate g = gate(config, threshold, calibrate, testbed, allowMismatch, historyDir);
        if (relativeRun != null) {
            if (baseline != null || current != null) {
                throw new IllegalArgumentException("give either a relative run (" + relativeRun
                        + ") or --baseline and --current, not both");
            }
            return g.relative(relativeRun);
        }
        if (baseline == null || current == null) {
            throw new IllegalArgumentException("expected a relative run's relative.json, or both --baseline FILE and"
                    + " --current FILE (missing: " + (baseline == null ? "--baseline" : "--current") + ")");
        }
        return g.compare(baseline, current);
    }

    /** The gate the options of compare and report describe. */
    static RegressionGate gate(ConfigChoice choice, Double threshold, String calibrate, String testbed,
            boolean allowMismatch, Path historyDir) {
        RegressionGate gate = RegressionGate.withConfig(choice.load())
                .testbed(testbed).allowTestbedMismatch(allowMismatch).historyDir(historyDir);
        if (threshold != null) {
            gate = gate.threshold(threshold);
        }
        if (calibrate != null) {
            gate = gate.calibrate(calibrate);
        }
        return gate;
    }
}
