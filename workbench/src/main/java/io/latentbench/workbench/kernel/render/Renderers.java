package io.latentbench.workbench.kernel.render;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import io.latentbench.workbench.bench.BenchResults;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.ResultTables;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Turns values into {@link MimeBundle}s: a Tablesaw table as HTML beside its text, an XChart chart
 * as PNG (SVG on request), latentbench results ({@link ResultSet}, {@link BenchResults}) as their
 * Tablesaw table, an image as PNG, and anything else as its text.
 */
public final class Renderers {

    /** Renders a value into the bundle, writing only the types that are wanted. */
    @FunctionalInterface
    public interface Renderer<T> {
        void render(T value, Set<String> wanted, MimeBundle out) throws IOException;
    }

    private record Entry<T>(Class<T> type, Set<String> defaults, Set<String> supported, Renderer<T> renderer) {
    }

    private final List<Entry<?>> entries = new ArrayList<>();

    /** The renderers of the workbench's types. */
    public static Renderers standard() {
        Renderers r = new Renderers();
        r.register(Table.class, Set.of(MimeBundle.HTML, MimeBundle.TEXT), Set.of(MimeBundle.HTML, MimeBundle.TEXT),
                TableRenderer::render);
        // latentbench results: as the table the results model makes of them
        r.register(ResultSet.class, Set.of(MimeBundle.HTML, MimeBundle.TEXT), Set.of(MimeBundle.HTML, MimeBundle.TEXT),
                (results, wanted, out) -> TableRenderer.render(ResultTables.toTable(results), wanted, out));
        r.register(BenchResults.class, Set.of(MimeBundle.HTML, MimeBundle.TEXT), Set.of(MimeBundle.HTML, MimeBundle.TEXT),
                (results, wanted, out) -> TableRenderer.render(results.table(), wanted, out));
        r.register(Chart.class, Set.of(MimeBundle.PNG, MimeBundle.TEXT),
                Set.of(MimeBundle.PNG, MimeBundle.SVG, MimeBundle.TEXT), Renderers::renderChart);
        r.register(RenderedImage.class, Set.of(MimeBundle.PNG, MimeBundle.TEXT),
                Set.of(MimeBundle.PNG, MimeBundle.JPEG, MimeBundle.TEXT), Renderers::renderImage);
        return r;
    }

    /**
     * Adds a renderer for a type and its subtypes; the most recently registered one that fits a
     * value wins.
     *
     * @param defaults  the types written when nothing in particular is asked for
     * @param supported every type it can write
     */
    public <T> Renderers register(Class<T> type, Set<String> defaults, Set<String> supported, Renderer<T> renderer) {
        entries.add(0, new Entry<>(type, Set.copyOf(defaults), Set.copyOf(supported), renderer));
        return this;
    }

    /** The value's default representations. */
    public MimeBundle render(Object value) {
        return render(value, List.of());
    }

    /**
     * The value rendered as the given MIME types, or as its defaults when none are given. A type
     * that no renderer of the value can write is an error, except text types: text/plain,
     * text/html, text/markdown and image/svg+xml are taken to be the value's own text.
     */
    public MimeBundle render(Object value, List<String> mimes) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        MimeBundle out = new MimeBundle();
        Entry<?> entry = find(value);
        Set<String> wanted = mimes.isEmpty() ? (entry == null ? Set.of(MimeBundle.TEXT) : entry.defaults())
                : Set.copyOf(mimes);
        if (entry != null) {
            run(entry, value, wanted, out);
        }
        for (String mime : mimes) {
            if (!out.has(mime)) {
                if (mime.startsWith("text/") || mime.equals(MimeBundle.SVG) || mime.equals("application/json")
                        || mime.equals("application/javascript")) {
                    out.put(mime, String.valueOf(value));
                } else {
                    throw new IllegalArgumentException("cannot render a "
                            + (value == null ? "null" : value.getClass().getName()) + " as " + mime);
                }
            }
        }
        if (wanted.contains(MimeBundle.TEXT) && !out.has(MimeBundle.TEXT)) {
            out.put(MimeBundle.TEXT, text(value));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> void run(Entry<T> entry, Object value, Set<String> wanted, MimeBundle out) {
        Set<String> doable = new java.util.LinkedHashSet<>(wanted);
        doable.retainAll(entry.supported());
        if (doable.isEmpty()) {
            return;
        }
        try {
            entry.renderer().render((T) value, doable, out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a " + value.getClass().getSimpleName() + " failed", e);
        }
    }

    private Entry<?> find(Object value) {
        if (value == null) {
            return null;
        }
        for (Entry<?> entry : entries) {
            if (entry.type().isInstance(value)) {
                return entry;
            }
        }
        return null;
    }

    /** The plain-text form of a value: strings as they are, arrays by element, the rest by toString. */
    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            if (value instanceof Object[] array) {
                return Arrays.deepToString(array);
            }
            int n = Array.getLength(value);
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                if (i == 1000) {
                    sb.append("... (").append(n).append(" elements)");
                    break;
                }
                sb.append(Array.get(value, i));
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }

    private static void renderChart(Chart<?, ?> chart, Set<String> wanted, MimeBundle out) throws IOException {
        if (wanted.contains(MimeBundle.PNG)) {
            out.putBinary(MimeBundle.PNG, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            out.putMetadata(MimeBundle.PNG, Map.of("width", chart.getWidth(), "height", chart.getHeight()));
        }
        if (wanted.contains(MimeBundle.SVG)) {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            out.put(MimeBundle.SVG, svg.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (wanted.contains(MimeBundle.TEXT)) {
            String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " \"" + chart.getTitle() + "\"";
            out.put(MimeBundle.TEXT, chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "x"
                    + chart.getHeight() + ")");
        }
    }

    private static void renderImage(RenderedImage image, Set<String> wanted, MimeBundle out) throws IOException {
        for (String mime : List.of(MimeBundle.PNG, MimeBundle.JPEG)) {
            if (wanted.contains(mime)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                if (!ImageIO.write(image, mime.equals(MimeBundle.PNG) ? "png" : "jpeg", bytes)) {
                    throw new IOException("no ImageIO writer for " + mime + " and this image");
                }
                out.putBinary(mime, bytes.toByteArray());
            }
        }
        if (wanted.contains(MimeBundle.TEXT)) {
            out.put(MimeBundle.TEXT, "image " + image.getWidth() + "x" + image.getHeight());
        }
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("width", image.getWidth());
        size.put("height", image.getHeight());
        if (out.has(MimeBundle.PNG)) {
            out.putMetadata(MimeBundle.PNG, size);
        }
    }
}
