package io.latentbench.workbench.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution control, which runs each snippet on its own thread and stops a
 * running snippet on {@link #stop()} (it weaves a stop check into every backward branch), extended
 * to keep the raw value of the last snippet for rendering, where the base only keeps its string.
 *
 * <p>It also remembers which wrapper classes it loaded for each snippet, so that the value a
 * redeclared variable held can be released ({@link #releaseVariable}).
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    /** JShell's wrapper classes: {@code REPL.$JShell$<snippet id><letters of a re-wrap>}. */
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$(\\d+)[A-Z]*");

    /** The snippet method the trampoline is to call; set and taken around each invocation. */
    private static final AtomicReference<Invocation> PENDING = new AtomicReference<>();

    private static final Method TRAMPOLINE;

    static {
        try {
            TRAMPOLINE = CapturingExecutionControl.class.getDeclaredMethod("trampoline");
            // the base class calls it from jdk.jshell, which cannot see this package-private class
            TRAMPOLINE.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Invocation {
        final Method target;
        Object result;

        Invocation(Method target) {
            this.target = target;
        }
    }

    private final Map<String, List<String>> classesBySnippetId = new HashMap<>();
    private Object lastValue;

    /**
     * Runs on the snippet thread that the base class starts: calls the snippet and keeps what it
     * returned. The snippet's own exception (or the stop signal) is rethrown unwrapped, so the base
     * class sees exactly what it would have seen calling the snippet itself.
     */
    public static Object trampoline() throws Throwable {
        Invocation invocation = PENDING.getAndSet(null);
        try {
            invocation.result = invocation.target.invoke(null);
            return invocation.result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Invocation invocation = new Invocation(doitMethod);
        PENDING.set(invocation);
        lastValue = null;
        String text = super.invoke(TRAMPOLINE);
        lastValue = invocation.result;
        return text;
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        String text = super.varValue(className, varName);
        try {
            lastValue = findClass(className).getField(varName).get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            lastValue = null;
        }
        return text;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(cbcs);
        synchronized (classesBySnippetId) {
            for (ClassBytecodes cbc : cbcs) {
                Matcher m = WRAPPER.matcher(cbc.name());
                if (m.matches()) {
                    classesBySnippetId.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(cbc.name());
                }
            }
        }
    }

    /** The raw value the last snippet returned, once; null when there is none. */
    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    /**
     * Drops the reference that a variable of the given snippet holds, so that a redeclared or
     * overwritten variable does not keep its old value alive for the rest of the session.
     */
    void releaseVariable(String snippetId, String name) {
        List<String> classes;
        synchronized (classesBySnippetId) {
            classes = classesBySnippetId.getOrDefault(snippetId, List.of());
        }
        for (String className : classes) {
            try {
                Field field = findClass(className).getDeclaredField(name);
                int mods = field.getModifiers();
                if (Modifier.isStatic(mods) && !Modifier.isFinal(mods) && !field.getType().isPrimitive()) {
                    field.setAccessible(true);
                    field.set(null, null);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
                // the class or field is not there (a different wrapper shape): nothing to release
            }
        }
    }
}
