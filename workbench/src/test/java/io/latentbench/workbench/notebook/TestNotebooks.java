package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Builds small nbformat 4.5 notebooks for tests. */
public final class TestNotebooks {

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final ArrayNode cells;

    private TestNotebooks(String kernel, String language) {
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        ObjectNode metadata = root.putObject("metadata");
        ObjectNode kernelspec = metadata.putObject("kernelspec");
        kernelspec.put("name", kernel);
        kernelspec.put("display_name", kernel);
        kernelspec.put("language", language);
        cells = root.putArray("cells");
    }

    public static TestNotebooks python() {
        return new TestNotebooks("python3", "python");
    }

    public static TestNotebooks forKernel(String kernel, String language) {
        return new TestNotebooks(kernel, language);
    }

    public TestNotebooks code(String source, String... tags) {
        ObjectNode cell = cell("code", source, tags);
        cell.putNull("execution_count");
        cell.putArray("outputs");
        return this;
    }

    public TestNotebooks parameters(String source) {
        return code(source, "parameters");
    }

    public TestNotebooks markdown(String source) {
        cell("markdown", source);
        return this;
    }

    private ObjectNode cell(String type, String source, String... tags) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", type);
        cell.put("id", UUID.randomUUID().toString().substring(0, 8));
        ObjectNode metadata = cell.putObject("metadata");
        if (tags.length > 0) {
            ArrayNode t = metadata.putArray("tags");
            List.of(tags).forEach(t::add);
        }
        cell.put("source", source);
        return cell;
    }

    public String json() {
        return root.toPrettyString();
    }

    public Path write(Path file) throws IOException {
        Files.writeString(file, json());
        return file;
    }
}
