package io.latentbench.workbench.kernel.jupyter;

import java.util.concurrent.CompletionStage;

import io.latentbench.workbench.kernel.render.Renderers;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Loads what a notebook's first table and first chart need (Tablesaw's registries, AWT, fonts, the
 * PNG encoder) on a background thread once the session is up and its first cell has run (or the
 * session has waited a while for one), so that those cells do not pay for it and the first cell
 * does not share the CPU with it. It renders into nothing and sends nothing.
 */
final class Warmup {

    private Warmup() {
    }

    /** Starts the warm-up when {@code trigger} completes normally. */
    static void startWhen(CompletionStage<?> trigger) {
        trigger.thenRun(Warmup::startInBackground);
    }

    private static void startInBackground() {
        Thread t = new Thread(Warmup::run, "latentbench-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Renderers renderers = Renderers.standard();
            renderers.render(Table.create("warmup", IntColumn.create("a", 1, 2)));
            XYChart chart = new XYChart(64, 48);
            chart.addSeries("s", new double[] {0, 1}, new double[] {1, 0});
            renderers.render(chart);
        } catch (Throwable ignored) {
            // only a head start: the cell that needs it will load it and report any problem
        }
    }
}
