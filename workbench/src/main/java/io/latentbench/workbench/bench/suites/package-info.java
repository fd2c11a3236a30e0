/**
 * The JMH benchmark classes, one suite each, and the Python peer they measure against; JMH's
 * annotation processor generates their harness into {@code bench.suites.jmh_generated}. Imports
 * {@code engine}, {@code engine.vector} (the peers suite calls the kernels directly) and {@code bench}
 * (data sets, spaces, heap meters and memory probes); nothing else of the workbench.
 */
package io.latentbench.workbench.bench.suites;
