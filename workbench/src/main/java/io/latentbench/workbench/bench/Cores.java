package io.latentbench.workbench.bench;

/** How each point of our suites uses the cores ({@link CoreUse}), as its benchmark method is written. */
public final class Cores {

    private Cores() {}

    public static CoreUse use(BenchPoint point) {
        String method = point.method();
        return switch (point.suite()) {
            case LATENCY, MEMORY, ATTENTION_COMPARISON, DISTANCE_COMPARISON, FLASH_VS_STANDARD -> CoreUse.ONE;
            // knnBatch and attentionBatch spread over the common pool
            case THROUGHPUT -> method.equals("parallelKnn") || method.equals("batchAttention") ? CoreUse.SPLIT
                    : CoreUse.ONE;
            case MATRIX -> whole(point, "batch", 1) > 1 ? CoreUse.SPLIT : CoreUse.ONE;
            case PEERS -> method.equals("knnOneAtATimeTwoThreads") ? CoreUse.THREADS
                    : method.equals("knnBatch") && whole(point, "workers", 1) > 1 ? CoreUse.SPLIT : CoreUse.ONE;
        };
    }

    private static int whole(BenchPoint point, String param, int absent) {
        String v = point.params().get(param);
        if (v == null) {
            return absent;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + point.suite().label() + " suite's " + param + " parameter is '"
                    + v + "'; expected a whole number", e);
        }
    }
}
