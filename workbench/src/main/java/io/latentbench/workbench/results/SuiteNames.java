package io.latentbench.workbench.results;

import java.util.Locale;

/**
 * Maps a JMH benchmark class to the suite name rows are keyed by, so that a raw JMH file of
 * our own benchmarks and the results.json written from it give the same keys.
 *
 * <p>Our suites live in {@value #SUITES_PACKAGE} and are named {@code <Suite>Benchmarks}:
 * {@code AttentionComparisonBenchmarks} is the suite {@code attention_comparison}. Any other
 * class (another project's JMH file) keeps its fully qualified name as its suite.
 */
public final class SuiteNames {

    public static final String SUITES_PACKAGE = "io.latentbench.workbench.bench.suites";
    static final String CLASS_SUFFIX = "Benchmarks";

    private SuiteNames() {}

    /** The suite of a JMH class name such as {@code io.latentbench.workbench.bench.suites.PeersBenchmarks}. */
    public static String ofBenchmarkClass(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        String simple = className.substring(dot + 1);
        if (pkg.equals(SUITES_PACKAGE) && simple.endsWith(CLASS_SUFFIX) && simple.length() > CLASS_SUFFIX.length()) {
            return snakeCase(simple.substring(0, simple.length() - CLASS_SUFFIX.length()));
        }
        return className;
    }

    /** The class a suite of ours is implemented by, the inverse of {@link #ofBenchmarkClass}. */
    public static String benchmarkClassOf(String suite) {
        StringBuilder b = new StringBuilder(SUITES_PACKAGE).append('.');
        for (String part : suite.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.append(CLASS_SUFFIX).toString();
    }

    static String snakeCase(String camel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append('_');
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
