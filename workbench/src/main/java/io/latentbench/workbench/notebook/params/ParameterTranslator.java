package io.latentbench.workbench.notebook.params;

import java.util.Locale;
import java.util.Map;

/** Writes parameter values as source code of a kernel's language. */
public sealed interface ParameterTranslator permits JavaTranslator, PythonTranslator {

    /** The injected cell's source. {@code defaults} is the notebook's parameters cell, "" without one. */
    String translate(Map<String, Object> parameters, String defaults) throws ParameterFormatException;

    /**
     * The values to inject, as this language reads the given ones: by default papermill's reading, where a value
     * typed with {@code -p} is what it reads as ({@code 1e3} is 1000.0) and {@code -r} keeps the text.
     */
    default Map<String, Object> values(ParameterValues given, String defaults) {
        return given.asMap();
    }

    /** The translator for a kernel language, such as "java" or "python". */
    static ParameterTranslator forLanguage(String language) throws ParameterFormatException {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "java" -> new JavaTranslator();
            case "python", "python3" -> new PythonTranslator();
            default -> throw new ParameterFormatException("cannot write parameters for kernel language '" + language
                    + "'; known languages: java, python");
        };
    }
}
