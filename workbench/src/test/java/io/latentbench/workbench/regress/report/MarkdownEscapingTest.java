package io.latentbench.workbench.regress.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.regress.Comparer;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.Measurement;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * Ids, units, testbeds and sources are written by whoever made the compared files: in the Markdown report
 * (the PR comment, the issue body) none of them may become a link, an HTML element, a heading or a table
 * cell of its own. Checked on the HTML that GitHub's dialect (CommonMark with GFM tables) makes of it.
 */
class MarkdownEscapingTest {

    static final String HOSTILE_ID = "latency.x``|<script>alert(1)</script>\n## pwned [x](javascript:alert(1))"
            + " <img src=x onerror=alert(2)>|`";
    static final String HOSTILE_UNIT = "us/op<script>u()</script>|[u](javascript:u())";
    static final String HOSTILE_SOURCE = "cur.json\n# forged <img src=y onerror=alert(3)> [s](javascript:s())";
    static final String HOSTILE_TESTBED = "tb`\n<script>t()</script>";

    static final List<String> FORBIDDEN = List.of("<script", "<img", "href=\"javascript", "<a ", "<h1>", "<h3>");

    private static Measurement m(String key, String unit, double... forkMeans) {
        return new Measurement(MeasurementId.primary(key), "latency", key.substring(key.indexOf('.') + 1),
                new TreeMap<>(), unit, forkMeans[0], Arrays.stream(forkMeans).boxed().toList());
    }

    private static ComparisonReport hostileReport() {
        MeasurementSet base = MeasurementSet.of("base.json", HOSTILE_TESTBED, "c0", "t0", List.of(
                m(HOSTILE_ID, HOSTILE_UNIT, 100, 101, 99, 100, 100.5),
                m("latency.gone`<b>", "us/op", 5, 5, 5, 5, 5)));
        MeasurementSet cur = MeasurementSet.of(HOSTILE_SOURCE, HOSTILE_TESTBED, "c1\n<script>", "t1", List.of(
                m(HOSTILE_ID, HOSTILE_UNIT, 130, 131, 129, 130, 130.5)));
        return new Comparer(RegressionConfig.defaults()).compare(base, cur);
    }

    static String html(String markdown) {
        var extensions = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        return HtmlRenderer.builder().extensions(extensions).build().render(parser.parse(markdown));
    }

    @Test
    void hostileIdsUnitsSourcesAndTestbedsStayText() {
        ComparisonReport report = hostileReport();
        String markdown = MarkdownReport.render(report);
        String html = html(markdown);

        for (String bad : FORBIDDEN) {
            assertThat(html).as("the report's HTML holds no %s:%n%s%n%s", bad, markdown, html).doesNotContain(bad);
        }
        assertThat(count(html, "<h2>")).as("the title is the only heading").isEqualTo(1);
        // the regression's row is one row of the table, its id one code span showing the id exactly
        assertThat(count(html, "<tr>")).as(html).isEqualTo(2);
        String shown = escapeHtml(HOSTILE_ID.replace("\n", "\\n"));
        assertThat(html).contains("<code>" + shown + "</code>");
        assertThat(html).contains(escapeHtml("us/op<script>u()</script>|[u](javascript:u())"));
        // the missing benchmark is named as code too
        assertThat(html).contains("<code>" + escapeHtml("latency.gone`<b>") + "</code>");
    }

    @Test
    void theBaselineSummaryEscapesTooAndAPlainIdIsUnchanged() {
        BaselineRecord hostile = new BaselineRecord(HOSTILE_ID, "latency", "x", new TreeMap<>(), null, "avgt", HOSTILE_UNIT,
                100, 1, 100, List.of(List.of(100.0)), null, null, Map.of(), "2026-12-01T00:00:00Z", "c0<script>");
        BaselineRecord plain = new BaselineRecord("latency.knn[dim=256,k=10]", "latency", "knn", new TreeMap<>(), null, "avgt",
                "us/op", 100, 1, 100, List.of(List.of(100.0)), null, null, Map.of(), "2026-12-01T00:00:00Z", "c0");
        BaselineFile file = new BaselineFile(HOSTILE_TESTBED, "2026-12-01", "2026-12-01",
                new TreeMap<>(Map.of(hostile.name(), hostile, plain.name(), plain)));
        String markdown = BaselineSummary.markdown(file, HOSTILE_SOURCE);
        String html = html(markdown);
        for (String bad : FORBIDDEN) {
            assertThat(html).as("%s in%n%s", bad, html).doesNotContain(bad);
        }
        assertThat(count(html, "<tr>")).isEqualTo(3);
        assertThat(count(html, "<h2>")).isEqualTo(1);
        assertThat(markdown).contains("| `latency.knn[dim=256,k=10]` |");
    }

    @Test
    void codeSpansAreFencedLongerThanAnyBacktickRun() {
        assertThat(Markdown.code("a``b")).isEqualTo("```a``b```");
        assertThat(Markdown.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(html(Markdown.code("`x`"))).contains("<code>`x`</code>");
        assertThat(Markdown.cellCode("a|b")).isEqualTo("`a\\|b`");
        assertThat(Markdown.text("a\nb")).doesNotContain("\n");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
