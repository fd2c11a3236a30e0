/**
 * The data model of a benchmark run and its file formats: rows ({@link BenchmarkResult}), runs
 * ({@link ResultSet}), the reader of any JMH JSON, {@code results.json}, the TOML summary, the unit
 * vocabulary ({@link ScoreUnit}), Tablesaw tables and the standard charts. Imports only {@code files}
 * (and libraries): bench writes these rows, and regress, the reports, the kernel and the CLI read them,
 * so none of those may be imported here (ArchitectureTest).
 */
package io.latentbench.workbench.results;
