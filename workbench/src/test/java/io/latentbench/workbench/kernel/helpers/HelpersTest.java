package io.latentbench.workbench.kernel.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latentbench.engine.Neighbor;
import io.latentbench.workbench.bench.DataSets;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HelpersTest {

    private static XYChart chart(int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).build();
        c.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return c;
    }

    @Test
    void aGridPlacesChartsRowByRowInCellsOfTheLargestChart() {
        BufferedImage five = Figures.grid(3, List.of(chart(300, 200), chart(300, 200), chart(320, 210), chart(300, 200), chart(300, 200)));
        assertThat(five.getWidth()).isEqualTo(3 * 320);
        assertThat(five.getHeight()).isEqualTo(2 * 210);
        // the sixth cell stays white
        assertThat(five.getRGB(2 * 320 + 150, 210 + 100) & 0xffffff).isEqualTo(0xffffff);
        BufferedImage titled = Figures.grid(4, List.of(chart(300, 200), chart(300, 200)), "two charts");
        assertThat(titled.getWidth()).isEqualTo(2 * 300);
        assertThat(titled.getHeight()).isEqualTo(Figures.TITLE_HEIGHT + 200);
        assertThatThrownBy(() -> Figures.grid(0, List.of(chart(10, 10)))).hasMessageContaining("columns must be >= 1, got 0");
        assertThatThrownBy(() -> Figures.grid(2, List.of())).hasMessageContaining("at least one chart");
    }

    @Test
    void neighbourTablesHaveARowPerRankAndColumnsPerName() {
        List<Neighbor> a = List.of(new Neighbor(17, 0.01f), new Neighbor(3, 1.5f), new Neighbor(9, 2f));
        Table one = NeighbourTables.of(a);
        assertThat(one.columnNames()).containsExactly("rank", "id", "distance");
        assertThat(one.rowCount()).isEqualTo(3);
        assertThat(one.longColumn("id").get(0)).isEqualTo(17L);
        assertThat(one.doubleColumn("distance").get(1)).isEqualTo(1.5);

        Map<String, List<Neighbor>> byMetric = new LinkedHashMap<>();
        byMetric.put("cosine", a);
        byMetric.put("dot", a.subList(0, 2));
        Table many = NeighbourTables.of(byMetric);
        assertThat(many.columnNames()).containsExactly("rank", "cosine id", "cosine distance", "dot id", "dot distance");
        assertThat(many.rowCount()).isEqualTo(3);
        assertThat(many.longColumn("dot id").isMissing(2)).isTrue();
        assertThat(many.intColumn("rank").asList()).containsExactly(1, 2, 3);
    }

    @Test
    void randomDataIsTheSameForTheSameSeed() {
        float[][] g = RandomData.gaussian(100, 8, 42);
        assertThat(g).hasDimensions(100, 8);
        assertThat(RandomData.gaussian(100, 8, 42)).isDeepEqualTo(g);
        assertThat(RandomData.gaussian(100, 8, 43)[0]).isNotEqualTo(g[0]);
        double mean = 0;
        for (float[] v : g) {
            for (float x : v) {
                mean += x;
            }
        }
        assertThat(mean / 800).isBetween(-0.2, 0.2);
        assertThat(RandomData.uniform(10, 4, 7)).isDeepEqualTo(DataSets.uniform(10, 4, 7));
        float[] q = RandomData.near(g[17], 0.01, 1);
        assertThat(q).hasSize(8).isNotEqualTo(g[17]);
        for (int j = 0; j < 8; j++) {
            assertThat((double) q[j]).isCloseTo(g[17][j], org.assertj.core.api.Assertions.within(0.1));
        }
        assertThat(RandomData.near(g[17], 0, 1)).isEqualTo(g[17]);
        assertThatThrownBy(() -> RandomData.gaussian(1, 0, 1)).hasMessageContaining("dim >= 1");
        assertThatThrownBy(() -> RandomData.near(g[0], -1, 1)).hasMessageContaining("noise must be >= 0, got -1.0");
    }
}
