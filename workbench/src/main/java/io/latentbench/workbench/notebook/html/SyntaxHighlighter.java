package io.latentbench.workbench.notebook.html;

import static io.latentbench.workbench.files.Html.escape;

import java.util.Locale;
import java.util.Set;

/**
 * A small lexer that marks comments, strings, numbers, keywords and annotations of Java or Python source as
 * HTML spans. It only colours; it never changes the text, so an unknown construct is printed plainly.
 */
final class SyntaxHighlighter {

    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "record", "return", "sealed", "permits", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "var", "void", "volatile",
            "while", "yield", "true", "false", "null");
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "print");

    private final boolean python;
    private final Set<String> keywords;

    SyntaxHighlighter(String language) {
        this.python = language.toLowerCase(Locale.ROOT).startsWith("python");
        this.keywords = python ? PYTHON_KEYWORDS : JAVA_KEYWORDS;
    }

    String highlight(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            int end;
            String cls;
            if (python ? c == '#' : code.startsWith("//", i)) {
                end = lineEnd(code, i);
                cls = "c";
            } else if (!python && code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                cls = "c";
            } else if (code.startsWith("\"\"\"", i) || (python && code.startsWith("'''", i))) {
                String fence = code.substring(i, i + 3);
                int close = code.indexOf(fence, i + 3);
                end = close < 0 ? n : close + 3;
                cls = "s";
            } else if (c == '"' || c == '\'') {
                end = quotedEnd(code, i, c);
                cls = "s";
            } else if (Character.isDigit(c)) {
                end = i;
                while (end < n && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '.' || code.charAt(end) == '_')) end++;
                cls = "n";
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(code.charAt(i + 1))) {
                end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(code.charAt(end)) || code.charAt(end) == '.')) end++;
                cls = "a";
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) end++;
                cls = keywords.contains(code.substring(i, end)) ? "k" : null;
            } else {
                end = i + 1;
                cls = null;
            }
            String text = escape(code.substring(i, end));
            if (cls == null) out.append(text);
            else out.append("<span class=\"").append(cls).append("\">").append(text).append("</span>");
            i = end;
        }
        return out.toString();
    }

    private static int lineEnd(String code, int from) {
        int newline = code.indexOf('\n', from);
        return newline < 0 ? code.length() : newline;
    }

    private static int quotedEnd(String code, int start, char quote) {
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) return i + 1;
            if (c == '\n') return i; // an unclosed literal stops at the line's end
            i++;
        }
        return code.length();
    }
}
