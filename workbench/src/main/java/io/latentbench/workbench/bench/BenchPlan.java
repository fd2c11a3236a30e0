package io.latentbench.workbench.bench;

import io.latentbench.workbench.results.NaturalOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The points to measure: the declared matrix of the chosen suites, narrowed by a profile,
 * with parameters overridden by the user, sorted, and cut to one shard.
 *
 * @param points     what this plan (this shard) runs, in order
 * @param totalSize  the number of points of the unsharded plan
 */
public record BenchPlan(Profile profile, Shard shard, List<BenchPoint> points, int totalSize) {

    public BenchPlan {
        points = List.copyOf(points);
    }

    /**
     * @param selection  suites to run, each with the methods to run (empty: all of the suite's
     *                   that the profile runs); an empty selection means the profile's suites
     * @param overrides  parameter name to the values to use wherever a selected benchmark has it
     */
    public static BenchPlan create(Catalog catalog, Profile profile, Map<Suite, Set<String>> selection,
            Map<String, List<String>> overrides, Shard shard) {
        return create(catalog, profile, selection, overrides, point -> true, shard);
    }

    /**
     * As {@link #create(Catalog, Profile, Map, Map, Shard)}, keeping only the points that pass
     * {@code filter} (JMH's include and exclude patterns) before the plan is cut into shards.
     */
    public static BenchPlan create(Catalog catalog, Profile profile, Map<Suite, Set<String>> selection,
            Map<String, List<String>> overrides, java.util.function.Predicate<BenchPoint> filter, Shard shard) {
        for (Map.Entry<Suite, Set<String>> e : selection.entrySet()) {
            for (String method : e.getValue()) {
                if (catalog.find(e.getKey(), method).isEmpty()) {
                    throw new IllegalArgumentException("suite " + e.getKey().label() + " has no benchmark '" + method
                            + "'; it has " + catalog.benchmarks().stream().filter(d -> d.suite() == e.getKey())
                                    .map(Catalog.Declared::method).sorted().collect(Collectors.joining(", ")));
                }
            }
        }
        List<Catalog.Declared> selected = catalog.benchmarks().stream()
                .filter(d -> selection.isEmpty() ? profile.suites().contains(d.suite()) : selection.containsKey(d.suite()))
                .filter(d -> {
                    Set<String> methods = selection.getOrDefault(d.suite(), Set.of());
                    return methods.isEmpty() ? profile.includesMethod(d.suite(), d.method()) : methods.contains(d.method());
                })
                .toList();
        checkOverrides(selected, overrides);

        List<BenchPoint> all = new ArrayList<>();
        for (Catalog.Declared d : selected) {
            Map<String, List<String>> axes = new LinkedHashMap<>();
            d.params().forEach((name, declared) -> {
                List<String> values = overrides.containsKey(name) ? overrides.get(name)
                        : profile.restriction(d.suite(), name) != null ? profile.restriction(d.suite(), name)
                        : declared;
                axes.put(name, values);
            });
            for (Map<String, String> combination : cartesian(axes)) {
                all.add(new BenchPoint(d.suite(), d.method(), d.mode(), new TreeMap<>(combination)));
            }
        }
        all.removeIf(filter.negate());
        all.sort((a, b) -> NaturalOrder.compare(a.suite().label(), a.method(), a.params(),
                b.suite().label(), b.method(), b.params()));
        List<BenchPoint> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (shard.contains(i)) {
                mine.add(all.get(i));
            }
        }
        return new BenchPlan(profile, shard, mine, all.size());
    }

    private static void checkOverrides(List<Catalog.Declared> selected, Map<String, List<String>> overrides) {
        for (Map.Entry<String, List<String>> o : overrides.entrySet()) {
            String name = o.getKey();
            if (o.getValue().isEmpty()) {
                throw new IllegalArgumentException("--param " + name + "= has no values; expected " + name + "=v1,v2");
            }
            List<Catalog.Declared> having = selected.stream().filter(d -> d.params().containsKey(name)).toList();
            if (having.isEmpty()) {
                TreeSet<String> known = new TreeSet<>();
                selected.forEach(d -> known.addAll(d.params().keySet()));
                throw new IllegalArgumentException("--param " + name + ": no selected benchmark has a parameter '"
                        + name + "'; the selected suites have " + String.join(", ", known));
            }
            for (String v : o.getValue()) {
                checkLabel(name, v, having);
            }
            for (Catalog.Declared d : having) {
                List<String> declared = d.params().get(name);
                boolean integral = declared.stream().allMatch(v -> v.matches("-?\\d+"));
                if (integral) {
                    for (String v : o.getValue()) {
                        if (!v.matches("-?\\d+")) {
                            throw new IllegalArgumentException("--param " + name + "=" + v + ": expected whole numbers, as "
                                    + d.suite().label() + "." + d.method() + " declares " + name + " = "
                                    + String.join(",", declared));
                        }
                    }
                }
            }
        }
    }

    /**
     * Labels the engine parses are checked here, so a typo is an error before any JVM forks;
     * an implementation outside the declared ones has no code to run.
     */
    private static void checkLabel(String name, String value, List<Catalog.Declared> having) {
        try {
            switch (name) {
                case "type" -> io.latentbench.engine.AttentionType.parse(value);
                case "metric" -> io.latentbench.engine.DistanceMetric.parse(value);
                case "impl" -> {
                    Set<String> known = new TreeSet<>();
                    having.forEach(d -> known.addAll(d.params().get(name)));
                    if (!known.contains(value)) {
                        throw new IllegalArgumentException("expected one of " + String.join(", ", known));
                    }
                }
                default -> {
                    // other parameters are numbers, checked against the declared values' kind
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--param " + name + "=" + value + ": " + e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> cartesian(Map<String, List<String>> axes) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : new LinkedHashSet<>(axis.getValue())) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Parses the suite selection of the command line: {@code latency} (the whole suite) or
     * {@code latency.knn} (one benchmark of it), repeatable.
     */
    public static Map<Suite, Set<String>> parseSelection(Collection<String> specs) {
        Map<Suite, Set<String>> methods = new LinkedHashMap<>();
        Set<Suite> whole = new LinkedHashSet<>();
        for (String spec : specs) {
            int dot = spec.indexOf('.');
            Suite suite = Suite.parse(dot < 0 ? spec : spec.substring(0, dot));
            Set<String> m = methods.computeIfAbsent(suite, s -> new LinkedHashSet<>());
            if (dot < 0) {
                whole.add(suite);
            } else {
                m.add(spec.substring(dot + 1).trim());
            }
        }
        // A suite named whole runs whole, whatever single benchmarks of it were also named.
        methods.replaceAll((suite, m) -> whole.contains(suite) ? Set.of() : Set.copyOf(m));
        return methods;
    }

    /** Parses {@code name=v1,v2} as given to {@code --param}. */
    public static Map.Entry<String, List<String>> parseParam(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--param '" + text + "' is not of the form name=v1,v2");
        }
        String name = text.substring(0, eq).trim();
        List<String> values = List.of(text.substring(eq + 1).split(",")).stream()
                .map(String::trim).filter(v -> !v.isEmpty()).distinct().collect(Collectors.toList());
        return Map.entry(name, values);
    }
}
