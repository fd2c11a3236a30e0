package io.latentbench.engine;

import java.util.Objects;

/**
 * Everything that defines a latent space. Build one with {@link #builder(int)}; every field
 * but the dimension has a default. The canonical constructor validates, so an instance is
 * always usable by {@link LatentSpace#create(LatentConfig)}.
 *
 * @param dimension        floats per embedding, 1..65536
 * @param distanceMetric   how kNN compares embeddings (default Euclidean)
 * @param attentionType    how attention weighs the stored embeddings (default Standard)
 * @param numHeads         heads for {@link AttentionType#multiHead()} without an argument (default 8)
 * @param initialCapacity  embeddings to plan room for (default 1024); the space grows past it
 * @param seed             seed of everything random, such as the MoE centroids (default 42)
 */
public record LatentConfig(
        int dimension,
        DistanceMetric distanceMetric,
        AttentionType attentionType,
        int numHeads,
        int initialCapacity,
        long seed) {

    public static final int MAX_DIMENSION = 65_536;
    public static final int DEFAULT_NUM_HEADS = 8;
    public static final int DEFAULT_INITIAL_CAPACITY = 1024;
    public static final long DEFAULT_SEED = 42L;

    public LatentConfig {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException(
                    "dimension must be in 1.." + MAX_DIMENSION + ", got " + dimension);
        }
        Objects.requireNonNull(distanceMetric, "distanceMetric must not be null");
        Objects.requireNonNull(attentionType, "attentionType must not be null");
        if (numHeads < 1) {
            throw new IllegalArgumentException("numHeads must be >= 1, got " + numHeads);
        }
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, got " + initialCapacity);
        }
        if (attentionType instanceof AttentionType.MultiHead m) {
            if (m.numHeads() == AttentionType.MultiHead.CONFIG_HEADS) {
                attentionType = new AttentionType.MultiHead(numHeads);
            }
            int heads = ((AttentionType.MultiHead) attentionType).numHeads();
            if (dimension % heads != 0) {
                throw new IllegalArgumentException("dimension " + dimension
                        + " is not divisible by the number of attention heads " + heads
                        + "; choose a head count that divides the dimension");
            }
        }
    }

    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    /** A builder starting from this configuration, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(dimension)
                .distanceMetric(distanceMetric)
                .attentionType(attentionType)
                .numHeads(numHeads)
                .initialCapacity(initialCapacity)
                .seed(seed);
    }

    public static final class Builder {
        private final int dimension;
        private DistanceMetric distanceMetric = DistanceMetric.euclidean();
        private AttentionType attentionType = AttentionType.standard();
        private int numHeads = DEFAULT_NUM_HEADS;
        private int initialCapacity = DEFAULT_INITIAL_CAPACITY;
        private long seed = DEFAULT_SEED;

        private Builder(int dimension) {
            this.dimension = dimension;
        }

        public Builder distanceMetric(DistanceMetric metric) {
            this.distanceMetric = metric;
            return this;
        }

        public Builder attentionType(AttentionType type) {
            this.attentionType = type;
            return this;
        }

        public Builder numHeads(int numHeads) {
            this.numHeads = numHeads;
            return this;
        }

        public Builder initialCapacity(int initialCapacity) {
            this.initialCapacity = initialCapacity;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public LatentConfig build() {
            return new LatentConfig(dimension, distanceMetric, attentionType, numHeads, initialCapacity, seed);
        }
    }
}
