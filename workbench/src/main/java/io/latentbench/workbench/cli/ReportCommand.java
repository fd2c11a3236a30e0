package io.latentbench.workbench.cli;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.regress.GateResult;
import io.latentbench.workbench.regress.baseline.BaselineStore;
import io.latentbench.workbench.regress.report.BaselineSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb report}: the Markdown (PR comment) and HTML reports, without gating. */
@Command(name = "report", mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ErrorGuard.FAILED, exitCodeOnExecutionException = ErrorGuard.FAILED,
        description = {
            "Write the comparison report as Markdown and HTML.",
            "Markdown for a PR comment, HTML as a self-contained page with plots.",
            "Without --current it summarises the baselines. Exits 0 whatever the verdicts; lb compare is the gate.",
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "baselines.json, results.json or JMH JSON.")
    Path baseline;

    @Option(names = "--current", paramLabel = "FILE", description = "The run to compare (omit for a baseline summary).")
    Path current;

    @Mixin
    ConfigChoice config;

    @Option(names = "--threshold", paramLabel = "P", description = "Use P percent for every benchmark.")
    Double threshold;

    @Option(names = "--calibrate", paramLabel = "KEY", description = "Calibrated mode against this reference benchmark.")
    String calibrate;

    @Option(names = "--testbed", paramLabel = "NAME", description = "Declare both sides to belong to this testbed.")
    String testbed;

    @Option(names = "--allow-testbed-mismatch", description = "Compare even when the sides name different testbeds.")
    boolean allowMismatch;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "target/benchmark_report.md",
            description = "Markdown report (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "Self-contained HTML report with plots.")
    Path html;

    @Option(names = "--history-dir", paramLabel = "DIR", description = "Baseline history for trends (default: beside the baseline).")
    Path historyDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return ErrorGuard.guarded("report", spec.commandLine().getErr(), () -> {
            if (current == null) {
                if (html != null) {
                    throw new IllegalArgumentException("--html needs --current: the HTML report plots a comparison");
                }
                AtomicFiles.write(output, BaselineSummary.markdown(BaselineStore.load(baseline), baseline.toString()));
                out.println("Baseline summary: " + output);
                out.flush();
                return 0;
            }
            GateResult gate = CompareCommand.gate(config, threshold, calibrate, testbed, allowMismatch, historyDir)
                    .compare(baseline, current);
            AtomicFiles.write(output, gate.markdown());
            out.println("Markdown report: " + output + " (" + gate.report().summary() + ")");
            if (html != null) {
                gate.warnings().forEach(w -> spec.commandLine().getErr().println("lb: " + w));
                AtomicFiles.write(html, gate.html());
                out.println("HTML report: " + html);
            }
            out.flush();
            return 0;
        });
    }
}
