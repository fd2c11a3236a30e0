package io.latentbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttentionTest {

    /** softmax(K q / sqrt(width)) V over one slice of dimensions, in double precision. */
    static double[] reference(float[][] keys, float[] q, int from, int width) {
        double[] scores = new double[keys.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < keys.length; i++) {
            double s = 0;
            for (int j = from; j < from + width; j++) s += (double) keys[i][j] * q[j];
            scores[i] = s / Math.sqrt(width);
            max = Math.max(max, scores[i]);
        }
        double sum = 0;
        double[] out = new double[width];
        for (int i = 0; i < keys.length; i++) {
            double w = Math.exp(scores[i] - max);
            sum += w;
            for (int j = 0; j < width; j++) out[j] += w * keys[i][from + j];
        }
        for (int j = 0; j < width; j++) out[j] /= sum;
        return out;
    }

    static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    @Test
    void standardMatchesTheFormula() {
        int dim = 48;
        float[][] data = TestVectors.uniform(700, dim, 1);
        float[] q = TestVectors.uniform(dim, 2);
        float[] out = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data).attention(q);
        assertThat(TestVectors.relativeL2(toFloat(reference(data, q, 0, dim)), out)).isLessThan(1e-5);
    }

    static Stream<Arguments> flashCases() {
        return Stream.of(1, 7, 64).flatMap(block -> IntStream.of(1, 2, 6, 7, 8, 63, 64, 65, 129, 1000, 5000)
                .mapToObj(n -> Arguments.of(block, n)));
    }

    @ParameterizedTest(name = "block {0}, {1} keys")
    @MethodSource("flashCases")
    void flashEqualsStandard(int blockSize, int n) {
        int dim = 40;
        // Scaled up so the softmax is peaked and the running maximum really moves.
        float[][] data = TestVectors.uniform(n, dim, n * 31L + blockSize);
        for (float[] v : data) for (int i = 0; i < dim; i++) v[i] *= 3f;
        float[] q = TestVectors.uniform(dim, 99);
        float[] standard = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data).attention(q);
        float[] flash = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.flash(blockSize), data).attention(q);
        assertThat(TestVectors.relativeL2(standard, flash)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void multiHeadWithOneHeadIsFlashAttentionOverBlocksOf64Keys() {
        int dim = 64;
        float[][] data = TestVectors.uniform(500, dim, 3);
        float[] q = TestVectors.uniform(dim, 4);
        float[] standard = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data).attention(q);
        float[] flash = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.flash(64), data).attention(q);
        float[] oneHead = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.multiHead(1), data).attention(q);
        // MultiHead runs the online softmax of Flash, per head: the same operations for one head.
        assertThat(oneHead).containsExactly(flash);
        assertThat(TestVectors.relativeL2(standard, oneHead)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void multiHeadAttendsEachSliceWithItsOwnScale() {
        int dim = 64;
        int heads = 8;
        float[][] data = TestVectors.uniform(300, dim, 5);
        for (float[] v : data) for (int i = 0; i < dim; i++) v[i] *= 4f;
        float[] q = TestVectors.uniform(dim, 6);
        float[] out = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.multiHead(heads), data).attention(q);
        float[] expected = new float[dim];
        int width = dim / heads;
        for (int h = 0; h < heads; h++) {
            System.arraycopy(toFloat(reference(data, q, h * width, width)), 0, expected, h * width, width);
        }
        assertThat(TestVectors.relativeL2(expected, out)).isLessThan(1e-5);
        float[] standard = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data).attention(q);
        assertThat(TestVectors.relativeL2(standard, out)).as("heads really differ from one head").isGreaterThan(1e-3);
    }

    @Test
    void multiHeadWithoutArgumentTakesTheConfiguredHeadCount() {
        LatentConfig config = LatentConfig.builder(12).attentionType(AttentionType.multiHead()).numHeads(3).build();
        assertThat(config.attentionType()).isEqualTo(new AttentionType.MultiHead(3));
    }

    @Test
    void mixtureOfOneExpertEqualsStandard() {
        int dim = 32;
        float[][] data = TestVectors.uniform(900, dim, 8);
        float[] q = TestVectors.uniform(dim, 9);
        float[] standard = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data).attention(q);
        float[] moe = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.moe(1, 1), data).attention(q);
        assertThat(moe).containsExactly(standard);
    }

    @Test
    void mixtureRoutesDeterministicallyForAFixedSeed() {
        int dim = 32;
        float[][] data = TestVectors.uniform(2000, dim, 10);
        float[][] queries = TestVectors.uniform(20, dim, 11);
        float[][] first = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.moe(4, 2), data).attentionBatch(queries);
        float[][] second = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.moe(4, 2), data).attentionBatch(queries);
        assertThat(second).isDeepEqualTo(first);
        float[] standard = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.standard(), data).attention(queries[0]);
        assertThat(TestVectors.relativeL2(standard, first[0])).as("routing changes the result").isGreaterThan(1e-4);
    }

    @Test
    void mixtureWithAllExpertsChosenIsAGatedSumOfExpertAttentions() {
        // Two well-separated clusters: k-means finds them, and each expert attends within one.
        int dim = 8;
        float[][] data = new float[200][];
        float[][] clusterA = TestVectors.uniform(100, dim, 12);
        float[][] clusterB = TestVectors.uniform(100, dim, 13);
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < dim; j++) {
                clusterA[i][j] = clusterA[i][j] * 0.1f + 5f;
                clusterB[i][j] = clusterB[i][j] * 0.1f - 5f;
            }
            data[2 * i] = clusterA[i];
            data[2 * i + 1] = clusterB[i];
        }
        float[] q = TestVectors.uniform(dim, 14);
        float[] moe = TestVectors.space(dim, DistanceMetric.euclidean(), AttentionType.moe(2, 2), data).attention(q);
        double[] a = reference(clusterA, q, 0, dim);
        double[] b = reference(clusterB, q, 0, dim);
        double la = 0, lb = 0;
        for (int j = 0; j < dim; j++) {
            la += q[j] * centroid(clusterA)[j];
            lb += q[j] * centroid(clusterB)[j];
        }
        double ga = 1 / (1 + Math.exp((lb - la) / Math.sqrt(dim)));
        float[] expected = new float[dim];
        for (int j = 0; j < dim; j++) expected[j] = (float) (ga * a[j] + (1 - ga) * b[j]);
        assertThat(TestVectors.relativeL2(expected, moe)).isLessThan(1e-4);
    }

    private static double[] centroid(float[][] points) {
        double[] c = new double[points[0].length];
        for (float[] p : points) for (int j = 0; j < c.length; j++) c[j] += p[j] / (double) points.length;
        return c;
    }

    @Test
    void batchEqualsOneQueryAtATime() {
        int dim = 16;
        float[][] data = TestVectors.uniform(400, dim, 15);
        float[][] queries = TestVectors.uniform(9, dim, 16);
        for (AttentionType type : new AttentionType[] {AttentionType.standard(), AttentionType.flash(),
                AttentionType.multiHead(4), AttentionType.moe(4, 2)}) {
            LatentSpace space = TestVectors.space(dim, DistanceMetric.euclidean(), type, data);
            float[][] batch = space.attentionBatch(queries);
            for (int i = 0; i < queries.length; i++) {
                assertThat(batch[i]).as("%s query %d", type, i).containsExactly(space.attention(queries[i]));
            }
        }
    }

    @Test
    void removedEmbeddingsNoLongerTakePart() {
        int dim = 16;
        float[][] data = TestVectors.uniform(300, dim, 17);
        float[] q = TestVectors.uniform(dim, 18);
        for (AttentionType type : new AttentionType[] {AttentionType.standard(), AttentionType.flash(7),
                AttentionType.multiHead(4), AttentionType.moe(1, 1)}) {
            LatentSpace space = TestVectors.space(dim, DistanceMetric.euclidean(), type, data);
            float[][] kept = new float[150][];
            for (int i = 0; i < 300; i++) {
                if (i % 2 == 0) {
                    space.remove(i);
                } else {
                    kept[i / 2] = data[i];
                }
            }
            float[] expected = TestVectors.space(dim, DistanceMetric.euclidean(), type, kept).attention(q);
            assertThat(TestVectors.relativeL2(expected, space.attention(q))).as("%s", type).isLessThan(1e-5);
        }
    }

    @Test
    void wholeBlocksOfRemovedKeysAreSkippedByEveryHead() {
        int dim = 16;
        float[][] data = TestVectors.uniform(320, dim, 19);
        float[] q = TestVectors.uniform(dim, 20);
        for (AttentionType type : new AttentionType[] {AttentionType.flash(64), AttentionType.multiHead(4)}) {
            LatentSpace space = TestVectors.space(dim, DistanceMetric.euclidean(), type, data);
            java.util.List<float[]> kept = new java.util.ArrayList<>();
            for (int i = 0; i < data.length; i++) {
                // The first block of 64 keys and the third are removed whole; one key of the last.
                if (i < 64 || (i >= 128 && i < 192) || i == 300) {
                    space.remove(i);
                } else {
                    kept.add(data[i]);
                }
            }
            float[] expected = TestVectors.space(dim, DistanceMetric.euclidean(), type, kept.toArray(float[][]::new))
                    .attention(q);
            float[] out = space.attention(q);
            assertThat(out).as("%s", type).doesNotContain(Float.NaN);
            assertThat(TestVectors.relativeL2(expected, out)).as("%s", type).isLessThan(1e-5);
        }
    }
}
