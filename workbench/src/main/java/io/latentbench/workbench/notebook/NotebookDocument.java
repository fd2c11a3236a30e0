package io.latentbench.workbench.notebook;

import io.latentbench.workbench.files.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An nbformat 4 notebook held as its JSON tree, so that metadata and fields this code does not know survive a
 * round trip. Multi-line strings ({@code source}, stream {@code text}, text MIME data) are kept joined in memory
 * and split into lines on write, as Jupyter itself stores them.
 */
public final class NotebookDocument {

    static final JsonMapper JSON = JsonMapper.builder()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private static final Set<String> CELL_TYPES = Set.of("code", "markdown", "raw");

    private final ObjectNode root;

    private NotebookDocument(ObjectNode root) {
        this.root = root;
    }

    /** Reads and checks a notebook file; {@code origin} names it in error messages. */
    public static NotebookDocument read(Path file) throws IOException, NotebookFormatException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotebookFormatException("notebook " + file + " does not exist");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    public static NotebookDocument parse(String text, String origin) throws NotebookFormatException {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new NotebookFormatException(origin + " is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new NotebookFormatException(origin + " is not a notebook: expected a JSON object at the top, found "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
        }
        JsonNode version = root.get("nbformat");
        if (version == null || !version.canConvertToInt() || version.asInt() != 4) {
            throw new NotebookFormatException(origin + " is not an nbformat 4 notebook: \"nbformat\" is "
                    + (version == null ? "missing" : version.toString()) + ", expected 4");
        }
        if (!(root.get("cells") instanceof ArrayNode cells)) {
            throw new NotebookFormatException(origin + " is not a notebook: expected a \"cells\" list");
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String type = cell.path("cell_type").asText("");
            if (!cell.isObject() || !CELL_TYPES.contains(type)) {
                throw new NotebookFormatException(origin + ": cell " + i + " has cell_type '" + type
                        + "', expected one of code, markdown, raw");
            }
            ObjectNode c = (ObjectNode) cell;
            checkText(c.get("source"), origin + ": cell " + i + " \"source\"");
            c.set("source", TextNode.valueOf(joined(c.get("source"))));
            if (!(c.get("metadata") instanceof ObjectNode)) c.putObject("metadata");
            if (type.equals("code")) {
                if (!(c.get("outputs") instanceof ArrayNode)) c.putArray("outputs");
                ArrayNode outputs = (ArrayNode) c.get("outputs");
                for (int o = 0; o < outputs.size(); o++) {
                    if (!(outputs.get(o) instanceof ObjectNode output)) {
                        throw new NotebookFormatException(origin + ": cell " + i + " output " + o
                                + " is " + describe(outputs.get(o)) + ", expected an object");
                    }
                    if (output.has("text")) checkText(output.get("text"), origin + ": cell " + i + " output " + o + " \"text\"");
                    joinOutputText(output);
                }
            }
        }
        if (!(root.get("metadata") instanceof ObjectNode)) root.putObject("metadata");
        if (!root.has("nbformat_minor")) root.put("nbformat_minor", 4);
        NotebookDocument notebook = new NotebookDocument(root);
        if (notebook.requiresCellIds()) notebook.addMissingCellIds();
        return notebook;
    }

    /**
     * nbformat's text fields hold a string or a list of strings; anything else (a number in a source list, say)
     * would otherwise be turned into text and run, so it makes the notebook malformed.
     */
    private static void checkText(JsonNode node, String where) throws NotebookFormatException {
        if (node == null || node.isNull() || node.isTextual()) return;
        if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                if (!node.get(k).isTextual()) {
                    throw new NotebookFormatException(where + " line " + k + " is " + describe(node.get(k))
                            + ", expected a string: the notebook is malformed");
                }
            }
            return;
        }
        throw new NotebookFormatException(where + " is " + describe(node)
                + ", expected a string or a list of strings: the notebook is malformed");
    }

    private static String describe(JsonNode node) {
        String value = node.toString();
        return "the " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " "
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
    }

    /**
     * Upgrades a 4.0-4.4 notebook to 4.5, as nbformat's {@code v4.upgrade} does when papermill loads one: the
     * minor version goes to 5 and every cell gets an id.
     */
    public void upgradeToLatestMinor() {
        if (root.path("nbformat_minor").asInt() < 5) root.put("nbformat_minor", 5);
        addMissingCellIds();
    }

    private void addMissingCellIds() {
        for (JsonNode cell : cells()) {
            if (!cell.hasNonNull("id")) ((ObjectNode) cell).put("id", newCellId());
        }
    }

    private static void joinOutputText(ObjectNode output) {
        if (output.has("text")) output.set("text", TextNode.valueOf(joined(output.get("text"))));
        if (output.get("data") instanceof ObjectNode data) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isArray() && !isJsonMime(e.getKey())) e.setValue(TextNode.valueOf(joined(e.getValue())));
            }
        }
    }

    /** nbformat allows a string or a list of lines wherever text is stored. */
    public static String joined(JsonNode node) {
        if (node == null || node.isNull()) return "";
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            node.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return node.asText();
    }

    static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    public ObjectNode root() {
        return root;
    }

    public ArrayNode cells() {
        return (ArrayNode) root.get("cells");
    }

    public ObjectNode metadata() {
        return (ObjectNode) root.get("metadata");
    }

    /** nbformat 4.5 introduced mandatory cell ids; older minor versions must not carry them. */
    public boolean requiresCellIds() {
        return root.path("nbformat_minor").asInt() >= 5;
    }

    /** The notebook's kernel name from {@code metadata.kernelspec.name}, or "". */
    public String kernelName() {
        return metadata().path("kernelspec").path("name").asText("");
    }

    /** The notebook's language from its kernelspec or language_info, or "". */
    public String language() {
        String language = metadata().path("kernelspec").path("language").asText("");
        return language.isEmpty() ? metadata().path("language_info").path("name").asText("") : language;
    }

    public ObjectNode newCell(String cellType, String source, List<String> tags) {
        ObjectNode cell = JsonNodeFactory.instance.objectNode();
        cell.put("cell_type", cellType);
        if (requiresCellIds()) cell.put("id", newCellId());
        ObjectNode metadata = cell.putObject("metadata");
        if (!tags.isEmpty()) {
            ArrayNode tagArray = metadata.putArray("tags");
            tags.forEach(tagArray::add);
        }
        cell.put("source", source);
        if (cellType.equals("code")) {
            cell.putNull("execution_count");
            cell.putArray("outputs");
        }
        return cell;
    }

    private static String newCellId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    public static boolean hasTag(JsonNode cell, String tag) {
        for (JsonNode t : cell.path("metadata").path("tags")) {
            if (t.asText().equals(tag)) return true;
        }
        return false;
    }

    public NotebookDocument copy() {
        return new NotebookDocument(root.deepCopy());
    }

    /** The notebook as Jupyter writes it: sorted keys, one-space indent, text split into lines. */
    public String toJson() {
        ObjectNode out = root.deepCopy();
        for (JsonNode cell : (ArrayNode) out.get("cells")) {
            ObjectNode c = (ObjectNode) cell;
            c.set("source", lines(c.path("source").asText()));
            for (JsonNode output : c.path("outputs")) {
                ObjectNode o = (ObjectNode) output;
                if (o.get("text") instanceof TextNode t) o.set("text", lines(t.asText()));
                if (o.get("data") instanceof ObjectNode data) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (e.getValue().isTextual() && !isJsonMime(e.getKey())) e.setValue(lines(e.getValue().asText()));
                    }
                }
            }
        }
        DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        ObjectWriter writer = JSON.writer(printer);
        try {
            return writer.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static ArrayNode lines(String text) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                array.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) array.add(text.substring(start));
        return array;
    }

    /** Writes through a temporary file in the same directory and a rename, so no reader sees half a file. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }

}
