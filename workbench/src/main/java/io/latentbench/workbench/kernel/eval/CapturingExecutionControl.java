package io.latentbench.workbench.kernel.eval;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution control, which runs each snippet on its own thread and stops a
 * running snippet on {@link #stop()} (it weaves a stop check into every backward branch), extended
 * to keep the raw value of the last snippet for rendering, where the base only keeps its string.
 *
 * <p>It also remembers which wrapper classes hold each variable, so that the value of a redeclared
 * variable can be released ({@link #variableDeclared}).
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

    /** Wrapper classes loaded since {@link #markEval()}: the current cell's. */
    private final List<String> loadedSinceMark = new ArrayList<>();
    /** For each variable name, the wrapper classes whose static field holds (or held) it. */
    private final Map<String, Set<String>> holders = new HashMap<>();
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
        synchronized (loadedSinceMark) {
            for (ClassBytecodes cbc : cbcs) {
                if (WRAPPER.matcher(cbc.name()).matches()) {
                    loadedSinceMark.add(cbc.name());
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

    /** Starts a snippet's evaluation: classes loaded from now on are its. */
    void markEval() {
        synchronized (loadedSinceMark) {
            loadedSinceMark.clear();
        }
    }

    /**
     * A variable was (re)declared by the snippet just evaluated: drops the references that the wrapper
     * classes of its earlier declarations still hold, so that a value replaced in a notebook is not
     * kept alive for the rest of the session. (JShell keeps every wrapper class loaded, and with it
     * each old declaration's static field.)
     */
    void variableDeclared(String name) {
        Set<String> current = new HashSet<>();
        synchronized (loadedSinceMark) {
            for (String className : loadedSinceMark) {
                if (staticField(className, name) != null) {
                    current.add(className);
                }
            }
        }
        if (current.isEmpty()) {
            return;
        }
        Set<String> previous = holders.put(name, current);
        if (previous != null) {
            previous.stream().filter(c -> !current.contains(c)).forEach(c -> clear(c, name));
        }
    }

    /** A variable was dropped: releases the value that its wrapper classes hold. */
    void forgetVariable(String name) {
        Set<String> previous = holders.remove(name);
        if (previous != null) {
            previous.forEach(c -> clear(c, name));
        }
    }

    private void clear(String className, String name) {
        Field field = staticField(className, name);
        if (field != null && !Modifier.isFinal(field.getModifiers()) && !field.getType().isPrimitive()) {
            try {
                field.setAccessible(true);
                field.set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // left as it is: it only costs memory
            }
        }
    }

    private Field staticField(String className, String name) {
        try {
            Field field = findClass(className).getDeclaredField(name);
            return Modifier.isStatic(field.getModifiers()) ? field : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
