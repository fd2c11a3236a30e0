package io.latentbench.workbench.runreport;

import java.util.Map;
import java.util.stream.Collectors;

import io.latentbench.workbench.results.BenchmarkResult;

/** A row's parameters as a short label: {@code dim=256 k=10}, or the method's name when it has none. */
final class ParamLabels {

    private ParamLabels() {
    }

    static String of(BenchmarkResult r) {
        return r.params().isEmpty() ? r.name() : of(r.params());
    }

    static String of(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
