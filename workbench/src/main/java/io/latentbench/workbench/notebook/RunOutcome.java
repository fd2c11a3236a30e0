package io.latentbench.workbench.notebook;

/** How a notebook run ended, and the process exit code each outcome means (papermill's, plus 138). */
public sealed interface RunOutcome {

    int exitCode();

    /** Every code cell ran. */
    record Completed() implements RunOutcome {
        public int exitCode() { return 0; }
    }

    /**
     * A cell ended the run with {@code sys.exit()}, {@code sys.exit(0)} or {@code raise SystemExit}: later cells
     * are not run, and, as with papermill, that is a clean end without an error banner.
     */
    record Exited(int cellIndex) implements RunOutcome {
        public int exitCode() { return 0; }
    }

    /** A cell raised an error; the run stopped there. */
    record CellFailed(int cellIndex, String ename, String evalue) implements RunOutcome {
        public int exitCode() { return 1; }
    }

    /** A cell ran past the execution timeout and was interrupted, or killed with its kernel. */
    record TimedOut(int cellIndex, double seconds, boolean kernelKilled) implements RunOutcome {
        public int exitCode() { return 1; }
    }

    /** The kernel process ended, or stopped answering (its heartbeat, or its shell), while a cell ran. */
    record KernelDied(int cellIndex, int kernelExitCode) implements RunOutcome {
        /** 128 + 10, the code papermill's users know for a dead kernel. */
        public static final int EXIT_CODE = 138;

        public int exitCode() { return EXIT_CODE; }
    }

    /** The run was asked to stop (SIGTERM, SIGINT) while {@code cellIndex} ran or was next. */
    record Stopped(int cellIndex, String reason, int exitCode) implements RunOutcome {}
}
