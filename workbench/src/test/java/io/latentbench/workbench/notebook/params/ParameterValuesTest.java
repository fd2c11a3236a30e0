package io.latentbench.workbench.notebook.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterValuesTest {

    @TempDir
    Path dir;

    @Test
    void infersTheTypeOfCommandLineValues() {
        assertThat(ParameterValues.infer("42")).isEqualTo(42L);
        assertThat(ParameterValues.infer("-7")).isEqualTo(-7L);
        // beyond 64 bits whole numbers stay exact, as Python's int does
        assertThat(ParameterValues.infer("99999999999999999999")).isEqualTo(new java.math.BigInteger("99999999999999999999"));
        assertThat(ParameterValues.infer("0.5")).isEqualTo(0.5);
        assertThat(ParameterValues.infer("1e3")).isEqualTo(1000.0);
        assertThat(ParameterValues.infer(".5")).isEqualTo(0.5);
        assertThat((Double) ParameterValues.infer("nan")).isNaN();
        assertThat(ParameterValues.infer("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ParameterValues.infer("true")).isEqualTo(true);
        assertThat(ParameterValues.infer("False")).isEqualTo(false);
        assertThat(ParameterValues.infer("null")).isNull();
        assertThat(ParameterValues.infer("None")).isNull();
        assertThat(ParameterValues.infer("cosine")).isEqualTo("cosine");
        assertThat(ParameterValues.infer("1.2.3")).isEqualTo("1.2.3");
        assertThat(ParameterValues.infer(" spaced ")).isEqualTo(" spaced ");
    }

    /** papermill's test_cli.py::test_resolve_type. */
    @Test
    void resolvesTypesAsPapermillDoes() {
        assertThat(ParameterValues.infer("True")).isEqualTo(true);
        assertThat(ParameterValues.infer("False")).isEqualTo(false);
        assertThat(ParameterValues.infer("None")).isNull();
        assertThat(ParameterValues.infer("12.51")).isEqualTo(12.51);
        assertThat(ParameterValues.infer("10")).isEqualTo(10L);
        assertThat(ParameterValues.infer("hello world")).isEqualTo("hello world");
        assertThat(ParameterValues.infer("\ud83d\ude0d")).isEqualTo("\ud83d\ude0d");
    }

    @Test
    void yamlIsReadAsPapermillsPyYamlReadsIt() throws Exception {
        Map<String, Object> values = ParameterValues.fromYaml("{a: .nan, b: .inf, c: -.inf, d: 123456789012345678901234567890,"
                + " e: 2024-01-02, f: 2024-01-02T03:04:05, g: yes, h: 1e-10, i: -42}", "-y");

        assertThat((Double) values.get("a")).isNaN();
        assertThat(values.get("b")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(values.get("c")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(values.get("d")).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        // papermill's NoDatesSafeLoader: dates stay text
        assertThat(values.get("e")).isEqualTo("2024-01-02");
        assertThat(values.get("f")).isEqualTo("2024-01-02T03:04:05");
        assertThat(values.get("g")).isEqualTo(true); // YAML 1.1, as PyYAML
        assertThat(values.get("h")).isEqualTo(1e-10);
        assertThat(values.get("i")).isEqualTo(-42L);
    }

    @Test
    void base64CarriesYaml() throws Exception {
        String encoded = java.util.Base64.getEncoder().encodeToString("{x: 1, msg: hi}".getBytes());
        assertThat(ParameterValues.fromBase64(encoded, "-b")).containsExactly(Map.entry("x", 1L), Map.entry("msg", "hi"));
        assertThatThrownBy(() -> ParameterValues.fromBase64("%%%", "-b '%%%'"))
                .isInstanceOf(ParameterFormatException.class).hasMessageContaining("-b '%%%' is not base64");
    }

    @Test
    void readsYamlMappingsWithNestedValues() throws Exception {
        Map<String, Object> values = ParameterValues.fromYaml("{dim: 256, alpha: 0.5, flag: true, none: null, "
                + "metrics: [cosine, euclidean], nested: {k: [1, 2.5]}}", "-y");
        assertThat(values.keySet()).containsExactly("dim", "alpha", "flag", "none", "metrics", "nested");
        assertThat(values.get("dim")).isEqualTo(256L);
        assertThat(values.get("alpha")).isEqualTo(0.5);
        assertThat(values.get("flag")).isEqualTo(true);
        assertThat(values.get("none")).isNull();
        assertThat(values.get("metrics")).isEqualTo(List.of("cosine", "euclidean"));
        assertThat(values.get("nested")).isEqualTo(Map.of("k", List.of(1L, 2.5)));
    }

    @Test
    void laterSourcesWinAndMoveToTheEnd() {
        ParameterValues values = new ParameterValues();
        values.putAll(Map.of("a", 1L));
        values.put("b", 2L);
        values.put("a", 3L);
        assertThat(values.asMap()).containsExactly(Map.entry("b", 2L), Map.entry("a", 3L));
    }

    @Test
    void unknownFormatsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> ParameterValues.fromYaml("[1, 2]", "-y '[1, 2]'"))
                .isInstanceOf(ParameterFormatException.class)
                .hasMessageContaining("must be a YAML mapping").hasMessageContaining("found a list");
        assertThatThrownBy(() -> ParameterValues.fromYaml("a: [1, 2", "-y"))
                .hasMessageContaining("-y is not valid YAML");
        Path text = Files.writeString(dir.resolve("params.txt"), "a: 1");
        assertThatThrownBy(() -> ParameterValues.fromFile(text))
                .hasMessageContaining("params.txt has an unknown format; expected .yaml, .yml or .json");
        assertThatThrownBy(() -> ParameterValues.fromFile(dir.resolve("missing.yaml")))
                .hasMessageContaining("missing.yaml does not exist");
        Path json = Files.writeString(dir.resolve("p.json"), "{\"a\": [1, null]}");
        assertThat(ParameterValues.fromFile(json)).containsExactly(Map.entry("a", Arrays.asList(1L, null)));
    }
}
