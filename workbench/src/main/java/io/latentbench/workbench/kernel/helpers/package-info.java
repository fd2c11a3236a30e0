/**
 * Helpers a notebook cell calls: grids of charts, kNN answers as tables, seeded random data (the
 * benchmarks' own). Imports {@code engine} and {@code bench} ({@code DataSets}).
 */
package io.latentbench.workbench.kernel.helpers;
