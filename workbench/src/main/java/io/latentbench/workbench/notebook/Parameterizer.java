package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.notebook.params.ParameterFormatException;
import io.latentbench.workbench.notebook.params.ParameterTranslator;
import io.latentbench.workbench.notebook.params.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Papermill's parameter contract: the values go into a cell tagged {@code injected-parameters} right after the
 * first cell tagged {@code parameters}; an injected cell from an earlier run is replaced where it is; without a
 * parameters cell the values go at the top, with a warning. The values are also kept in {@code metadata.papermill}.
 */
public final class Parameterizer {

    public static final String PARAMETERS_TAG = "parameters";
    public static final String INJECTED_TAG = "injected-parameters";

    private Parameterizer() {}

    /** Injects {@code parameters} into {@code notebook} in place; nothing is injected when there are none. */
    public static void parameterize(NotebookDocument notebook, ParameterValues parameters, ParameterTranslator translator,
                                    Consumer<String> warnings) throws ParameterFormatException {
        ObjectNode papermill = papermillMetadata(notebook);
        if (parameters.isEmpty()) {
            // An injected cell from an earlier run stays, and so does the record of its values.
            if (!papermill.has("parameters")) papermill.putObject("parameters");
            return;
        }
        ArrayNode cells = notebook.cells();
        int parametersCell = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (NotebookDocument.hasTag(cells.get(i), PARAMETERS_TAG)) {
                parametersCell = i;
                break;
            }
        }
        String defaults = parametersCell < 0 ? "" : cells.get(parametersCell).path("source").asText();
        Map<String, Object> values = translator.values(parameters, defaults);
        papermill.set("parameters", NotebookDocument.JSON.valueToTree(values)); // what the cell below injects
        ObjectNode injected = notebook.newCell("code", translator.translate(values, defaults), List.of(INJECTED_TAG));

        int oldInjected = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (NotebookDocument.hasTag(cells.get(i), INJECTED_TAG)) {
                oldInjected = i;
                break;
            }
        }
        List<Integer> stale = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (NotebookDocument.hasTag(cells.get(i), INJECTED_TAG)) stale.add(i);
        }
        int insertAt;
        if (oldInjected >= 0) {
            insertAt = oldInjected; // as papermill: an earlier run's injected cell is replaced where it is
        } else if (parametersCell >= 0) {
            insertAt = parametersCell + 1;
        } else {
            warnings.accept("the notebook has no cell tagged '" + PARAMETERS_TAG
                    + "'; the parameters are injected at the top");
            insertAt = 0;
        }
        for (int i = stale.size() - 1; i >= 0; i--) {
            int index = stale.get(i);
            cells.remove(index);
            if (index < insertAt) insertAt--;
        }
        cells.insert(insertAt, injected);
    }

    static ObjectNode papermillMetadata(NotebookDocument notebook) {
        JsonNode existing = notebook.metadata().get("papermill");
        if (existing instanceof ObjectNode node) return node;
        return notebook.metadata().putObject("papermill");
    }
}
