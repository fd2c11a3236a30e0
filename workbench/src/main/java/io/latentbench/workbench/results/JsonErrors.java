package io.latentbench.workbench.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's parse errors in words for a person: where (line and column, when Jackson knows them) and what,
 * without the "[Source: REDACTED ...]" that Jackson puts into its messages for locations.
 */
public final class JsonErrors {

    private static final Pattern SOURCE_LOCATION =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private JsonErrors() {}

    /** E.g. "line 3, column 7: Unexpected end-of-input ..." or "nesting depth exceeded: ...". */
    public static String describe(JacksonException e) {
        String what = clean(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            // Jackson's limits (nesting depth 1000, number and string lengths) come without a location
            what = (what.contains("nesting depth") ? "nesting depth exceeded: " : "beyond the parser's limits: ") + what;
        }
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return what;
        }
        return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
    }

    /** The message with every embedded source location reduced to "line L, column C". */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = SOURCE_LOCATION.matcher(message);
        String cleaned = m.replaceAll("line $1, column $2");
        // a location without line and column says nothing
        return cleaned.replaceAll("\\s*\\[Source: [^\\]]*\\]", "").strip();
    }
}
