package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.notebook.params.ParameterTranslator;
import io.latentbench.workbench.notebook.params.ParameterValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterizerTest {

    private static List<String> tagsOf(NotebookDocument nb) {
        List<String> tags = new ArrayList<>();
        nb.cells().forEach(c -> tags.add(c.path("metadata").path("tags").path(0).asText("-")));
        return tags;
    }

    @Test
    void injectsRightAfterTheParametersCellAndRecordsTheValues() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().markdown("# t").parameters("x = 1").code("print(x)").json(), "t");
        List<String> warnings = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", 5L);
        params.put("s", "a");
        Parameterizer.parameterize(nb, ParameterValues.of(params), ParameterTranslator.forLanguage("python"), warnings::add);

        assertThat(tagsOf(nb)).containsExactly("-", "parameters", "injected-parameters", "-");
        assertThat(nb.cells().get(2).path("source").asText()).isEqualTo("# Parameters\nx = 5\ns = \"a\"\n");
        assertThat(nb.metadata().path("papermill").path("parameters"))
                .isEqualTo(NotebookDocument.JSON.createObjectNode().put("x", 5L).put("s", "a"));
        assertThat(warnings).isEmpty();
    }

    /** papermill's test_parameterize.py: test_no_tag_copying, test_repeated_run_injected_parameters_tag, test_repeated_run_no_parameters_tag. */
    @Test
    void theInjectedCellHasOnlyItsOwnTagAndRepeatedRunsKeepOne() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().code("x = 1", "some tag", "parameters").code("print(x)").json(), "t");
        for (long run = 1; run <= 3; run++) {
            Parameterizer.parameterize(nb, ParameterValues.of(Map.of("x", run)), ParameterTranslator.forLanguage("python"), w -> {});
        }
        List<String> injected = new ArrayList<>();
        nb.cells().get(1).path("metadata").path("tags").forEach(t -> injected.add(t.asText()));
        assertThat(injected).containsExactly("injected-parameters");
        assertThat(nb.cells()).filteredOn(c -> NotebookDocument.hasTag(c, "injected-parameters")).hasSize(1);
        assertThat(nb.cells().get(1).path("source").asText()).isEqualTo("# Parameters\nx = 3\n");

        NotebookDocument untagged = NotebookDocument.parse(TestNotebooks.python().code("print(x)").json(), "t");
        for (long run = 1; run <= 2; run++) {
            Parameterizer.parameterize(untagged, ParameterValues.of(Map.of("x", run)), ParameterTranslator.forLanguage("python"), w -> {});
        }
        assertThat(tagsOf(untagged)).containsExactly("injected-parameters", "-");
    }

    @Test
    void replacesAnEarlierInjectedCell() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().parameters("x = 1").code("x = 2", "injected-parameters")
                .code("print(x)").json(), "t");
        Parameterizer.parameterize(nb, ParameterValues.of(Map.of("x", 7L)), ParameterTranslator.forLanguage("python"), w -> {});
        assertThat(tagsOf(nb)).containsExactly("parameters", "injected-parameters", "-");
        assertThat(nb.cells().get(1).path("source").asText()).contains("x = 7");
    }

    @Test
    void withoutAParametersCellInjectsAtTheTopAndWarns() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().markdown("# t").code("print(x)").json(), "t");
        List<String> warnings = new ArrayList<>();
        Parameterizer.parameterize(nb, ParameterValues.of(Map.of("x", 1L)), ParameterTranslator.forLanguage("python"), warnings::add);
        assertThat(tagsOf(nb)).containsExactly("injected-parameters", "-", "-");
        assertThat(warnings).singleElement().asString().contains("no cell tagged 'parameters'");
    }

    @Test
    void noParametersKeepAnEarlierInjectedCellAndItsRecord() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.python().parameters("x = 1").json(), "t");
        Parameterizer.parameterize(nb, ParameterValues.of(Map.of("x", 2L)), ParameterTranslator.forLanguage("python"), w -> {});
        Parameterizer.parameterize(nb, ParameterValues.of(Map.of()), null, w -> {});
        assertThat(tagsOf(nb)).containsExactly("parameters", "injected-parameters");
        assertThat(nb.metadata().path("papermill").path("parameters").path("x").asLong()).isEqualTo(2L);
    }

    @Test
    void noParametersLeavesTheCellsAlone() throws Exception {
        String json = TestNotebooks.python().parameters("x = 1").code("print(x)").json();
        NotebookDocument nb = NotebookDocument.parse(json, "t");
        Parameterizer.parameterize(nb, ParameterValues.of(Map.of()), null, w -> {});
        assertThat(tagsOf(nb)).containsExactly("parameters", "-");
        assertThat(nb.metadata().path("papermill").path("parameters").isEmpty()).isTrue();
    }

    @Test
    void javaValuesFollowTheTypesDeclaredInTheParametersCell() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.forKernel("latentbench", "java")
                .parameters("double alpha = 0.5;\nint dim = 128;").json(), "t");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("alpha", 1L);
        params.put("dim", 256L);
        Parameterizer.parameterize(nb, ParameterValues.of(params), ParameterTranslator.forLanguage("java"), w -> {});
        assertThat(nb.cells().get(1).path("source").asText())
                .isEqualTo("// Parameters\ndouble alpha = 1.0;\nint dim = 256;\n");
    }

    @Test
    void theMetadataRecordsTheValuesAsInjected() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.forKernel("latentbench", "java")
                .parameters("String against = \"\";").json(), "t");
        ParameterValues typed = new ParameterValues();
        typed.putTyped("against", "744e957");
        typed.putTyped("forks", "5");
        Parameterizer.parameterize(nb, typed, ParameterTranslator.forLanguage("java"), w -> {});
        assertThat(nb.cells().get(1).path("source").asText())
                .isEqualTo("// Parameters\nString against = \"744e957\";\nint forks = 5;\n");
        JsonNode recorded = nb.metadata().path("papermill").path("parameters");
        assertThat(recorded.path("against").isTextual()).isTrue();
        assertThat(recorded.path("against").asText()).isEqualTo("744e957");
        assertThat(recorded.path("forks").asLong()).isEqualTo(5);
    }
}
