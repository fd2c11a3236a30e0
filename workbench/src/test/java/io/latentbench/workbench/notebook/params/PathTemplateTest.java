package io.latentbench.workbench.notebook.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** papermill's test_parameterize.py::TestPathParameterizing, on PathTemplate. */
class PathTemplateTest {

    private static String format(String path, Map<String, Object> parameters) throws ParameterFormatException {
        return PathTemplate.format(path, parameters);
    }

    @Test
    @DisplayName("test_plain_text_path_with_empty_parameters_object, _with_unused_parameters")
    void plainPaths() throws Exception {
        assertThat(format("foo/bar", Map.of())).isEqualTo("foo/bar");
        assertThat(format("foo/bar", Map.of("baz", "quux"))).isEqualTo("foo/bar");
    }

    @Test
    @DisplayName("test_path_with_single_parameter, _boolean_, _none_, _numeric_, _multiple_parameter")
    void scalarParameters() throws Exception {
        assertThat(format("foo/bar/{baz}", Map.of("baz", "quux"))).isEqualTo("foo/bar/quux");
        assertThat(format("foo/bar/{baz}", Map.of("baz", false))).isEqualTo("foo/bar/False");
        assertThat(format("foo/bar/{baz}", new java.util.HashMap<>(Map.of()) {{ put("baz", null); }})).isEqualTo("foo/bar/None");
        assertThat(format("foo/bar/{baz}", Map.of("baz", 42L))).isEqualTo("foo/bar/42");
        assertThat(format("{foo}/{baz}", Map.of("foo", "bar", "baz", "quux"))).isEqualTo("bar/quux");
    }

    @Test
    @DisplayName("test_path_with_dict_parameter, test_path_with_list_parameter")
    void indexedParameters() throws Exception {
        assertThat(format("foo/{bar[baz]}/", Map.of("bar", Map.of("baz", "quux")))).isEqualTo("foo/quux/");
        assertThat(format("foo/{bar[0]}/", Map.of("bar", List.of(1L, 2L, 3L)))).isEqualTo("foo/1/");
        assertThat(format("foo/{bar[2]}/", Map.of("bar", List.of(1L, 2L, 3L)))).isEqualTo("foo/3/");
    }

    @Test
    @DisplayName("test_path_with_numeric_format_string, test_path_with_float_format_string")
    void formatSpecs() throws Exception {
        assertThat(format("foo/bar/{baz:03d}", Map.of("baz", 42L))).isEqualTo("foo/bar/042");
        assertThat(format("foo/bar/{baz:.03f}", Map.of("baz", 0.3))).isEqualTo("foo/bar/0.300");
        // and the rest of Python's mini-language that paths use
        assertThat(format("{n:>5}|{n:<5}|{n:^5}|{n:+d}|{n:x}|{big:,}", Map.of("n", 42L, "big", new BigInteger("1234567"))))
                .isEqualTo("   42|42   | 42  |+42|2a|1,234,567");
        assertThat(format("{x}|{x:.2e}|{x:g}|{s:.2}|{{literal}}", Map.of("x", 1e-10, "s", "abc")))
                .isEqualTo("1e-10|1.00e-10|1e-10|ab|{literal}");
        assertThat(format("{d:%Y-%m-%d}", Map.of("d", ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))))
                .isEqualTo("2024-01-02");
    }

    @Test
    @DisplayName("test_parameterized_path_with_undefined_parameter, _with_none_parameters")
    void missingParameters() {
        assertThatThrownBy(() -> format("foo/bar/{foo}", Map.of("bar", "baz")))
                .isInstanceOf(ParameterFormatException.class).hasMessageStartingWith("Missing parameter 'foo'");
        assertThatThrownBy(() -> format("foo/bar/{foo}", Map.of())).hasMessageStartingWith("Missing parameter 'foo'");
        assertThatThrownBy(() -> format("foo/{bar[9]}", Map.of("bar", Arrays.asList(1L))))
                .hasMessageStartingWith("Missing parameter 'bar[9]'");
        assertThatThrownBy(() -> format("foo/{bar", Map.of("bar", 1L))).hasMessageContaining("never closed");
        assertThatThrownBy(() -> format("{n:d}", Map.of("n", "text"))).hasMessageContaining("does not apply");
    }
}
