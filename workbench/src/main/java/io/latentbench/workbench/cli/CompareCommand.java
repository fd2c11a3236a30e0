package io.latentbench.workbench.cli;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.regress.Comparer;
import io.latentbench.workbench.regress.ComparisonInputs;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.action.ActionOutcome;
import io.latentbench.workbench.regress.action.RegressionActions;
import io.latentbench.workbench.regress.action.WebhookNotifier;
import io.latentbench.workbench.regress.baseline.BaselineStore;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.HtmlReport;
import io.latentbench.workbench.regress.report.MarkdownReport;
import io.latentbench.workbench.regress.report.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb compare}: the regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = RegressCommands.FAILED, exitCodeOnExecutionException = RegressCommands.FAILED,
        description = {
            "Compare a run with a baseline: the regression gate.",
            "Per benchmark, on per-fork samples. Each side may be a baselines.json, a results.json",
            "or a raw JMH JSON file.",
        },
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "0:no regression and no improvement", "1:a regression (0 when the config says fail_ci = false)",
            "2:improvements only", "3:the comparison could not be made (bad file, config or arguments)"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "The reference side.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The run to judge.")
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
        return RegressCommands.guarded("compare", err, () -> {
            Gate gate = Gate.run(config, threshold, calibrate, baseline, current, testbed, allowMismatch);
            ComparisonReport report = gate.report();
            out.print(TextReport.render(report));
            if (markdown != null) {
                AtomicFiles.write(markdown, MarkdownReport.render(report));
                out.println("Markdown report: " + markdown);
            }
            if (html != null) {
                AtomicFiles.write(html, HtmlReport.render(report, Gate.trends(report, baseline, historyDir, err)));
                out.println("HTML report: " + html);
            }
            RegressionActions regressionActions = new RegressionActions(gate.config().actions(),
                    new WebhookNotifier(Duration.ofSeconds(10)));
            if (actions) {
                for (ActionOutcome outcome : regressionActions.run(report, issueBody)) {
                    (outcome.status() == ActionOutcome.Status.FAILED ? err : out).println("action " + outcome);
                }
            }
            int code = regressionActions.exitCode(report);
            if (code != report.exitCode()) {
                out.println("fail_ci = false in " + gate.config().source() + ": the regression is reported, the exit status is 0");
            }
            out.flush();
            err.flush();
            return code;
        });
    }

    /** The shared steps of compare and report: load, check testbeds, compare. */
    record Gate(RegressionConfig config, ComparisonReport report) {

        static Gate run(ConfigChoice choice, Double threshold, String calibrate, Path baseline, Path current,
                String testbed, boolean allowMismatch) {
            RegressionConfig config = choice.load();
            if (threshold != null) {
                config = config.withUniformThreshold(threshold);
            }
            if (calibrate != null) {
                config = config.withStatistics(config.statistics().withCalibration(calibrate));
            }
            MeasurementSet base = ComparisonInputs.read(baseline, testbed);
            MeasurementSet cur = ComparisonInputs.read(current, testbed);
            if (!allowMismatch) {
                Comparer.requireSameTestbed(base, cur);
            }
            return new Gate(config, new Comparer(config).compare(base, cur));
        }

        static java.util.List<io.latentbench.workbench.regress.report.Trend> trends(
                ComparisonReport report, Path baseline, Path historyDir, PrintWriter err) {
            Path dir = historyDir;
            if (dir == null && baseline.getFileName().toString().equals("baselines.json")) {
                dir = baseline.toAbsolutePath().getParent().resolve("history");
            }
            return HistoryTrends.load(dir, report, err);
        }
    }
}
