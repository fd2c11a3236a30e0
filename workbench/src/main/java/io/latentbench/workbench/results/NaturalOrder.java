package io.latentbench.workbench.results;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;

/**
 * The order rows are listed in: by suite, benchmark, then parameters, comparing numeric
 * values as numbers so that {@code k=10} comes before {@code k=100}.
 */
public final class NaturalOrder {

    private NaturalOrder() {}

    public static final Comparator<BenchmarkResult> RESULTS = (a, b) -> compare(
            a.suite(), a.name(), a.params(), b.suite(), b.name(), b.params());

    public static int compare(String suiteA, String nameA, SortedMap<String, String> paramsA,
            String suiteB, String nameB, SortedMap<String, String> paramsB) {
        int c = suiteA.compareTo(suiteB);
        if (c != 0) {
            return c;
        }
        c = nameA.compareTo(nameB);
        return c != 0 ? c : compareParams(paramsA, paramsB);
    }

    public static int compareParams(SortedMap<String, String> a, SortedMap<String, String> b) {
        Iterator<Map.Entry<String, String>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, String>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, String> ea = ia.next();
            Map.Entry<String, String> eb = ib.next();
            int c = ea.getKey().compareTo(eb.getKey());
            if (c != 0) {
                return c;
            }
            c = compareValues(ea.getValue(), eb.getValue());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    public static int compareValues(String a, String b) {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
