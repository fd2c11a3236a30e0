/**
 * The {@code lb} command line (picocli): each command turns options into a call of a facade
 * ({@code Bench}, {@code RegressionGate}, {@code NotebookRunner}, ...) and its outcome into output and
 * an exit status. The top layer: it may import every package, and no package imports it
 * (ArchitectureTest).
 */
package io.latentbench.workbench.cli;
