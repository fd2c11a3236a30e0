/**
 * How the kernel shows a value: MIME bundles for Tablesaw tables, XChart charts, images and
 * latentbench results. Imports {@code results}, {@code bench} ({@code BenchResults}) and
 * {@code files} (HTML escaping).
 */
package io.latentbench.workbench.kernel.render;
