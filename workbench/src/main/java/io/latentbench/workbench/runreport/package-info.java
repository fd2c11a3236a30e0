/**
 * The HTML page {@code lb bench} leaves beside its results: a section per suite with tables, per-fork
 * strip plots and score-by-parameter lines, as inline SVG. Reads finished results only: imports
 * {@code results} and {@code files}; {@code bench} calls it.
 */
package io.latentbench.workbench.runreport;
