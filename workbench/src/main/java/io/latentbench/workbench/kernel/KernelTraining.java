package io.latentbench.workbench.kernel;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import io.latentbench.workbench.kernel.render.MimeBundle;

/**
 * The training run behind the kernel's class-data archive: {@code lb kernel install} starts the
 * kernel's JVM on this class, with the kernel's options and class path and the archive to write at
 * exit, so that every later start maps the classes a session loads instead of loading them
 * (JShell and javac, jjava, ZeroMQ, Tablesaw, XChart). It loads the kernel's own protocol classes,
 * runs a few cells like a first notebook would, and exits.
 */
public final class KernelTraining {

    /** Cells that load what a first notebook needs: the compiler, a table, a chart, a magic. */
    static final String[] CELLS = {
            "6 * 7",
            "int[] a = {1, 2, 3};\nArrays.stream(a).sum()",
            "Table t = Table.create(\"t\", IntColumn.create(\"a\", 1, 2));\nt",
            "XYChart c = new XYChart(64, 48);\nc.addSeries(\"s\", new double[] {0, 1}, new double[] {1, 0});\nc",
            "%timeit -n 1 -r 1 -q Math.abs(-1)",
    };

    private KernelTraining() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int loaded = loadProtocolClasses();
        PrintStream out = System.out;
        // the cells' own output is not the training's
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        int ran = 0;
        try (KernelSession session = new KernelSession(new Silent(), KernelSession.userClasspath())) {
            session.warmUp(); // as a kernel's start does
            for (String cell : CELLS) {
                session.renderResult(session.execute(cell));
                ran++;
            }
        } finally {
            System.setOut(out);
        }
        System.out.println("kernel training: " + loaded + " protocol classes loaded, " + ran + " cells run");
        System.exit(0);
    }

    /** Loads (without initializing) the classes of the kernel jar: jjava, ZeroMQ, gson, the kernel's own. */
    private static int loadProtocolClasses() throws IOException {
        int n = 0;
        ClassLoader loader = KernelTraining.class.getClassLoader();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!new File(entry).getName().equals(KernelSession.KERNEL_JAR)) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class") && !name.contains("module-info")) {
                        try {
                            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                            n++;
                        } catch (ClassNotFoundException | LinkageError ignored) {
                            // an optional dependency's class: the kernel does not use it either
                        }
                    }
                }
            }
        }
        return n;
    }

    private static final class Silent implements Frontend {
        @Override
        public void display(MimeBundle bundle, String displayId) {
        }

        @Override
        public void updateDisplay(MimeBundle bundle, String displayId) {
        }

        @Override
        public void clearOutput(boolean wait) {
        }
    }
}
