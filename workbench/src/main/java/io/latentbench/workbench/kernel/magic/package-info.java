/**
 * The kernel's line and cell magics ({@code %maven}, {@code %timeit}, {@code %classpath}, ...).
 * Imports {@code kernel.eval}, {@code kernel.maven}, {@code kernel.render} and {@code kernel.timeit}.
 */
package io.latentbench.workbench.kernel.magic;
