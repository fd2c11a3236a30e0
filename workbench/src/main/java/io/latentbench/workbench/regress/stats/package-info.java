/**
 * The statistics of the gate on plain arrays: Mann-Whitney, Welch on logarithms, the bootstrap ratio,
 * paired ratios, Holm's adjustment of a family of p-values and the distributions they need. Imports
 * nothing of latentbench (only Apache Commons Statistics).
 */
package io.latentbench.workbench.regress.stats;
