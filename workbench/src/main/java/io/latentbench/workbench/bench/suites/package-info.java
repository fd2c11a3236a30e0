/**
 * The JMH benchmark classes, one suite each, except the peers suite, which has a class per peer
 * family in {@code bench.suites.peers}, beside the Python peer it measures against; JMH's
 * annotation processor generates their harness into {@code jmh_generated} below each package. Imports
 * {@code engine}, {@code engine.vector} (the peers suite calls the kernels directly) and {@code bench}
 * (data sets, spaces, heap meters and memory probes); nothing else of the workbench.
 */
package io.latentbench.workbench.bench.suites;
