package io.latentbench.workbench.kernel.eval;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A lexical check JShell's completeness analysis does not make: code that closes a bracket it never
 * opened (or closes the wrong one), or leaves a string or char literal open at the end of a line,
 * cannot become valid by adding lines, so it is "invalid" rather than "complete".
 */
final class Lexical {

    private Lexical() {
    }

    static boolean isInvalid(String code) {
        Deque<Character> open = new ArrayDeque<>();
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    return false; // an open comment: more lines may close it
                }
                i = end + 1;
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                if (end < 0) {
                    return false; // an open text block
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n || code.charAt(j) != c) {
                    return true; // a literal left open at the end of its line
                }
                i = j;
            } else if (c == '(' || c == '[' || c == '{') {
                open.push(c);
            } else if (c == ')' || c == ']' || c == '}') {
                char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (open.isEmpty() || open.pop() != expected) {
                    return true;
                }
            }
        }
        return false;
    }
}
