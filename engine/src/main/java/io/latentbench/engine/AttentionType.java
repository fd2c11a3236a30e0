package io.latentbench.engine;

/**
 * How {@link LatentSpace#attention(float[])} weighs the stored embeddings. Keys and values
 * are the stored embeddings themselves, in insertion order.
 */
public sealed interface AttentionType {

    /** {@code softmax(K q / sqrt(d)) V}, materializing all N scores. */
    record Standard() implements AttentionType {}

    /**
     * The same result as {@link Standard} in one pass over blocks of {@code blockSize} keys
     * with an online softmax; extra memory is O(blockSize + d) whatever the number of keys.
     */
    record Flash(int blockSize) implements AttentionType {
        public static final int DEFAULT_BLOCK_SIZE = 64;

        public Flash {
            if (blockSize < 1) {
                throw new IllegalArgumentException("flash block size must be >= 1, got " + blockSize);
            }
        }
    }

    /**
     * The dimension split into {@code numHeads} contiguous slices, each attended with scale
     * {@code 1/sqrt(d/h)}, outputs concatenated. {@link #CONFIG_HEADS} defers the head count
     * to {@link LatentConfig#numHeads()}.
     */
    record MultiHead(int numHeads) implements AttentionType {
        public static final int CONFIG_HEADS = 0;

        public MultiHead {
            if (numHeads < 0) {
                throw new IllegalArgumentException("number of heads must be >= 1, got " + numHeads);
            }
        }
    }

    /**
     * Mixture of experts: keys partitioned among {@code numExperts} by nearest centroid; a
     * query attends within its {@code topK} best experts, weighted by a softmax gate.
     */
    record MoE(int numExperts, int topK) implements AttentionType {
        public static final int DEFAULT_TOP_K = 2;

        public MoE {
            if (numExperts < 1) {
                throw new IllegalArgumentException("number of experts must be >= 1, got " + numExperts);
            }
            if (topK < 1 || topK > numExperts) {
                throw new IllegalArgumentException(
                        "MoE topK must be in 1.." + numExperts + " (the number of experts), got " + topK);
            }
        }
    }

    static AttentionType standard() {
        return new Standard();
    }

    static AttentionType flash() {
        return new Flash(Flash.DEFAULT_BLOCK_SIZE);
    }

    static AttentionType flash(int blockSize) {
        return new Flash(blockSize);
    }

    /** Multi-head attention with {@link LatentConfig#numHeads()} heads. */
    static AttentionType multiHead() {
        return new MultiHead(MultiHead.CONFIG_HEADS);
    }

    static AttentionType multiHead(int numHeads) {
        if (numHeads < 1) {
            throw new IllegalArgumentException("number of heads must be >= 1, got " + numHeads);
        }
        return new MultiHead(numHeads);
    }

    /** Mixture of experts with top-2 routing, or top-1 when there is a single expert. */
    static AttentionType moe(int numExperts) {
        return new MoE(numExperts, Math.min(MoE.DEFAULT_TOP_K, Math.max(1, numExperts)));
    }

    static AttentionType moe(int numExperts, int topK) {
        return new MoE(numExperts, topK);
    }

    /** A short name such as {@code flash}, {@code multi_head_8}, {@code moe_4_2}. */
    default String label() {
        return switch (this) {
            case Standard s -> "standard";
            case Flash f -> f.blockSize() == Flash.DEFAULT_BLOCK_SIZE ? "flash" : "flash_" + f.blockSize();
            case MultiHead m -> m.numHeads() == MultiHead.CONFIG_HEADS ? "multi_head" : "multi_head_" + m.numHeads();
            case MoE e -> "moe_" + e.numExperts() + "_" + e.topK();
        };
    }

    /**
     * The inverse of {@link #label()}: {@code standard}, {@code flash}, {@code flash_32},
     * {@code multi_head}, {@code multi_head_8}, {@code moe_4}, {@code moe_4_2}.
     */
    static AttentionType parse(String label) {
        String s = label.trim().toLowerCase(java.util.Locale.ROOT);
        String[] parts = s.split("_");
        try {
            if (s.equals("standard")) return standard();
            if (s.equals("flash")) return flash();
            if (parts[0].equals("flash") && parts.length == 2) return flash(Integer.parseInt(parts[1]));
            if (s.equals("multi_head") || s.equals("multihead")) return multiHead();
            if (s.startsWith("multi_head_") && parts.length == 3) return multiHead(Integer.parseInt(parts[2]));
            if (parts[0].equals("moe") && parts.length == 2) return moe(Integer.parseInt(parts[1]));
            if (parts[0].equals("moe") && parts.length == 3) {
                return moe(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("unknown attention type '" + label
                + "', expected standard, flash[_BLOCK], multi_head[_HEADS] or moe_EXPERTS[_TOPK]");
    }
}
