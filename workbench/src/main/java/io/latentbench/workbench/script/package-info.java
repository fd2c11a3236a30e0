/**
 * Headless jshell scripts for {@code lb jshell FILE...}, stopping at the first failure with a non-zero
 * exit status. Imports {@code kernel.eval} only.
 */
package io.latentbench.workbench.script;
