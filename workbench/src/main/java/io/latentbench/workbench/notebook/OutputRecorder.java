package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns iopub messages into nbformat outputs the way Jupyter front ends do: consecutive stream text of the same
 * name is joined, {@code clear_output(wait=True)} clears just before the next output, and
 * {@code update_display_data} rewrites every earlier output that carries the same display id, in any cell.
 */
final class OutputRecorder {

    private final Map<String, List<ObjectNode>> displays = new HashMap<>();
    private ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
    private boolean clearBeforeNext;

    /** Starts recording into a cell's outputs list. */
    void startCell(ArrayNode cellOutputs) {
        outputs = cellOutputs;
        clearBeforeNext = false;
    }

    /**
     * Applies one iopub message; returns the output it added (or extended), or null if it added none.
     */
    ObjectNode accept(String msgType, JsonNode content) {
        switch (msgType) {
            case "clear_output" -> {
                if (content.path("wait").asBoolean(false)) clearBeforeNext = true;
                else outputs.removeAll();
                return null;
            }
            case "update_display_data" -> {
                String id = content.path("transient").path("display_id").asText("");
                for (ObjectNode target : displays.getOrDefault(id, List.of())) {
                    target.set("data", content.path("data").deepCopy());
                    target.set("metadata", objectOr(content.get("metadata")));
                }
                return null;
            }
            case "stream", "display_data", "execute_result", "error" -> {
                return add(msgType, content);
            }
            default -> {
                return null;
            }
        }
    }

    private ObjectNode add(String msgType, JsonNode content) {
        if (clearBeforeNext) {
            outputs.removeAll();
            clearBeforeNext = false;
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("output_type", msgType);
        switch (msgType) {
            case "stream" -> {
                String name = content.path("name").asText("stdout");
                String text = content.path("text").asText("");
                JsonNode last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
                if (last != null && last.path("output_type").asText().equals("stream")
                        && last.path("name").asText().equals(name)) {
                    ((ObjectNode) last).put("text", last.path("text").asText() + text);
                    return (ObjectNode) last;
                }
                output.put("name", name);
                output.put("text", text);
            }
            case "display_data", "execute_result" -> {
                output.set("data", objectOr(content.get("data")));
                output.set("metadata", objectOr(content.get("metadata")));
                if (msgType.equals("execute_result")) output.set("execution_count", content.path("execution_count").deepCopy());
                String id = content.path("transient").path("display_id").asText("");
                if (!id.isEmpty()) displays.computeIfAbsent(id, k -> new ArrayList<>()).add(output);
            }
            case "error" -> addError(output, content.path("ename").asText(""), content.path("evalue").asText(""),
                    content.path("traceback"));
            default -> throw new IllegalStateException("not an output message: " + msgType);
        }
        outputs.add(output);
        return output;
    }

    /** An error the executor itself reports (timeout, dead kernel), in the same shape as a kernel's error. */
    ObjectNode error(String ename, String evalue) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("output_type", "error");
        addError(output, ename, evalue, JsonNodeFactory.instance.arrayNode().add(ename + ": " + evalue));
        outputs.add(output);
        return output;
    }

    private static void addError(ObjectNode output, String ename, String evalue, JsonNode traceback) {
        output.put("ename", ename);
        output.put("evalue", evalue);
        ArrayNode lines = output.putArray("traceback");
        traceback.forEach(line -> lines.add(line.asText()));
    }

    boolean hasError() {
        for (JsonNode output : outputs) {
            if (output.path("output_type").asText().equals("error")) return true;
        }
        return false;
    }

    private static ObjectNode objectOr(JsonNode node) {
        return node instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    }
}
