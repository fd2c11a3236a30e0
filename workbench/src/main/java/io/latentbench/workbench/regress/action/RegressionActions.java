package io.latentbench.workbench.regress.action;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.Verdict;
import io.latentbench.workbench.regress.config.ActionsConfig;
import io.latentbench.workbench.regress.report.MarkdownReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the {@code [regression_actions]} of the config after a comparison with a regression:
 * the webhook message and the issue body file. fail_ci is not an action here but the exit
 * status ({@link #exitCode}).
 */
public final class RegressionActions {

    private final ActionsConfig config;
    private final WebhookNotifier webhook;

    public RegressionActions(ActionsConfig config, WebhookNotifier webhook) {
        this.config = config;
        this.webhook = webhook;
    }

    public List<ActionOutcome> run(ComparisonReport report, Path issueBodyFile) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        if (!report.hasRegression()) {
            outcomes.add(new ActionOutcome("regression_actions", ActionOutcome.Status.SKIPPED, "no regression"));
            return outcomes;
        }
        if (config.createIssue()) {
            try {
                AtomicFiles.write(issueBodyFile, issueBody(report));
                outcomes.add(new ActionOutcome("create_issue", ActionOutcome.Status.DONE, "issue body written to " + issueBodyFile));
            } catch (java.io.UncheckedIOException e) {
                outcomes.add(new ActionOutcome("create_issue", ActionOutcome.Status.FAILED, e.getMessage()));
            }
        } else {
            outcomes.add(new ActionOutcome("create_issue", ActionOutcome.Status.SKIPPED, "create_issue = false"));
        }
        if (!config.notifyTeam()) {
            outcomes.add(new ActionOutcome("notify_team", ActionOutcome.Status.SKIPPED, "notify_team = false"));
        } else if (config.slackWebhook().isEmpty()) {
            outcomes.add(new ActionOutcome("notify_team", ActionOutcome.Status.SKIPPED,
                    "no slack_webhook configured (empty after ${ENV} expansion)"));
        } else {
            outcomes.add(webhook.post(config.slackWebhook().get(), message(report)));
        }
        config.email().ifPresent(address -> outcomes.add(new ActionOutcome("email", ActionOutcome.Status.SKIPPED,
                "lb does not send mail; the workflow may notify " + address)));
        return outcomes;
    }

    /** 1 on a regression when fail_ci is set, otherwise the report's own code (0 or 2). */
    public int exitCode(ComparisonReport report) {
        return config.exitStatus(report.exitCode());
    }

    static String message(ComparisonReport report) {
        StringBuilder text = new StringBuilder(":x: Benchmark regression: " + SlackText.escape(report.summary()) + "\n");
        for (Comparison c : report.with(Verdict.REGRESSION)) {
            text.append(String.format(Locale.ROOT, "- %s: %+.1f%% (threshold %.0f%%)%n", SlackText.escape(c.id().toString()),
                    c.statistics().orElseThrow().changePercent(), c.thresholdPercent()));
        }
        text.append("Current: ").append(SlackText.escape(report.currentSide().source())).append(", commit ")
                .append(SlackText.escape(report.currentSide().gitCommit()));
        return text.toString();
    }

    static String issueBody(ComparisonReport report) {
        return "Performance regression detected by the benchmark gate.\n\n" + MarkdownReport.render(report);
    }
}
