package io.latentbench.workbench.kernel.render;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Jupyter shows for a value: representations by MIME type (text as strings, images as
 * base64 strings) and their metadata.
 */
public final class MimeBundle {

    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    public static MimeBundle of(String mime, String content) {
        return new MimeBundle().put(mime, content);
    }

    public MimeBundle put(String mime, String content) {
        data.put(mime, content);
        return this;
    }

    public MimeBundle putBinary(String mime, byte[] content) {
        data.put(mime, Base64.getEncoder().encodeToString(content));
        return this;
    }

    public MimeBundle putMetadata(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    public boolean has(String mime) {
        return data.containsKey(mime);
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    /** The text/plain representation, or "" when there is none. */
    public String text() {
        Object text = data.get(TEXT);
        return text == null ? "" : text.toString();
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
