package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of metrics that parsing and the tests go by is the sealed type's own. */
class DistanceMetricTest {

    @Test
    void everyKindHoldsOneMetricOfEachPermittedRecord() {
        List<Class<?>> listed = DistanceMetric.everyKind().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(listed).as("DistanceMetric.everyKind() must list each record of the sealed type once")
                .containsExactlyInAnyOrder(DistanceMetric.class.getPermittedSubclasses());
    }

    @Test
    void parseReadsBackTheLabelOfEachKind() {
        for (DistanceMetric metric : DistanceMetric.everyKind()) {
            assertThat(DistanceMetric.parse(metric.label())).isEqualTo(metric);
            assertThat(DistanceMetric.parse(" " + metric.label().toUpperCase(java.util.Locale.ROOT) + " "))
                    .isEqualTo(metric);
        }
        assertThat(DistanceMetric.parse("hyperbolic")).isEqualTo(DistanceMetric.hyperbolic(-1.0));
        assertThat(DistanceMetric.parse("DotProduct")).isEqualTo(DistanceMetric.dotProduct());
        assertThat(DistanceMetric.parse("dot")).isEqualTo(DistanceMetric.dotProduct());
    }

    @Test
    void anUnknownLabelIsRejectedWithEveryKnownOne() {
        assertThatThrownBy(() -> DistanceMetric.parse("chebyshev"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown distance metric 'chebyshev', expected one of "
                        + "euclidean, cosine, manhattan, dot_product, hyperbolic");
        assertThatThrownBy(() -> DistanceMetric.parse("dot product")).hasMessageContaining("'dot product'");
    }
}
