/**
 * The gate's reports: text for a terminal, Markdown for a pull request, a self-contained HTML page
 * with a forest plot, and history trends. Imports {@code regress}, {@code regress.baseline},
 * {@code regress.stats}, {@code results} and {@code files} (HTML escaping).
 */
package io.latentbench.workbench.regress.report;
