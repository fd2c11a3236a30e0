package io.latentbench.workbench.notebook.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.notebook.Nbformat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PythonTranslatorTest {

    private static String python(Map<String, Object> params) throws ParameterFormatException {
        return new PythonTranslator().translate(params, "");
    }

    @Test
    void aValueTypedOnTheCommandLineIsWhatItReadsAsAsWithPapermill() throws Exception {
        ParameterValues typed = new ParameterValues();
        typed.putTyped("against", "744e957");
        typed.putTyped("n", "1234567");
        PythonTranslator python = new PythonTranslator();
        assertThat(python.translate(python.values(typed, "against = ''\n"), "against = ''\n"))
                .isEqualTo("# Parameters\nagainst = float('inf')\nn = 1234567\n");
    }

    @Test
    void writesPythonLiteralsThatPythonReadsBackAsTheSameValues() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("n", 3L);
        params.put("x", 0.5);
        params.put("nan", Double.NaN);
        params.put("flag", false);
        params.put("nothing", null);
        params.put("s", "q\"uote\\ \n\t\u0001 é");
        params.put("xs", Arrays.asList(1L, "a", null));
        params.put("m", Map.of("k", List.of(true)));
        String source = python(params);
        assertThat(source).startsWith("# Parameters\nn = 3\nx = 0.5\nnan = float('nan')\nflag = False\nnothing = None\n");

        String check = source + """
                import math
                assert type(n) is int and n == 3
                assert x == 0.5 and math.isnan(nan) and flag is False and nothing is None
                assert s == 'q"uote\\\\ \\n\\t\\x01 \\u00e9', repr(s)
                assert xs == [1, 'a', None] and m == {'k': [True]}
                print('ok')
                """;
        Process p = new ProcessBuilder(Nbformat.PYTHON, "-c", check).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(source).isEqualTo("ok\n");
    }

    @Test
    void rejectsNamesPythonCannotAssign() {
        assertThatThrownBy(() -> python(Map.of("lambda", 1L)))
                .isInstanceOf(ParameterFormatException.class).hasMessageContaining("'lambda'");
        assertThatThrownBy(() -> python(Map.of("2x", 1L)))
                .hasMessageContaining("'2x' is not a valid Python identifier");
    }

    /** papermill's test_translators.py::test_translate_type_python, case by case. */
    @Test
    void translatesEachTypeAsPapermillDoes() {
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put("foo", "\"foo\"");
        cases.put("{\"foo\": \"bar\"}", "\"{\\\"foo\\\": \\\"bar\\\"}\"");
        cases.put(Map.of("foo", "bar"), "{\"foo\": \"bar\"}");
        cases.put(Map.of("foo", "\"bar\""), "{\"foo\": \"\\\"bar\\\"\"}");
        cases.put(Map.of("foo", List.of("bar")), "{\"foo\": [\"bar\"]}");
        cases.put(Map.of("foo", Map.of("bar", "baz")), "{\"foo\": {\"bar\": \"baz\"}}");
        cases.put(List.of("foo"), "[\"foo\"]");
        cases.put(List.of("foo", "\"bar\""), "[\"foo\", \"\\\"bar\\\"\"]");
        cases.put(List.of(Map.of("foo", "bar")), "[{\"foo\": \"bar\"}]");
        cases.put(12345L, "12345");
        cases.put(-54321L, "-54321");
        cases.put(1.2345, "1.2345");
        cases.put(-5432.1, "-5432.1");
        cases.put(Double.NaN, "float('nan')");
        cases.put(Double.NEGATIVE_INFINITY, "float('-inf')");
        cases.put(Double.POSITIVE_INFINITY, "float('inf')");
        cases.put(true, "True");
        cases.put(false, "False");
        cases.forEach((value, expected) -> assertThat(PythonTranslator.literal(value)).as("%s", value).isEqualTo(expected));
        assertThat(PythonTranslator.literal(null)).isEqualTo("None");
    }

    @Test
    void floatsInPythonsReprNotationAndTextEscapedAsUnicodeEscape() {
        assertThat(List.of(1e-10, 1e16, 1.5e300, 0.0001, 1e-5, 123456789012345.0, 0.1, -0.0, 100.0).stream()
                .map(PythonTranslator::literal).toList())
                .containsExactly("1e-10", "1e+16", "1.5e+300", "0.0001", "1e-05", "123456789012345.0", "0.1", "-0.0", "100.0");
        assertThat(PythonTranslator.literal(new java.math.BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(PythonTranslator.literal("é ✓ \ud83d\ude00 \u007f'")).isEqualTo("\"\\xe9 \\u2713 \\U0001f600 \\x7f'\"");
    }

    /** papermill's test_translate_codify_python. */
    @Test
    void codifiesParametersAsPapermillDoes() throws Exception {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("foo", "bar");
        ordered.put("baz", List.of("buz"));
        assertThat(python(ordered)).isEqualTo("# Parameters\nfoo = \"bar\"\nbaz = [\"buz\"]\n");
        assertThat(python(Map.of("foo", "bar"))).isEqualTo("# Parameters\nfoo = \"bar\"\n");
        assertThat(python(Map.of("foo", true))).isEqualTo("# Parameters\nfoo = True\n");
        assertThat(python(Map.of("foo", 5L))).isEqualTo("# Parameters\nfoo = 5\n");
        assertThat(python(Map.of("foo", 1.1))).isEqualTo("# Parameters\nfoo = 1.1\n");
        assertThat(python(Map.of("foo", List.of("bar", "baz"))))
                .isEqualTo("# Parameters\nfoo = [\"bar\", \"baz\"]\n");
        assertThat(python(Map.of("foo", Map.of("bar", "baz"))))
                .isEqualTo("# Parameters\nfoo = {\"bar\": \"baz\"}\n");
    }
}
