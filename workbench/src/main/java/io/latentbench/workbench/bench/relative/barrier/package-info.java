/**
 * What runs inside a relative run's forks to start their iterations together: its classes go into a
 * jar of their own at the front of both sides' class paths, whatever revision each side is, so they
 * depend on JMH and the JDK only.
 */
package io.latentbench.workbench.bench.relative.barrier;
