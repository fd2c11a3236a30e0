package io.latentbench.workbench.notebook.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated Java is checked as text and by evaluating it in JShell, as the kernel would. */
class JavaTranslatorTest {

    private static JShell jshell;

    @BeforeAll
    static void startJShell() {
        jshell = JShell.builder().executionEngine("local").build();
        jshell.eval("import java.util.*;");
    }

    @AfterAll
    static void stopJShell() {
        jshell.close();
    }

    /** Evaluates and returns the value's text; fails on any rejected snippet or exception. */
    private static String eval(String code) {
        String last = null;
        String remaining = code;
        while (!remaining.isBlank()) {
            var info = jshell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent event : jshell.eval(info.source())) {
                assertThat(event.status()).as("JShell status of %s: %s", info.source(),
                        jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; ")))
                        .isIn(Snippet.Status.VALID, Snippet.Status.OVERWRITTEN);
                assertThat(event.exception()).as("exception from %s", info.source()).isNull();
                if (event.value() != null) last = event.value();
            }
            remaining = info.remaining();
        }
        return last;
    }

    private static String translate(Map<String, Object> params, String defaults) throws ParameterFormatException {
        return new JavaTranslator().translate(params, defaults);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) map.put((String) kv[i], kv[i + 1]);
        return map;
    }

    @Test
    void scalarsBecomeTypedDeclarations() throws Exception {
        String source = translate(ordered("n", 256L, "big", 5_000_000_000L, "alpha", 0.25, "on", true,
                "name", "cosine", "nothing", null), "");
        assertThat(source).isEqualTo("""
                // Parameters
                int n = 256;
                long big = 5000000000L;
                double alpha = 0.25;
                boolean on = true;
                String name = "cosine";
                Object nothing = null;
                """);
        eval(source);
        assertThat(eval("((Object) n).getClass().getSimpleName() + ((Object) big).getClass().getSimpleName()"
                + " + ((Object) alpha).getClass().getSimpleName() + ((Object) on).getClass().getSimpleName()"))
                .isEqualTo("\"IntegerLongDoubleBoolean\"");
        assertThat(eval("nothing == null")).isEqualTo("true");
    }

    @Test
    void stringsAreEscapedSoTheValueSurvivesExactly() throws Exception {
        String tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 unicode é \u2028 end\\u0041";
        String source = translate(ordered("s", tricky), "");
        assertThat(source).contains("\\\"").contains("\\\\").contains("\\n").contains("\\007").doesNotContain("\n tab");
        eval(source);
        // Compare code points rather than trusting JShell's rendering of the value.
        String codePoints = eval("s.codePoints().mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(\",\"))");
        String want = tricky.codePoints().mapToObj(Integer::toString).collect(Collectors.joining(","));
        assertThat(codePoints).isEqualTo("\"" + want + "\"");
    }

    @Test
    void specialDoubles() throws Exception {
        String source = translate(ordered("a", Double.NaN, "b", Double.POSITIVE_INFINITY, "c", Double.NEGATIVE_INFINITY,
                "d", 1e-300, "e", -0.0), "");
        assertThat(source).contains("double a = Double.NaN;", "double b = Double.POSITIVE_INFINITY;",
                "double c = Double.NEGATIVE_INFINITY;", "double d = 1.0E-300;", "double e = -0.0;");
        eval(source);
        assertThat(eval("Double.isNaN(a) && b > 0 && Double.isInfinite(c) && d == 1e-300 && 1 / e < 0")).isEqualTo("true");
    }

    @Test
    void listsUseListOfWithTheNarrowestCommonElementType() throws Exception {
        String source = translate(ordered(
                "ks", List.of(10L, 100L),
                "mixed", List.of(1L, 2.5),
                "longs", List.of(1L, 5_000_000_000L),
                "names", List.of("a", "b"),
                "nested", List.of(List.of(1L), List.of(2L, 3L)),
                "anything", List.of(1L, "a", true),
                "empty", List.of(),
                "holes", Arrays.asList(1L, null)), "");
        assertThat(source).contains(
                "List<Integer> ks = List.of(10, 100);",
                "List<Double> mixed = List.of(1.0, 2.5);",
                "List<Long> longs = List.of(1L, 5000000000L);",
                "List<String> names = List.of(\"a\", \"b\");",
                "List<List<Integer>> nested = List.of(List.of(1), List.of(2, 3));",
                "List<Object> anything = List.of(1, \"a\", true);",
                "List<Object> empty = List.of();",
                "List<Integer> holes = java.util.Arrays.asList(1, null);");
        eval(source);
        assertThat(eval("ks.get(1) + mixed.get(0) + longs.get(1) + nested.get(1).get(1) + anything.size() + holes.size()"))
                .isEqualTo(Double.toString(100 + 1.0 + 5_000_000_000L + 3 + 3 + 2));
    }

    @Test
    void mapsUseMapOfAndMapOfEntriesBeyondTenPairs() throws Exception {
        Map<String, Object> eleven = new LinkedHashMap<>();
        IntStream.range(0, 11).forEach(i -> eleven.put("k" + i, (long) i));
        String source = translate(ordered("config", ordered("dim", 256L, "metric", "cosine"),
                "weights", ordered("a", 0.5, "b", 1L), "many", eleven), "");
        assertThat(source).contains(
                "Map<String, Object> config = Map.of(\"dim\", 256, \"metric\", \"cosine\");",
                "Map<String, Double> weights = Map.of(\"a\", 0.5, \"b\", 1.0);",
                "Map<String, Integer> many = Map.ofEntries(Map.entry(\"k0\", 0), ");
        eval(source);
        assertThat(eval("config.get(\"dim\") + \"/\" + weights.get(\"b\") + \"/\" + many.get(\"k10\")")).isEqualTo("\"256/1.0/10\"");
    }

    @Test
    void declaredTypesOfTheParametersCellWinWhenTheValueFits() throws Exception {
        String defaults = """
                double alpha = 0.5;
                long seed = 42L;
                float scale = 1f;
                final List<Double> weights = List.of(0.5);
                int dim = 128; // a value that does not fit keeps its own type
                var label = "x";
                """;
        String source = translate(ordered("alpha", 2L, "seed", 7L, "scale", 0.5, "weights", List.of(1L, 2L),
                "dim", "not a number", "label", 3L), defaults);
        assertThat(source).contains("double alpha = 2.0;", "long seed = 7L;", "float scale = 0.5f;",
                "List<Double> weights = List.of(1.0, 2.0);", "String dim = \"not a number\";", "int label = 3;");
        eval(source);
        assertThat(eval("alpha / 4 + seed + scale + weights.get(1)")).isEqualTo("10.0");
    }

    @Test
    void aStringParameterTypedOnTheCommandLineStaysTheTextItWasTypedAs() throws Exception {
        // Commits such as 744e957 (a double: infinity) or 1234567 (an int) are text to a String parameter.
        ParameterValues typed = new ParameterValues();
        typed.putTyped("against", "744e957");
        typed.putTyped("label", "1234567");
        typed.putTyped("forks", "5");
        typed.putTyped("ratio", "744e957");
        String defaults = """
                String against = "";
                String label = "x";
                int forks = 3;
                """;
        JavaTranslator java = new JavaTranslator();
        String source = java.translate(java.values(typed, defaults), defaults);
        assertThat(source).contains("String against = \"744e957\";", "String label = \"1234567\";", "int forks = 5;",
                "double ratio = Double.POSITIVE_INFINITY;");
        eval(source);
        assertThat(eval("against.length() + label.length() + forks")).isEqualTo("19");
    }

    @Test
    void aNumberFromAParametersFileStaysANumberAndRawTextReplacesTypedText() throws Exception {
        // -y 'label: 12' said a number; only -p leaves the reading to the declaration.
        JavaTranslator java = new JavaTranslator();
        assertThat(java.values(ParameterValues.of(Map.of("label", 12L)), "String label = \"x\";"))
                .containsEntry("label", 12L);
        ParameterValues values = new ParameterValues();
        values.putTyped("label", "12");
        values.put("label", "0x0c"); // -r after -p: the later source wins, text and all
        assertThat(values.typedText("label")).isEmpty();
        assertThat(java.values(values, "String label = \"x\";")).containsEntry("label", "0x0c");
    }

    @Test
    void badNamesAndNullMapValuesAreClearErrors() {
        assertThatThrownBy(() -> translate(ordered("class", 1L), ""))
                .isInstanceOf(ParameterFormatException.class).hasMessageContaining("'class' is not a valid Java identifier");
        assertThatThrownBy(() -> translate(ordered("my-dim", 1L), ""))
                .hasMessageContaining("'my-dim' is not a valid Java identifier");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> translate(ordered("m", withNull), ""))
                .hasMessageContaining("parameter 'm': key 'a' is null");
    }

    @Test
    void unknownLanguagesHaveNoTranslator() {
        assertThatThrownBy(() -> ParameterTranslator.forLanguage("ruby"))
                .isInstanceOf(ParameterFormatException.class)
                .hasMessageContaining("'ruby'").hasMessageContaining("java, python");
        assertThat(List.of("java", "Java", "python", "python3")).allSatisfy(l ->
                assertThat(ParameterTranslator.forLanguage(l)).isNotNull());
    }
}
