/**
 * The regression gate: reads either side of a comparison (a baseline, a results file, any JMH file or
 * a relative run), joins the measurements, and judges each against its threshold with the statistics
 * of {@code regress.stats}; {@link RegressionGate} is the facade. Imports {@code results},
 * {@code results.relative}, {@code files} and its own subpackages; never bench, notebook, kernel or
 * cli (ArchitectureTest), so a stored or foreign file is judged exactly as a fresh run.
 */
package io.latentbench.workbench.regress;
