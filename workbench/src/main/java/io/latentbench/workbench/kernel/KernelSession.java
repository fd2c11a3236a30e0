package io.latentbench.workbench.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.eval.JShellEvaluator;
import io.latentbench.workbench.kernel.magic.Magics;
import io.latentbench.workbench.kernel.render.MimeBundle;
import io.latentbench.workbench.kernel.render.Renderers;

/**
 * One notebook session: JShell with the workbench on its class path and the start-up imports,
 * the magics, and the renderers. Independent of the Jupyter protocol: the kernel adapter calls it,
 * and so do the tests.
 */
public final class KernelSession implements AutoCloseable, Magics.Host, Notebook.Display {

    /** The jar of the kernel itself, whose relocated libraries a notebook must not see. */
    public static final String KERNEL_JAR = "latentbench-kernel.jar";

    private final JShellEvaluator evaluator;
    private final Magics magics = Magics.standard();
    private final Renderers renderers = Renderers.standard();
    private final Frontend frontend;
    private final Path workingDirectory;
    /** The warm-up's failure, said by the next cell, or null. */
    private volatile String warmUpProblem;

    public KernelSession(Frontend frontend, List<String> classpath) {
        this.frontend = frontend;
        this.workingDirectory = Path.of("").toAbsolutePath();
        this.evaluator = new JShellEvaluator(classpath);
        for (String imp : StartupImports.imports()) {
            try {
                evaluator.importOne(imp);
            } catch (CellException e) {
                // a package that this build does not have
            }
        }
        Notebook.connect(this);
    }

    /**
     * Runs a throwaway cell through JShell and the renderers ({@link JShellEvaluator#warmUp}), so
     * that a kernel pays the compiler's first use at its start rather than in the user's first
     * cell. It cannot fail the start: a failure is said on the standard error of the next cell, the
     * first place a user looks, since a start has no notebook to say it to.
     */
    public void warmUp() {
        String failure;
        try {
            evaluator.warmUp();
            renderers.render(42);
            return;
        } catch (CellException e) {
            failure = e.ename() + ": " + e.evalue();
        } catch (RuntimeException | LinkageError e) {
            failure = e.toString();
        }
        warmUpProblem = "kernel: the start-up warm-up of the Java compiler failed (" + failure + "); cells may fail the same way";
    }

    /** This JVM's class path without the kernel's own jar: what cells compile against. */
    public static List<String> userClasspath() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && !new File(entry).getName().equals(KERNEL_JAR)) {
                out.add(entry);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- execution

    /**
     * Runs a cell: a cell magic when the first line is {@code %%name}, otherwise Java code with
     * line magics on lines of their own.
     *
     * @return the value of the cell's last expression, if it ends with one
     */
    @Override
    public Evaluation execute(String cell) {
        String problem = warmUpProblem;
        if (problem != null) {
            warmUpProblem = null;
            System.err.println(problem);
        }
        String trimmed = stripBlankLines(cell);
        if (trimmed.startsWith("%%")) {
            int nl = trimmed.indexOf('\n');
            String header = (nl < 0 ? trimmed : trimmed.substring(0, nl)).substring(2).strip();
            String body = nl < 0 ? "" : trimmed.substring(nl + 1);
            String[] nameArgs = header.split("\\s+", 2);
            return magics.runCell(this, nameArgs[0], nameArgs.length > 1 ? nameArgs[1] : "", body);
        }
        Evaluation last = Evaluation.NONE;
        StringBuilder code = new StringBuilder();
        for (String line : cell.split("\r?\n", -1)) {
            if (isLineMagic(line)) {
                if (!code.toString().isBlank()) {
                    evaluator.eval(code.toString());
                }
                code.setLength(0);
                String[] nameArgs = line.substring(1).strip().split("\\s+", 2);
                last = magics.runLine(this, nameArgs[0], nameArgs.length > 1 ? nameArgs[1] : "");
            } else {
                code.append(line).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            last = evaluator.eval(code.toString());
        }
        return last;
    }

    /** Renders a cell's value for its execute_result, or null when it shows nothing. */
    public MimeBundle renderResult(Evaluation evaluation) {
        if (!evaluation.hasValue() || evaluation.value() == null) {
            return null;
        }
        return renderers.render(evaluation.value());
    }

    public void interrupt() {
        evaluator.interrupt();
    }

    private static boolean isLineMagic(String line) {
        return line.startsWith("%") && !line.startsWith("%%");
    }

    private static String stripBlankLines(String cell) {
        int i = 0;
        int lineStart = 0;
        while (i < cell.length() && Character.isWhitespace(cell.charAt(i))) {
            if (cell.charAt(i) == '\n') {
                lineStart = i + 1;
            }
            i++;
        }
        return cell.substring(Math.min(lineStart, cell.length()));
    }

    /** The code with magic lines blanked out (offsets kept), for JShell's analyses. */
    private static String javaOnly(String cell) {
        if (stripBlankLines(cell).startsWith("%%")) {
            return "";
        }
        StringBuilder out = new StringBuilder(cell.length());
        for (String line : cell.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(isLineMagic(line) ? " ".repeat(line.length()) : line);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- analysis

    public JShellEvaluator.Completion complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        if (cursor > 0 && code.charAt(lineStart) == '%') {
            String typed = code.substring(lineStart, cursor);
            if (typed.matches("%%?\\w*")) {
                boolean cellMagic = typed.startsWith("%%");
                String prefix = typed.substring(cellMagic ? 2 : 1);
                List<String> names = (cellMagic ? magics.cellNames() : magics.lineNames()).stream()
                        .filter(n -> n.startsWith(prefix)).toList();
                return new JShellEvaluator.Completion(names, cursor - prefix.length(), cursor);
            }
            return new JShellEvaluator.Completion(List.of(), cursor, cursor);
        }
        return evaluator.complete(javaOnly(code), cursor);
    }

    public Optional<String> inspect(String code, int cursor, boolean detail) {
        return evaluator.inspect(javaOnly(code), cursor, detail);
    }

    public JShellEvaluator.IsComplete isComplete(String code) {
        if (stripBlankLines(code).startsWith("%%")) {
            return JShellEvaluator.IsComplete.COMPLETE;
        }
        return evaluator.isComplete(javaOnly(code));
    }

    // ---------------------------------------------------------------- Magics.Host

    @Override
    public void display(MimeBundle bundle) {
        frontend.display(bundle, null);
    }

    @Override
    public void addToClasspath(String entry) {
        evaluator.addToClasspath(entry);
    }

    @Override
    public List<String> classpath() {
        return evaluator.classpath();
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    // ---------------------------------------------------------------- Notebook.Display

    @Override
    public String display(Object value, List<String> mimes) {
        String id = UUID.randomUUID().toString();
        frontend.display(renderers.render(value, mimes), id);
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value, List<String> mimes) {
        frontend.updateDisplay(renderers.render(value, mimes), displayId);
    }

    @Override
    public void clearOutput(boolean wait) {
        frontend.clearOutput(wait);
    }

    @Override
    public void close() {
        Notebook.connect(null);
        evaluator.close();
    }
}
