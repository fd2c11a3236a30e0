package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HyperbolicTest {

    /** An input whose image under the exponential map at the origin is {@code point} (|point| < 1/sqrt c). */
    private static float[] preimage(double[] point, double c) {
        double r = 0;
        for (double x : point) r += x * x;
        r = Math.sqrt(r);
        float[] v = new float[point.length];
        if (r == 0) return v;
        double norm = atanh(Math.sqrt(c) * r) / Math.sqrt(c);
        for (int i = 0; i < v.length; i++) v[i] = (float) (point[i] / r * norm);
        return v;
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static float distance(double c, float[] a, float[] b) {
        LatentSpace space = LatentSpace.create(LatentConfig.builder(a.length)
                .distanceMetric(DistanceMetric.hyperbolic(-c)).build());
        space.add(b);
        return space.knn(a, 1).get(0).distance();
    }

    @Test
    void matchesTheClosedFormOnHandComputedPoints() {
        // From the origin to (1/2, 0) in the unit ball: arcosh(1 + 2(1/4)/(3/4)) = arcosh(5/3) = ln 3.
        assertThat(distance(1.0, preimage(new double[] {0, 0}, 1), preimage(new double[] {0.5, 0}, 1)))
                .isCloseTo((float) Math.log(3), within(1e-5f));
        // (1/2, 0) to (-1/2, 0): arcosh(1 + 2*1/(9/16)) = arcosh(41/9) = 2 ln 3.
        assertThat(distance(1.0, preimage(new double[] {0.5, 0}, 1), preimage(new double[] {-0.5, 0}, 1)))
                .isCloseTo((float) (2 * Math.log(3)), within(1e-5f));
        // (0.3, 0.4) to (0, 0) in the ball of curvature -4 (c = 4, radius 1/2 ... so halve the point):
        // x = (0.15, 0.2), |x|^2 = 1/16, c|x|^2 = 1/4: arcosh(1 + 2*4*(1/16)/(3/4)) / 2 = arcosh(5/3) / 2 = ln(3)/2.
        assertThat(distance(4.0, preimage(new double[] {0.15, 0.2}, 4), new float[2]))
                .isCloseTo((float) (Math.log(3) / 2), within(1e-5f));
    }

    @Test
    void theStoredPointIsTheImageInTheBall() {
        LatentSpace space = LatentSpace.create(LatentConfig.builder(2)
                .distanceMetric(DistanceMetric.hyperbolic(-1)).build());
        long id = space.add(preimage(new double[] {0.6, -0.2}, 1));
        assertThat(space.get(id)).containsExactly(new float[] {0.6f, -0.2f}, within(1e-6f));
    }

    @Provide
    Arbitrary<float[]> anyFiniteVector() {
        // Every finite vector up to the largest norm the space takes (2^125; five of 1e36 stay below it).
        return Arbitraries.floats().between(-1e36f, 1e36f)
                .edgeCases(e -> e.add(1e36f).add(-1e36f).add(Float.MIN_VALUE).add(0f))
                .array(float[].class).ofSize(5);
    }

    @Property(tries = 300)
    void isSymmetricZeroOnIdenticalPointsAndFinite(@ForAll("anyFiniteVector") float[] a,
                                                    @ForAll("anyFiniteVector") float[] b) {
        float ab = distance(1.0, a, b);
        float ba = distance(1.0, b, a);
        assertThat(ab).isFinite().isGreaterThanOrEqualTo(0f);
        assertThat(ba).isCloseTo(ab, within(1e-4f * Math.max(1f, ab)));
        assertThat(distance(1.0, a, a)).isZero();
        assertThat(distance(0.25, a, b)).isFinite();
    }

    @Test
    void knnUnderHyperbolicOrdersByBallDistance() {
        LatentSpace space = LatentSpace.create(LatentConfig.builder(2)
                .distanceMetric(DistanceMetric.hyperbolic(-1)).build());
        space.add(preimage(new double[] {0.9, 0}, 1), 1);
        space.add(preimage(new double[] {0.5, 0}, 1), 2);
        space.add(preimage(new double[] {0, 0.7}, 1), 3);
        List<Neighbor> hits = space.knn(new float[] {0, 0}, 3);
        assertThat(hits).extracting(Neighbor::id).containsExactly(2L, 3L, 1L);
    }
}
