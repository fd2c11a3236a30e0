/**
 * Relative runs: base and head revisions built in git worktrees and measured in fork pairs in one job,
 * each fork on its own side's class path, written as {@code relative.json}. Imports {@code bench},
 * {@code results} and {@code results.relative}.
 */
package io.latentbench.workbench.bench.relative;
