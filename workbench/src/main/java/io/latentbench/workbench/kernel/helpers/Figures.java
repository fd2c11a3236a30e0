package io.latentbench.workbench.kernel.helpers;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Small multiples: XChart charts drawn side by side, row by row, into one image, which a cell
 * shows as a PNG (XChart has no subplots). Each chart keeps its own size; a cell of the grid is as
 * wide and tall as the largest chart.
 *
 * <pre>{@code
 * Figures.grid(3, charts)                       // three per row
 * Figures.grid(3, charts, "distance of the 10 nearest neighbours")
 * }</pre>
 */
public final class Figures {

    static final int TITLE_HEIGHT = 36;

    private Figures() {
    }

    public static BufferedImage grid(int columns, List<? extends Chart<?, ?>> charts) {
        return grid(columns, charts, null);
    }

    /** The charts in rows of {@code columns}, under a title when it is not null. */
    public static BufferedImage grid(int columns, List<? extends Chart<?, ?>> charts, String title) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one chart");
        }
        int cellW = charts.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        int cellH = charts.stream().mapToInt(Chart::getHeight).max().orElseThrow();
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int top = title == null ? 0 : TITLE_HEIGHT;
        BufferedImage image = new BufferedImage(cellW * cols, top + cellH * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            if (title != null) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
                int w = g.getFontMetrics().stringWidth(title);
                g.drawString(title, Math.max(8, (image.getWidth() - w) / 2), 25);
            }
            for (int i = 0; i < charts.size(); i++) {
                Chart<?, ?> chart = charts.get(i);
                g.drawImage(BitmapEncoder.getBufferedImage(chart), cellW * (i % cols), top + cellH * (i / cols), null);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
