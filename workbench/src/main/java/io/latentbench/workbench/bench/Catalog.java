package io.latentbench.workbench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark methods of our suites as JMH's annotation processor recorded them
 * (META-INF/BenchmarkList), with the values each declares for its parameters: the source of
 * truth for the full matrix.
 */
public record Catalog(List<Declared> benchmarks) {

    /**
     * One benchmark method, the JMH class declaring it and its declared parameter values, in
     * declaration order.
     */
    public record Declared(Suite suite, String benchmarkClass, String method, String mode,
            Map<String, List<String>> params) {
        public Declared {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** A method of a suite of one class, which is its class. */
        public Declared(Suite suite, String method, String mode, Map<String, List<String>> params) {
            this(suite, suite.benchmarkClass(), method, mode, params);
        }
    }

    public Catalog {
        benchmarks = List.copyOf(benchmarks);
    }

    /** The benchmarks compiled into this class path. */
    public static Catalog load() {
        BenchmarkList list = BenchmarkList.defaultList();
        List<Declared> out = new ArrayList<>();
        for (BenchmarkListEntry e : list.getAll(
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT), List.of())) {
            Optional<Suite> suite = Arrays.stream(Suite.values())
                    .filter(s -> s.implementedBy(e.getUserClassQName())).findFirst();
            if (suite.isEmpty()) {
                continue;
            }
            String name = e.getUsername();
            Map<String, List<String>> params = new LinkedHashMap<>();
            org.openjdk.jmh.util.Optional<Map<String, String[]>> declared = e.getParams();
            if (declared.hasValue()) {
                declared.get().forEach((k, v) -> params.put(k, Arrays.asList(v)));
            }
            out.add(new Declared(suite.get(), e.getUserClassQName(), name.substring(name.lastIndexOf('.') + 1),
                    e.getMode().shortLabel(), params));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no latentbench benchmarks found on the class path (META-INF/BenchmarkList);"
                    + " the workbench must be compiled with JMH's annotation processor");
        }
        return new Catalog(out);
    }

    public Optional<Declared> find(Suite suite, String method) {
        return benchmarks.stream().filter(d -> d.suite() == suite && d.method().equals(method)).findFirst();
    }

    /**
     * The JMH class declaring a method of a suite: the suite's one class, or for a suite split by
     * family the class the compiled benchmarks record for the method.
     */
    public static String benchmarkClass(Suite suite, String method) {
        if (!suite.byFamily()) {
            return suite.benchmarkClass();
        }
        return Compiled.CATALOG.find(suite, method).map(Declared::benchmarkClass)
                .orElseThrow(() -> new IllegalArgumentException("the " + suite.label() + " suite has no benchmark '"
                        + method + "'; it has " + Compiled.CATALOG.benchmarks().stream().filter(d -> d.suite() == suite)
                                .map(Declared::method).sorted().toList()));
    }

    /** The compiled benchmarks, read once when a method's class is first asked for. */
    private static final class Compiled {
        static final Catalog CATALOG = load();
    }
}
