/**
 * Evaluation of Java code with JShell in this JVM, keeping raw values and interruptible; knows nothing
 * of Jupyter. Imports nothing of latentbench; the kernel and {@code script} use it.
 */
package io.latentbench.workbench.kernel.eval;
