package io.latentbench.workbench.kernel.render;

import static io.latentbench.workbench.files.Html.escape;

import java.util.Set;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as an HTML table (head and tail of long tables) and as Tablesaw's own text. */
final class TableRenderer {

    /** Rows shown in full; a longer table shows its first and last {@code MAX_ROWS / 2}. */
    static final int MAX_ROWS = 40;

    private TableRenderer() {
    }

    static void render(Table table, Set<String> wanted, MimeBundle out) {
        if (wanted.contains(MimeBundle.HTML)) {
            out.put(MimeBundle.HTML, html(table));
        }
        if (wanted.contains(MimeBundle.TEXT)) {
            out.put(MimeBundle.TEXT, table.rowCount() > MAX_ROWS ? table.print(MAX_ROWS) : table.print());
        }
    }

    static String html(Table table) {
        int rows = table.rowCount();
        StringBuilder sb = new StringBuilder(256 + rows * 64);
        sb.append("<div class=\"latentbench-table\">");
        sb.append("<table class=\"dataframe\" border=\"1\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr style=\"text-align: right;\">");
        for (Column<?> column : table.columns()) {
            sb.append("<th>").append(escape(column.name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        boolean cut = rows > MAX_ROWS;
        int head = cut ? MAX_ROWS / 2 : rows;
        for (int r = 0; r < head; r++) {
            row(sb, table, r);
        }
        if (cut) {
            sb.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                sb.append("<td>&hellip;</td>");
            }
            sb.append("</tr>");
            for (int r = rows - MAX_ROWS / 2; r < rows; r++) {
                row(sb, table, r);
            }
        }
        sb.append("</tbody></table>");
        sb.append("<p>").append(rows).append(rows == 1 ? " row" : " rows").append(" &times; ")
                .append(table.columnCount()).append(table.columnCount() == 1 ? " column" : " columns").append("</p>");
        return sb.append("</div>").toString();
    }

    private static void row(StringBuilder sb, Table table, int r) {
        sb.append("<tr>");
        for (Column<?> column : table.columns()) {
            sb.append("<td>").append(escape(column.getString(r))).append("</td>");
        }
        sb.append("</tr>");
    }
}
