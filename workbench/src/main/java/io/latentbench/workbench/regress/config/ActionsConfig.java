package io.latentbench.workbench.regress.config;

import java.util.Optional;

/**
 * {@code [regression_actions]}: what happens when a comparison finds a regression.
 *
 * @param failCi        the gate's exit status is 1 on a regression (0 with a notice when false)
 * @param createIssue   write an issue body file for the workflow to post
 * @param notifyTeam    POST a Slack-compatible message to {@code slackWebhook}
 * @param slackWebhook  the webhook URL after ${ENV} expansion; empty when unset or blank
 * @param email         an address for the workflow's own mailer; lb does not send mail
 */
public record ActionsConfig(
        boolean failCi, boolean createIssue, boolean notifyTeam, Optional<String> slackWebhook, Optional<String> email) {

    public static ActionsConfig defaults() {
        return new ActionsConfig(true, false, false, Optional.empty(), Optional.empty());
    }

    /** The gate's exit status for a report's own (1 regression, 2 improvements only, 0): 1 becomes 0 without fail_ci. */
    public int exitStatus(int reportExitCode) {
        return reportExitCode == 1 && !failCi ? 0 : reportExitCode;
    }
}
