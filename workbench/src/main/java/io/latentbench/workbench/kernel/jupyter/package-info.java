/**
 * The adapter between jjava-jupyter and a kernel session: the only package that touches the protocol
 * library, with channels that verify every message. Imports {@code kernel}, {@code kernel.eval} and
 * {@code kernel.render}.
 */
package io.latentbench.workbench.kernel.jupyter;
