package io.latentbench.workbench.files;

/**
 * The one escaper for HTML output (notebook pages, the kernel's tables, the gate's report, the run
 * report's SVG): here, in the lowest package, because every writer of HTML may import it.
 */
public final class Html {

    private Html() {}

    /** Text as HTML or SVG element content or a double-quoted attribute value. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
