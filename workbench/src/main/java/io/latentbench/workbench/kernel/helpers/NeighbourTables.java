package io.latentbench.workbench.kernel.helpers;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.latentbench.engine.Neighbor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * kNN answers as Tablesaw tables: a row per rank with the id and distance, or, for several
 * answers by name (one per metric, say), an id and a distance column for each name.
 */
public final class NeighbourTables {

    private NeighbourTables() {
    }

    /** Columns rank, id, distance. */
    public static Table of(List<Neighbor> neighbours) {
        return Table.create("neighbours", IntColumn.create("rank", IntStream.rangeClosed(1, neighbours.size()).toArray()),
                LongColumn.create("id", neighbours.stream().mapToLong(Neighbor::id).toArray()),
                DoubleColumn.create("distance", neighbours.stream().mapToDouble(Neighbor::distance).toArray()));
    }

    /**
     * Column rank, then {@code NAME id} and {@code NAME distance} for each entry in the map's
     * order; a shorter answer leaves its missing ranks empty.
     */
    public static Table of(Map<String, List<Neighbor>> byName) {
        int rows = byName.values().stream().mapToInt(List::size).max().orElse(0);
        Table t = Table.create("neighbours", IntColumn.create("rank", IntStream.rangeClosed(1, rows).toArray()));
        byName.forEach((name, hits) -> {
            LongColumn ids = LongColumn.create(name + " id");
            DoubleColumn distances = DoubleColumn.create(name + " distance");
            for (int i = 0; i < rows; i++) {
                if (i < hits.size()) {
                    ids.append(hits.get(i).id());
                    distances.append(hits.get(i).distance());
                } else {
                    ids.appendMissing();
                    distances.appendMissing();
                }
            }
            t.addColumns(ids, distances);
        });
        return t;
    }
}
