package io.latentbench.workbench.bench.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.engine.DistanceMetric;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * A JMH parameter list must be a constant, so the suite cannot take its metrics from the
 * engine; this test holds it to the engine's list, so that a new metric is measured too.
 */
class DistanceComparisonBenchmarksTest {

    @Test
    void measuresEveryKindOfMetric() throws NoSuchFieldException {
        String[] declared = DistanceComparisonBenchmarks.Metric.class.getField("metric").getAnnotation(Param.class).value();
        assertThat(declared).containsExactlyElementsOf(
                DistanceMetric.everyKind().stream().map(DistanceMetric::label).toList());
    }
}
