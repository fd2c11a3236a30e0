package io.latentbench.workbench.regress.report;

/**
 * The one escaper for Markdown (GitHub's dialect) output: benchmark ids, units, testbeds, sources and reasons
 * come from files anyone can write, so none of them may open a link, an HTML element, a code span or a table
 * cell of its own. Text is kept on one line, since a line break inside a table row or list item ends it.
 */
public final class Markdown {

    /**
     * ASCII punctuation that starts something in inline Markdown or a GFM table: code, emphasis, links and
     * images, HTML and entities, cells, strike-through, headings. Parentheses and quotes mean nothing once
     * '[' and ']' are escaped.
     */
    private static final String SPECIAL = "\\`*_[]<>#!|~&";

    private Markdown() {}

    /** Plain text with every Markdown construct backslash-escaped, so "<script>" and "[x](javascript:...)" stay text. */
    public static String text(String s) {
        String line = oneLine(s);
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An inline code span that shows {@code s} exactly (on one line), whatever backticks it holds. */
    public static String code(String s) {
        return span(oneLine(s));
    }

    /**
     * A code span inside a GFM table cell: as {@link #code}, with '|' escaped, which GFM resolves before
     * the span (an unescaped one would end the cell even inside a span).
     */
    public static String cellCode(String s) {
        return span(oneLine(s)).replace("|", "\\|");
    }

    private static String span(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // CommonMark strips one space on each side, which lets a span start or end with a backtick
        boolean pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && !s.isBlank());
        return pad ? fence + " " + s + " " + fence : fence + s + fence;
    }

    /** Line breaks and other control characters as visible escapes, so the text cannot end its line. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append(' ');
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
