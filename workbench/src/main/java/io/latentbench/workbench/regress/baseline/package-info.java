/**
 * The stored baselines per testbed: {@code baselines.json}, its lock, history and pruning, and their
 * view as measurements. Imports {@code regress}, {@code regress.config}, {@code regress.stats},
 * {@code results} and {@code files}.
 */
package io.latentbench.workbench.regress.baseline;
