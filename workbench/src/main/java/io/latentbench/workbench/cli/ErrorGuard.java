package io.latentbench.workbench.cli;

import com.fasterxml.jackson.core.JacksonException;
import io.latentbench.workbench.regress.baseline.BaselineException;
import io.latentbench.workbench.regress.config.ConfigException;
import io.latentbench.workbench.results.JsonErrors;
import io.latentbench.workbench.results.ResultFileException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * Guards a regression command's body (compare, report, baseline ...): a failure to judge at all
 * (bad file, config or argument) becomes one clear message and exit status 3, apart from the verdicts' 1 and 2.
 */
final class ErrorGuard {

    /** Exit status when the comparison or update could not be made at all (1 and 2 are verdicts). */
    static final int FAILED = 3;

    private ErrorGuard() {}

    static int guarded(String command, PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (BaselineException | ConfigException | ResultFileException | IllegalArgumentException
                | UncheckedIOException e) {
            err.println("lb " + command + ": " + e.getMessage());
            err.flush();
            return FAILED;
        } catch (JacksonException e) {
            err.println("lb " + command + ": " + JsonErrors.describe(e));
            err.flush();
            return FAILED;
        } catch (Exception e) {
            err.println("lb " + command + ": " + e);
            err.flush();
            return FAILED;
        }
    }
}
