package io.latentbench.workbench.bench;

/**
 * Whether a benchmark point keeps more than one core busy: a parallel stream, a fork-join pool of
 * two workers or JMH threads. A relative run's duet pins each fork to one core, which would squeeze
 * such a point onto one and measure another thing (two threads taking turns), so it runs both
 * forks of such a pair unpinned, sharing the cores.
 */
public final class Cores {

    private Cores() {}

    public static boolean multiCore(BenchPoint point) {
        String method = point.method();
        return switch (point.suite()) {
            case LATENCY, MEMORY, ATTENTION_COMPARISON, DISTANCE_COMPARISON, FLASH_VS_STANDARD -> false;
            // knnBatch and attentionBatch spread over the common pool
            case THROUGHPUT -> method.equals("parallelKnn") || method.equals("batchAttention");
            case MATRIX -> whole(point, "batch", 1) > 1;
            case PEERS -> method.equals("knnOneAtATimeTwoThreads")
                    || method.equals("knnBatch") && whole(point, "workers", 1) > 1;
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
