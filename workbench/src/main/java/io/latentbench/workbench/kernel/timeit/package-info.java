/**
 * IPython's {@code %timeit} for Java cells, with a JIT warm-up before the repeats. Imports nothing of
 * latentbench.
 */
package io.latentbench.workbench.kernel.timeit;
