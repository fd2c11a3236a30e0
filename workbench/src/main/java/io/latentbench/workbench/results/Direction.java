package io.latentbench.workbench.results;

/** Whether a larger score is better. It follows from the unit ({@link ScoreUnit}), never from the benchmark name. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
