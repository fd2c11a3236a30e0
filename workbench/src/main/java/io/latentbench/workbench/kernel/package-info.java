/**
 * The latentbench Jupyter kernel's session, independent of the protocol ({@link KernelSession}: JShell
 * with the workbench on its class path, magics, renderers), the functions cells call, the kernelspec
 * installer and the start-up cache. Imports its own subpackages and {@code files}; each subpackage's
 * own description says what it may import.
 */
package io.latentbench.workbench.kernel;
