package io.latentbench.engine.vector;

import java.util.Locale;

/** Picks the kernels once, at class initialization, like Lucene's VectorizationProvider. */
final class KernelProvider {

    static final VectorKernels INSTANCE = choose();

    private KernelProvider() {}

    private static VectorKernels choose() {
        String wanted = System.getProperty(VectorKernels.IMPLEMENTATION_PROPERTY, "auto")
                .trim().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "scalar" -> ScalarKernels.INSTANCE;
            case "panama" -> panama();
            case "auto", "" -> {
                try {
                    yield panama();
                } catch (UnsupportedOperationException e) {
                    yield ScalarKernels.INSTANCE;
                }
            }
            default -> throw new IllegalArgumentException("system property "
                    + VectorKernels.IMPLEMENTATION_PROPERTY + "=" + wanted
                    + " is not understood; expected auto, panama or scalar");
        };
    }

    static VectorKernels panama() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new UnsupportedOperationException("the Vector API is not available: start the JVM with "
                    + "--add-modules jdk.incubator.vector to use the SIMD kernels");
        }
        return PanamaKernels.INSTANCE;
    }
}
