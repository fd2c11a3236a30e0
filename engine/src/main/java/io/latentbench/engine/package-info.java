/**
 * The latent-space engine: {@link LatentSpace} holds embeddings of one dimension with exact kNN (one
 * query or a batch) and four attention types over them, configured by {@link LatentConfig}. The bottom
 * layer: imports only the JDK and its own {@code engine.vector}; never anything of
 * {@code io.latentbench.workbench} (ArchitectureTest), so that it is a library of its own.
 */
package io.latentbench.engine;
