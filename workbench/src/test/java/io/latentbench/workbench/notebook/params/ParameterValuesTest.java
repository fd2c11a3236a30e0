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
        assertThat(ParameterValues.infer("99999999999999999999")).isEqualTo(1e20);
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

    @Test
    void readsYamlMappingsWithNestedValues() throws Exception {
        Map<String, Object> values = ParameterValues.fromYaml("{dim: 256, alpha: 0.5, on: true, none: null, "
                + "metrics: [cosine, euclidean], nested: {k: [1, 2.5]}}", "-y");
        assertThat(values.keySet()).containsExactly("dim", "alpha", "on", "none", "metrics", "nested");
        assertThat(values.get("dim")).isEqualTo(256L);
        assertThat(values.get("alpha")).isEqualTo(0.5);
        assertThat(values.get("on")).isEqualTo(true);
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
                .hasMessageContaining("must be a YAML mapping").hasMessageContaining("found a array");
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
