package io.latentbench.workbench.bench;

import io.latentbench.engine.AttentionType;
import io.latentbench.engine.DistanceMetric;
import io.latentbench.engine.LatentConfig;
import io.latentbench.engine.LatentSpace;

/** Builds the spaces benchmarks measure, from parameter labels, outside the measured time. */
public final class Spaces {

    private Spaces() {}

    public static LatentConfig config(int dim, String metric, String attention) {
        return LatentConfig.builder(dim)
                .distanceMetric(DistanceMetric.parse(metric))
                .attentionType(AttentionType.parse(attention))
                .seed(DataSets.SEED)
                .build();
    }

    /** A space of {@code count} uniform vectors of {@code dim} floats. */
    public static LatentSpace filled(int count, int dim, String metric, String attention) {
        LatentSpace space = LatentSpace.create(config(dim, metric, attention));
        space.addAll(DataSets.uniform(count, dim, DataSets.SEED));
        return space;
    }
}
