/**
 * What the gate does after its verdicts: a Slack-compatible webhook message and an issue body. Imports
 * {@code regress}, {@code regress.config}, {@code regress.report} and {@code files}.
 */
package io.latentbench.workbench.regress.action;
