package io.latentbench.workbench.kernel.eval;

/**
 * The outcome of evaluating some code: whether its last snippet was an expression, and the raw
 * value it produced (which may be null).
 */
public record Evaluation(boolean hasValue, Object value) {

    public static final Evaluation NONE = new Evaluation(false, null);

    public static Evaluation of(Object value) {
        return new Evaluation(true, value);
    }
}
