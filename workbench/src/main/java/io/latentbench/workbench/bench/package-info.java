/**
 * Runs the JMH suites: profiles and shards ({@link BenchPlan}), the runner, progress, run provenance,
 * and the {@link Bench} facade that code, jshell, notebooks and the CLI call. Above the engine and
 * results: imports {@code engine}, {@code results} (and {@code results.relative}), {@code runreport},
 * {@code files} and its own subpackages; never regress, notebook, kernel or cli.
 */
package io.latentbench.workbench.bench;
