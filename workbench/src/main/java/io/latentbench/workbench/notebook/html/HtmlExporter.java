package io.latentbench.workbench.notebook.html;

import static io.latentbench.workbench.files.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.latentbench.workbench.notebook.NotebookDocument;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A notebook as one self-contained HTML page: markdown rendered, code highlighted, images inlined as data
 * URIs, no script and no external resource. Rich outputs are shown in the richest MIME type present, as
 * Jupyter does; HTML and SVG outputs come from the notebook's own kernel and are included as they are.
 */
public final class HtmlExporter {

    /** Richest first. */
    private static final List<String> MIME_ORDER = List.of(
            "text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "text/latex",
            "application/json", "text/plain");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    private final Parser markdown = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    public String export(NotebookDocument notebook) {
        String language = notebook.language();
        SyntaxHighlighter highlighter = new SyntaxHighlighter(language);
        StringBuilder body = new StringBuilder();
        for (JsonNode cell : notebook.cells()) {
            String source = cell.path("source").asText();
            switch (cell.path("cell_type").asText()) {
                case "markdown" -> body.append("<div class=\"cell markdown\">").append(markdown(source)).append("</div>\n");
                case "code" -> {
                    body.append("<div class=\"cell code\">\n<div class=\"input\"><div class=\"prompt\">")
                            .append(prompt("In", cell.path("execution_count"))).append("</div><pre class=\"source\">")
                            .append(highlighter.highlight(source)).append("</pre></div>\n");
                    for (JsonNode output : cell.path("outputs")) body.append(output(output));
                    body.append("</div>\n");
                }
                case "raw" -> {
                    String format = cell.path("metadata").path("format").asText(cell.path("metadata").path("raw_mimetype").asText(""));
                    if (format.equals("text/html")) body.append("<div class=\"cell raw\">").append(source).append("</div>\n");
                }
                default -> { }
            }
        }
        String title = escape(titleOf(notebook));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + title + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    private String markdown(String source) {
        return renderer.render(markdown.parse(source));
    }

    private String output(JsonNode output) {
        String type = output.path("output_type").asText();
        return switch (type) {
            case "stream" -> "<div class=\"output\"><div class=\"prompt\"></div><pre class=\"stream "
                    + escape(output.path("name").asText("stdout")) + "\">" + escape(stripAnsi(output.path("text").asText()))
                    + "</pre></div>\n";
            case "error" -> {
                StringBuilder traceback = new StringBuilder();
                output.path("traceback").forEach(line -> traceback.append(stripAnsi(line.asText())).append('\n'));
                if (traceback.isEmpty()) traceback.append(output.path("ename").asText()).append(": ").append(output.path("evalue").asText());
                yield "<div class=\"output\"><div class=\"prompt\"></div><pre class=\"error\">" + escape(traceback.toString())
                        + "</pre></div>\n";
            }
            case "execute_result", "display_data" -> "<div class=\"output\"><div class=\"prompt\">"
                    + (type.equals("execute_result") ? prompt("Out", output.path("execution_count")) : "")
                    + "</div><div class=\"rich\">" + rich(output.path("data")) + "</div></div>\n";
            default -> "";
        };
    }

    private String rich(JsonNode data) {
        for (String mime : MIME_ORDER) {
            JsonNode value = data.get(mime);
            if (value == null) continue;
            String text = NotebookDocument.joined(value);
            return switch (mime) {
                case "text/html", "image/svg+xml" -> text;
                case "image/png", "image/jpeg", "image/gif" ->
                        "<img alt=\"output image\" src=\"data:" + mime + ";base64," + text.replaceAll("\\s", "") + "\">";
                case "text/markdown" -> markdown(text);
                case "application/json" -> "<pre>" + escape(value.toPrettyString()) + "</pre>";
                default -> "<pre>" + escape(stripAnsi(text)) + "</pre>";
            };
        }
        return "";
    }

    private static String prompt(String label, JsonNode count) {
        return label + "&nbsp;[" + (count.isInt() ? Integer.toString(count.asInt()) : "&nbsp;") + "]:";
    }

    private static String titleOf(NotebookDocument notebook) {
        String title = notebook.metadata().path("title").asText("");
        if (!title.isEmpty()) return title;
        for (JsonNode cell : notebook.cells()) {
            if (!cell.path("cell_type").asText().equals("markdown")) continue;
            for (String line : cell.path("source").asText().split("\n")) {
                if (line.startsWith("# ")) return line.substring(2).strip();
            }
        }
        return "Notebook";
    }

    static String stripAnsi(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    private static final String CSS = """
            body { margin: 0; background: #fafafa; color: #1f2328;
                   font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
            main { max-width: 1000px; margin: 0 auto; padding: 24px; background: #fff; }
            .cell { margin: 12px 0; }
            .input, .output { display: flex; align-items: flex-start; }
            .prompt { flex: 0 0 80px; color: #57606a; font: 12px/1.9 ui-monospace, Menlo, Consolas, monospace;
                      text-align: right; padding-right: 8px; }
            pre { margin: 0; padding: 6px 8px; overflow-x: auto; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace;
                  white-space: pre-wrap; word-break: break-word; flex: 1; }
            pre.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; }
            pre.stderr { background: #fff5f5; }
            pre.error { background: #ffebe9; color: #82071e; }
            .rich { flex: 1; overflow-x: auto; padding: 2px 8px; }
            .rich img { max-width: 100%; }
            .markdown { padding-left: 88px; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: right; }
            .k { color: #cf222e; font-weight: 600; } .s { color: #0a3069; } .c { color: #6e7781; font-style: italic; }
            .n { color: #0550ae; } .a { color: #8250df; }
            """;
}
