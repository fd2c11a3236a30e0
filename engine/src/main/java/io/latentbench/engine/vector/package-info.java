/**
 * The arithmetic kernels of the engine: the Vector API implementation and the plain-loop scalar
 * reference every SIMD kernel is tested against, chosen once at start ({@link VectorKernels}). Imports
 * only the JDK and {@code jdk.incubator.vector}; nothing of {@code io.latentbench.engine}, which calls
 * it.
 */
package io.latentbench.engine.vector;
