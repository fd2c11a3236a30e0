/**
 * The data model of a benchmark run and its file formats: rows ({@link BenchmarkResult}), runs
 * ({@link ResultSet}), the reader of any JMH JSON and the converter of JMH's in-memory results
 * ({@link JmhRuns}), {@code results.json} with its own reader, the TOML summary, the unit
 * vocabulary ({@link ScoreUnit}), Tablesaw tables and the standard charts. Each row carries its meaning as
 * {@link RowTags} (reference or ours, threshold entry, speed-up, charts), declared by its suite in bench;
 * code here reads the tags and never a suite's name, except {@link ForeignRows}, which guesses them for rows
 * that came without (raw JMH files, files written before tags). Imports only {@code files} (and libraries):
 * bench writes these rows, and regress, the reports, the kernel and the CLI read them, so none of those may
 * be imported here (ArchitectureTest).
 */
package io.latentbench.workbench.results;
