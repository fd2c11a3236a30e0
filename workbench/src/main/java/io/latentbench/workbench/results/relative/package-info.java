/**
 * The file model of a relative run ({@code relative.json}): base and head measured in one job as fork
 * pairs, per benchmark, with the rechecks of a confirming run. {@code bench.relative} writes it and
 * regress judges it. Imports {@code results} and {@code files} only.
 */
package io.latentbench.workbench.results.relative;
