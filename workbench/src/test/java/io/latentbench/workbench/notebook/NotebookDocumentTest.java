package io.latentbench.workbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookDocumentTest {

    @TempDir
    Path dir;

    @Test
    void malformedJsonNamesTheFileAndThePosition() {
        assertThatThrownBy(() -> NotebookDocument.parse("{\"cells\": [\n  {,}", "broken.ipynb"))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageContaining("broken.ipynb is not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void rejectsOtherNbformatVersionsAndNonNotebooks() {
        assertThatThrownBy(() -> NotebookDocument.parse("{\"nbformat\": 3, \"worksheets\": []}", "old.ipynb"))
                .hasMessageContaining("\"nbformat\" is 3, expected 4");
        assertThatThrownBy(() -> NotebookDocument.parse("[1, 2]", "list.ipynb"))
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> NotebookDocument.parse("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"weird\"}]}", "c.ipynb"))
                .hasMessageContaining("cell 0 has cell_type 'weird'");
    }

    @Test
    void missingFileIsAFormatErrorNamingIt() {
        Path missing = dir.resolve("nope.ipynb");
        assertThatThrownBy(() -> NotebookDocument.read(missing)).hasMessageContaining(missing + " does not exist");
    }

    @Test
    void writesTextAsLinesAndReadsItBackJoined() throws Exception {
        NotebookDocument notebook = NotebookDocument.parse(TestNotebooks.python().code("a = 1\nb = 2\n").markdown("# T\nx").json(), "t");
        String json = notebook.toJson();
        JsonNode tree = NotebookDocument.JSON.readTree(json);
        assertThat(tree.path("cells").get(0).path("source")).hasSize(2);
        assertThat(tree.path("cells").get(0).path("source").get(0).asText()).isEqualTo("a = 1\n");
        assertThat(json).startsWith("{\n \"cells\": [\n  {\n").endsWith("}\n");

        Path file = dir.resolve("round.ipynb");
        notebook.write(file);
        NotebookDocument again = NotebookDocument.read(file);
        assertThat(again.cells().get(0).path("source").asText()).isEqualTo("a = 1\nb = 2\n");
        assertThat(again.toJson()).isEqualTo(json);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("round.ipynb");
        Nbformat.assertValid(file);
    }

    @Test
    void olderMinorVersionsGetNoCellIdsAndNewerOnesAlwaysDo() throws Exception {
        String v44 = "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"1\", \"outputs\": [], \"execution_count\": null}]}";
        NotebookDocument old = NotebookDocument.parse(v44, "old");
        old.cells().add(old.newCell("markdown", "hi", List.of("x")));
        assertThat(old.cells().findValues("id")).isEmpty();

        String v45 = v44.replace("\"nbformat_minor\": 4", "\"nbformat_minor\": 5");
        NotebookDocument current = NotebookDocument.parse(v45, "new");
        assertThat(current.cells().get(0).path("id").asText()).matches("[0-9a-f]{8}");

        Path a = dir.resolve("a.ipynb");
        Path b = dir.resolve("b.ipynb");
        old.write(a);
        current.write(b);
        Nbformat.assertValid(a, b);
    }
}
