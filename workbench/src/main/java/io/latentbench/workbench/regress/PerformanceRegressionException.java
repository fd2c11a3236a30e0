package io.latentbench.workbench.regress;

import java.util.List;

/** The regression gate failed: the message lists each regression with its change and threshold. */
public final class PerformanceRegressionException extends RuntimeException {

    private final transient List<Comparison> regressions;

    public PerformanceRegressionException(String message, List<Comparison> regressions) {
        super(message);
        this.regressions = List.copyOf(regressions);
    }

    public List<Comparison> regressions() {
        return regressions;
    }
}
