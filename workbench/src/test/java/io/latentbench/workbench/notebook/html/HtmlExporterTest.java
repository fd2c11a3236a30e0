package io.latentbench.workbench.notebook.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbench.workbench.notebook.NotebookDocument;
import io.latentbench.workbench.notebook.TestNotebooks;
import org.junit.jupiter.api.Test;

class HtmlExporterTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Test
    void rendersMarkdownHighlightsCodeAndInlinesImages() throws Exception {
        NotebookDocument nb = NotebookDocument.parse(TestNotebooks.forKernel("latentbench", "java")
                .markdown("# Quick start\nSome **bold** text.\n\n| a | b |\n|---|---|\n| 1 | 2 |")
                .code("// build a space\nint n = 3; String s = \"<x>\";")
                .json(), "t");
        ObjectNode cell = (ObjectNode) nb.cells().get(1);
        cell.put("execution_count", 4);
        ArrayNode outputs = (ArrayNode) cell.get("outputs");
        outputs.addObject().put("output_type", "stream").put("name", "stdout").put("text", "a < b\n");
        ObjectNode image = outputs.addObject().put("output_type", "display_data");
        image.putObject("data").put("image/png", PNG + "\n").put("text/plain", "<Figure>");
        image.putObject("metadata");
        ObjectNode result = outputs.addObject().put("output_type", "execute_result").put("execution_count", 4);
        result.putObject("data").put("text/plain", "plain").put("text/html", "<table><tr><td>rich</td></tr></table>");
        result.putObject("metadata");
        ObjectNode error = outputs.addObject().put("output_type", "error").put("ename", "E").put("evalue", "v");
        error.putArray("traceback").add("\u001B[0;31mE\u001B[0m: v");

        String html = new HtmlExporter().export(nb);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Quick start</title>");
        assertThat(html).contains("<h1>Quick start</h1>", "<strong>bold</strong>", "<td>1</td>");
        assertThat(html).contains("<span class=\"c\">// build a space</span>", "<span class=\"k\">int</span>",
                "<span class=\"s\">&quot;&lt;x&gt;&quot;</span>", "<span class=\"n\">3</span>");
        assertThat(html).contains("In&nbsp;[4]:", "Out&nbsp;[4]:");
        assertThat(html).contains("<img alt=\"output image\" src=\"data:image/png;base64," + PNG + "\">");
        assertThat(html).contains("a &lt; b").contains("<td>rich</td>").doesNotContain(">plain<");
        assertThat(html).contains("E: v").doesNotContain("\u001B");
        // self-contained: nothing is fetched from elsewhere
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script");
    }

    @Test
    void pythonIsHighlightedWithPythonRules() {
        String html = new SyntaxHighlighter("python").highlight("def f(x):  # doc\n    return 'a' if x else None");
        assertThat(html).contains("<span class=\"k\">def</span>", "<span class=\"c\"># doc</span>",
                "<span class=\"s\">'a'</span>", "<span class=\"k\">None</span>");
        assertThat(html.replaceAll("<[^>]+>", "")).isEqualTo("def f(x):  # doc\n    return 'a' if x else None");
    }
}
