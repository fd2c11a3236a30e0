package io.latentbench.workbench.kernel.eval;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates Java code with JShell in this JVM. Snippets run through {@link CapturingExecutionControl},
 * so that the raw value of an expression is available for rendering and a running cell can be
 * interrupted. Knows nothing of Jupyter.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** The JVM options that JShell's compiler needs to see what the kernel's JVM sees. */
    private static final List<String> COMPILER_OPTIONS = List.of("--add-modules", "jdk.incubator.vector", "-Xlint:none");

    /** How many temporary variables ({@code $N}, the values of expression cells) stay referable. */
    static final int KEPT_TEMP_VARIABLES = 8;

    /** The name of {@link #WARM_UP}'s variable, dropped once it has run. */
    private static final String WARM_UP_VARIABLE = "$latentbenchWarmUp";

    /** A declaration with a value, string concatenation and a call: what a first cell needs compiled and run. */
    private static final String WARM_UP = "String " + WARM_UP_VARIABLE + " = \"answer \" + Math.abs(6 * -7);";

    private final CapturingExecutionControl control;
    private final Deque<VarSnippet> tempVariables = new ArrayDeque<>();
    private final JShell shell;
    /** Created at its first use: see {@link #analysis()}. */
    private SourceCodeAnalysis analysis;
    private final Set<String> classpath = new LinkedHashSet<>();
    private volatile boolean interruptRequested;
    private volatile boolean running;

    /**
     * @param classpath the user's class path: what cells compile against and load from
     */
    public JShellEvaluator(List<String> classpath) {
        this.control = new CapturingExecutionControl();
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "latentbench-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(new PrintStream(new Current(() -> System.out), true, StandardCharsets.UTF_8))
                .err(new PrintStream(new Current(() -> System.err), true, StandardCharsets.UTF_8))
                .in(new CurrentStdin())
                .compilerOptions(COMPILER_OPTIONS.toArray(String[]::new))
                .build();
        addToClasspath(classpath);
    }

    /**
     * JShell's source analysis, created at its first use. Creating it starts indexing every class of
     * the JDK and of the class path on a thread of JShell's (for completion of names not imported),
     * seconds of CPU at a kernel's start, and each class path entry added after it starts a re-index:
     * so it is created once the class path is set and the start-up imports are in, off the path of
     * the kernel's first reply and of those imports.
     */
    private synchronized SourceCodeAnalysis analysis() {
        if (analysis == null) {
            analysis = shell.sourceCodeAnalysis();
        }
        return analysis;
    }

    /** Adds a jar or a classes directory to what cells compile against and load from. */
    public void addToClasspath(String entry) {
        addToClasspath(List.of(entry));
    }

    /**
     * Adds jars and classes directories as one change: javac re-reads the manifest of every entry on
     * each change, so a session's class path added an entry at a time cost a quadratic number of reads.
     */
    private void addToClasspath(List<String> entries) {
        List<String> added = new ArrayList<>();
        for (String entry : entries) {
            String normalized = new File(entry).getAbsolutePath();
            if (classpath.add(normalized)) {
                added.add(normalized);
            }
        }
        if (!added.isEmpty()) {
            shell.addToClasspath(String.join(File.pathSeparator, added));
        }
    }

    public List<String> classpath() {
        return List.copyOf(classpath);
    }

    /**
     * Evaluates one import declaration (a session's start-up imports), without the snippet analysis
     * of {@link #eval}, which a single import does not need (see {@link #analysis()}).
     *
     * @param imported what follows {@code import}, e.g. {@code java.util.*} or {@code static java.lang.Math.*}
     * @throws CellException when the import does not compile, e.g. its package is not on the class path
     */
    public void importOne(String imported) {
        evalSnippet("import " + imported + ";");
    }

    /**
     * Runs a throwaway snippet through everything a cell goes through (the analysis that splits a
     * cell, javac's whole pipeline, loading the wrapper class, running it on the snippet thread,
     * taking its value), then drops it: on a fresh JVM those first uses take seconds, and a kernel
     * pays them at its start, before its first cell, rather than in that cell. It leaves no variable
     * and takes no {@code $N} name: the first expression cell is still {@code $1}.
     *
     * @throws CellException when the snippet fails, which says that cells will fail too
     */
    public void warmUp() {
        try {
            eval(WARM_UP);
            List<VarSnippet> declared = shell.variables().filter(v -> v.name().equals(WARM_UP_VARIABLE)).toList();
            String value = declared.isEmpty() ? null : shell.varValue(declared.get(0));
            if (!"\"answer 42\"".equals(value)) {
                throw CellException.of("IllegalStateException", "the warm-up snippet left " + value + ", not \"answer 42\"");
            }
        } finally {
            shell.variables().filter(v -> v.name().equals(WARM_UP_VARIABLE)).toList().forEach(v -> {
                shell.drop(v);
                control.forgetVariable(v.name());
            });
        }
    }

    /**
     * Evaluates every snippet of the code in order.
     *
     * @return the value of the last snippet when it is an expression
     * @throws CellException on a compile error, an exception thrown by the code, or an interrupt;
     *                       the snippets before the failing one keep their effects
     */
    public Evaluation eval(String code) {
        interruptRequested = false;
        running = true;
        try {
            Evaluation last = Evaluation.NONE;
            String remaining = code;
            while (true) {
                checkInterrupted();
                SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(remaining);
                if (!info.completeness().isComplete()) {
                    if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
                        throw incomplete(info.remaining());
                    }
                    return last;
                }
                last = evalSnippet(info.source());
                remaining = info.remaining();
            }
        } finally {
            running = false;
        }
    }

    private Evaluation evalSnippet(String source) {
        control.markEval();
        List<SnippetEvent> events = shell.eval(source);
        Object value = control.takeLastValue();
        Snippet fresh = null;
        try {
            checkInterrupted();
            Evaluation result = Evaluation.NONE;
            for (SnippetEvent event : events) {
                Snippet snippet = event.snippet();
                if (event.causeSnippet() != null) {
                    continue; // a consequence of this snippet for an earlier one
                }
                fresh = snippet;
                if (snippet instanceof VarSnippet var && event.status().isDefined()) {
                    control.variableDeclared(var.name());
                }
                if (event.exception() != null) {
                    throw fromException(event.exception());
                }
                if (event.status() == Snippet.Status.REJECTED) {
                    throw compileError(snippet);
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    warnUnresolved(snippet);
                }
                switch (snippet.subKind()) {
                    case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND ->
                            result = Evaluation.of(value);
                    default -> result = Evaluation.NONE;
                }
            }
            return result;
        } finally {
            if (fresh != null) {
                retire(fresh);
            }
        }
    }

    /**
     * Keeps JShell's state from growing with every cell: a statement is dropped once it has run
     * (nothing can refer to it), and of the temporary variables that hold expression values
     * ({@code $12}) only the last {@value #KEPT_TEMP_VARIABLES} stay, the older ones dropped with
     * their values released. JShell would otherwise keep, and compile each new snippet against,
     * every one of them: about 30 to 50 KB more heap per cell, growing with the session.
     */
    private void retire(Snippet snippet) {
        if (!shell.status(snippet).isActive()) {
            return;
        }
        if (!snippet.kind().isPersistent()) {
            shell.drop(snippet);
        } else if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND && snippet instanceof VarSnippet var) {
            tempVariables.addLast(var);
            while (tempVariables.size() > KEPT_TEMP_VARIABLES) {
                VarSnippet old = tempVariables.removeFirst();
                if (shell.status(old).isActive()) {
                    shell.drop(old);
                }
                control.forgetVariable(old.name());
            }
        }
    }

    private void checkInterrupted() {
        if (interruptRequested) {
            interruptRequested = false;
            throw CellException.of("InterruptedException", "the cell was interrupted");
        }
    }

    /** Stops the running cell, if any: the kernel goes on with its state as the cell left it. */
    public void interrupt() {
        if (!running) {
            return;
        }
        interruptRequested = true;
        try {
            control.stop();
        } catch (ExecutionControl.ExecutionControlException e) {
            // nothing was running any more
        }
    }

    public record Completion(List<String> matches, int start, int end) {
    }

    /** Completions at the cursor: the texts that may replace {@code code[start, end)}. */
    public Completion complete(String code, int cursor) {
        int[] anchor = {cursor};
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis().completionSuggestions(code, cursor, anchor);
        boolean anyTyped = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        List<String> matches = suggestions.stream()
                .filter(s -> !anyTyped || s.matchesType())
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new Completion(matches, anchor[0], cursor);
    }

    /** Signatures and javadoc of what is at the cursor, or empty when there is nothing to show. */
    public Optional<String> inspect(String code, int cursor, boolean detail) {
        // javadoc (from the JDK's src.zip and the sources that are on the class path) at every level
        List<SourceCodeAnalysis.Documentation> docs = documentation(code, cursor, true);
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(doc.signature());
            if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
                text.append("\n\n").append(doc.javadoc().strip());
            }
        }
        return Optional.of(text.toString());
    }

    private List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor, boolean javadoc) {
        List<SourceCodeAnalysis.Documentation> docs = analysis().documentation(code, cursor, javadoc);
        if (docs.isEmpty() && cursor == code.length() && !code.endsWith("(")) {
            // "Math.max" with the cursor after the name: JShell documents the call "Math.max("
            docs = analysis().documentation(code + "(", cursor + 1, javadoc);
        }
        return docs;
    }

    /** Jupyter's is_complete status of the code, with the next line's indent when incomplete. */
    public IsComplete isComplete(String code) {
        if (Lexical.isInvalid(code)) {
            return IsComplete.INVALID;
        }
        SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            info = analysis().analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case EMPTY, COMPLETE, COMPLETE_WITH_SEMI -> IsComplete.COMPLETE;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> IsComplete.incomplete(Indentation.nextLine(code));
            case UNKNOWN -> IsComplete.INVALID;
        };
    }

    public record IsComplete(String status, String indent) {
        public static final IsComplete COMPLETE = new IsComplete("complete", null);
        public static final IsComplete INVALID = new IsComplete("invalid", null);
        public static final IsComplete UNKNOWN = new IsComplete("unknown", null);

        public static IsComplete incomplete(String indent) {
            return new IsComplete("incomplete", indent);
        }
    }

    /** The variables the session has defined, as "type name" lines (for %whos-like listings). */
    public List<String> variables() {
        return shell.variables().map(v -> v.typeName() + " " + v.name()).toList();
    }

    @Override
    public void close() {
        shell.close();
    }

    // ---------------------------------------------------------------- errors

    private CellException incomplete(String remaining) {
        String source = remaining.strip();
        List<String> tb = new ArrayList<>();
        tb.add("CompilationException: incomplete code");
        tb.addAll(source.lines().limit(5).map(l -> "  " + l).toList());
        return new CellException("CompilationException", "incomplete code: " + firstLine(source), tb);
    }

    private CellException compileError(Snippet snippet) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (diags.isEmpty()) {
            diags = shell.diagnostics(snippet).toList();
        }
        String source = snippet.source();
        List<String> tb = new ArrayList<>();
        String first = null;
        for (Diag diag : diags) {
            String message = diag.getMessage(Locale.ROOT);
            if (first == null) {
                first = firstLine(message);
            }
            tb.add("Error: " + message.replace("\n", "\n  "));
            tb.addAll(markSource(source, (int) diag.getStartPosition(), (int) diag.getEndPosition()));
        }
        if (first == null) {
            first = "the snippet was rejected";
            tb.add("Error: " + first);
        }
        return new CellException("CompilationException", first, tb);
    }

    /** The source line holding the error and a caret line under the error's span. */
    private static List<String> markSource(String source, int start, int end) {
        if (start < 0 || start > source.length()) {
            return List.of();
        }
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) {
            lineStart = 0;
        }
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String line = source.substring(lineStart, lineEnd);
        int from = start - lineStart;
        int to = Math.max(from + 1, Math.min(end, lineEnd) - lineStart);
        return List.of(line, " ".repeat(from) + "^" + "-".repeat(Math.max(0, to - from - 1)));
    }

    private void warnUnresolved(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet decl) {
            List<String> names = shell.unresolvedDependencies(decl).toList();
            if (!names.isEmpty()) {
                System.err.println("Note: " + decl.subKind().kind().name().toLowerCase(Locale.ROOT)
                        + " can't be used until these are defined: " + String.join(", ", names));
            }
        }
    }

    private CellException fromException(JShellException e) {
        if (e instanceof UnresolvedReferenceException unresolved) {
            String names = shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            String evalue = unresolved.getSnippet().subKind().kind().name().toLowerCase(Locale.ROOT)
                    + " can't be used until these are defined: " + names;
            return CellException.of("UnresolvedReferenceException", evalue);
        }
        String className = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        List<String> tb = new ArrayList<>();
        appendTrace(tb, e, className, message, "");
        return new CellException(simpleName(className), message, tb);
    }

    private static void appendTrace(List<String> tb, Throwable t, String className, String message, String prefix) {
        tb.add(prefix + className + (message.isEmpty() ? "" : ": " + message));
        for (StackTraceElement frame : t.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith(CapturingExecutionControl.class.getName())
                    || cls.startsWith("jdk.internal.reflect.") || cls.equals("java.lang.reflect.Method")) {
                break;
            }
            tb.add("\tat " + frameText(frame));
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            String causeClass = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            appendTrace(tb, cause, causeClass, cause.getMessage() == null ? "" : cause.getMessage(), "Caused by: ");
        }
    }

    /** A frame, with JShell's wrapper classes shown as the cell position they stand for. */
    private static String frameText(StackTraceElement frame) {
        if (frame.getClassName().startsWith("REPL.$JShell$")) {
            String method = frame.getMethodName().equals("do_it$") ? "" : frame.getMethodName();
            String where = frame.getFileName() + ":" + frame.getLineNumber();
            return method.isEmpty() ? "(" + where + ")" : method + "(" + where + ")";
        }
        return frame.toString();
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        String simple = dot < 0 ? className : className.substring(dot + 1);
        return simple.replace('$', '.');
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    // ---------------------------------------------------------------- streams

    /** Writes to whatever stream the supplier gives at the time: the kernel swaps System.out and System.err per request. */
    private static final class Current extends OutputStream {
        private final Supplier<PrintStream> target;

        Current(Supplier<PrintStream> target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.get().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.get().write(b, off, len);
        }

        @Override
        public void flush() {
            target.get().flush();
        }
    }

    /** Reads from whatever {@link System#in} is at the time. */
    private static final class CurrentStdin extends InputStream {
        @Override
        public int read() throws java.io.IOException {
            return System.in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            return System.in.read(b, off, len);
        }
    }
}
