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

    /** One benchmark method and its declared parameter values, in declaration order. */
    public record Declared(Suite suite, String method, String mode, Map<String, List<String>> params) {
        public Declared {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    public Catalog {
        benchmarks = List.copyOf(benchmarks);
    }

    /** The benchmarks compiled into this class path. */
    public static Catalog load() {
        Map<String, Suite> byClass = new LinkedHashMap<>();
        for (Suite s : Suite.values()) {
            byClass.put(s.benchmarkClass(), s);
        }
        BenchmarkList list = BenchmarkList.defaultList();
        List<Declared> out = new ArrayList<>();
        for (BenchmarkListEntry e : list.getAll(
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT), List.of())) {
            Suite suite = byClass.get(e.getUserClassQName());
            if (suite == null) {
                continue;
            }
            String name = e.getUsername();
            Map<String, List<String>> params = new LinkedHashMap<>();
            org.openjdk.jmh.util.Optional<Map<String, String[]>> declared = e.getParams();
            if (declared.hasValue()) {
                declared.get().forEach((k, v) -> params.put(k, Arrays.asList(v)));
            }
            out.add(new Declared(suite, name.substring(name.lastIndexOf('.') + 1), e.getMode().shortLabel(), params));
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
}
