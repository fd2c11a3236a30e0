package io.latentbench.workbench.results;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;

/**
 * Tablesaw columns of one value per row, for the tables of results and of verdicts. A value
 * that does not exist (NaN, null) is a missing cell, so that Tablesaw's statistics skip it
 * instead of averaging NaN into everything.
 */
public final class Columns {

    private Columns() {}

    public static <T> StringColumn strings(String name, List<T> rows, Function<T, String> value) {
        StringColumn c = StringColumn.create(name);
        rows.forEach(r -> c.append(value.apply(r)));
        return c;
    }

    public static <T> DoubleColumn doubles(String name, List<T> rows, ToDoubleFunction<T> value) {
        DoubleColumn c = DoubleColumn.create(name);
        for (T r : rows) {
            double v = value.applyAsDouble(r);
            if (Double.isNaN(v)) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }
        return c;
    }

    public static <T> IntColumn ints(String name, List<T> rows, Function<T, Integer> value) {
        IntColumn c = IntColumn.create(name);
        for (T r : rows) {
            Integer v = value.apply(r);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }
        return c;
    }
}
