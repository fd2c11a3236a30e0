package io.latentbench.workbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * papermill's {@code --help-notebook}: the parameters a notebook declares in its {@code parameters} cell, one
 * assignment per line, with the type from an annotation (Python), a {@code # type:} comment or the declaration
 * (Java), the default as written and the trailing comment as help.
 */
public final class ParameterHelp {

    /** One declared parameter; {@code type} is "Unknown type" when the cell does not say. */
    public record Parameter(String name, String type, String defaultValue, String help) {}

    /** What {@code --help-notebook} prints and the exit code (1 without a parameters cell, as papermill). */
    public record Help(String text, int exitCode) {}

    private static final Pattern PYTHON = Pattern.compile(
            "^(\\w+)\\s*(?::\\s*[\"']?(\\w[\\w\\[\\],\\s]*?)[\"']?\\s*)?=\\s*(.*?)(?:\\s*#\\s*(?:type:\\s*(\\S*)\\s*)?(.*))?$");
    private static final Pattern JAVA = Pattern.compile(
            "^(?:final\\s+)?([A-Za-z_][\\w.]*(?:\\s*<[^=;]*>)?(?:\\s*\\[\\s*])*)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*(.*?);\\s*(?://\\s*(.*))?$");

    private ParameterHelp() {}

    public static Help describe(NotebookDocument notebook, String path, Optional<String> language) {
        StringBuilder out = new StringBuilder("Usage: lb run [OPTIONS] IN.ipynb [OUT.ipynb]\n\n")
                .append("Parameters inferred for notebook '").append(path).append("':\n");
        JsonNode cell = null;
        for (JsonNode c : notebook.cells()) {
            if (NotebookDocument.hasTag(c, Parameterizer.PARAMETERS_TAG)) {
                cell = c;
                break;
            }
        }
        if (cell == null) return new Help(out.append("\n  No cell tagged 'parameters'\n").toString(), 1);
        String lang = language.orElse(notebook.language()).toLowerCase(Locale.ROOT);
        List<Parameter> parameters = parse(cell.path("source").asText(), lang.equals("java"));
        if (parameters.isEmpty()) {
            out.append("\n  Can't infer anything about this notebook's parameters. It may not have any parameter defined.\n");
        }
        for (Parameter p : parameters) {
            String definition = "  " + p.name() + ": " + p.type() + " (default " + p.defaultValue() + ")";
            if (definition.length() > 30) {
                out.append(definition).append(p.help().isEmpty() ? "" : "\n" + " ".repeat(34) + p.help());
            } else {
                out.append(String.format(Locale.ROOT, "%-34s%s", definition, p.help()));
            }
            out.append('\n');
        }
        return new Help(out.toString(), 0);
    }

    static List<Parameter> parse(String source, boolean java) {
        List<Parameter> parameters = new ArrayList<>();
        for (String definition : definitions(source, java ? "//" : "#")) {
            if (java) {
                Matcher m = JAVA.matcher(definition);
                if (m.matches()) parameters.add(new Parameter(m.group(2), m.group(1).strip(), m.group(3).strip(),
                        m.group(4) == null ? "" : m.group(4).strip()));
            } else {
                Matcher m = PYTHON.matcher(definition);
                if (m.matches()) {
                    String type = m.group(2) != null ? m.group(2).strip() : m.group(4) != null ? m.group(4) : "Unknown type";
                    parameters.add(new Parameter(m.group(1), type, m.group(3).strip(), m.group(5) == null ? "" : m.group(5).strip()));
                }
            }
        }
        return parameters;
    }

    /**
     * The cell's assignments, each on one line: a value spread over several lines ({@code b = [\n 'x',\n]}) is
     * joined, with the comments of all but its last line dropped, so that the last line's comment stays its help.
     * Blank and comment-only lines are skipped; a line with two {@code =} is not an assignment papermill reads.
     */
    private static List<String> definitions(String source, String comment) {
        List<String> definitions = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(comment)) continue;
            long equals = line.chars().filter(c -> c == '=').count();
            if (equals > 0) {
                definitions.add(flatten(group, comment));
                group.clear();
                if (equals > 1) continue;
            }
            group.add(line);
        }
        definitions.add(flatten(group, comment));
        definitions.removeIf(String::isEmpty);
        return definitions;
    }

    private static String flatten(List<String> lines, String comment) {
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf(comment);
            flat.append(i < lines.size() - 1 && at >= 0 ? line.substring(0, at).strip() : line.strip());
        }
        return flat.toString();
    }
}
