/**
 * Runs the JMH suites: profiles and shards ({@link BenchPlan}), the runner, progress, run provenance,
 * and the {@link Bench} facade that code, jshell, notebooks and the CLI call. {@link SuiteTags} declares
 * what each suite's rows mean (references, threshold entry, speed-ups, charts); the runner writes it on
 * every row, so a new suite is declared there and in {@link Suite}, and nowhere below. Above the engine and
 * results: imports {@code engine}, {@code results} (and {@code results.relative}), {@code runreport},
 * {@code files} and its own subpackages; never regress, notebook, kernel or cli.
 */
package io.latentbench.workbench.bench;
