package io.latentbench.workbench.kernel.eval;

/** The indentation a frontend should give the next line of unfinished code. */
final class Indentation {

    static final String UNIT = "    ";

    private Indentation() {
    }

    /**
     * The leading whitespace of the last non-blank line, one unit deeper when that line leaves a
     * brace, parenthesis or bracket open.
     */
    static String nextLine(String code) {
        String[] lines = code.split("\r?\n", -1);
        String last = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                last = lines[i];
                break;
            }
        }
        int n = 0;
        while (n < last.length() && (last.charAt(n) == ' ' || last.charAt(n) == '\t')) {
            n++;
        }
        String indent = last.substring(0, n);
        return opensBlock(last) ? indent + UNIT : indent;
    }

    private static boolean opensBlock(String line) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> {
                    inString = true;
                    quote = c;
                }
                case '/' -> {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '/') {
                        return depth > 0;
                    }
                }
                case '{', '(', '[' -> depth++;
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
        return depth > 0;
    }
}
