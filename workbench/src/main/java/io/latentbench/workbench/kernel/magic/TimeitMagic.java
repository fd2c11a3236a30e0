package io.latentbench.workbench.kernel.magic;

import java.util.ArrayList;
import java.util.List;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.timeit.Timeit;
import io.latentbench.workbench.kernel.timeit.TimeitResult;

/**
 * {@code %timeit [-n N] [-r R] [-q] [-o] CODE} and {@code %%timeit [-n N] [-r R] [-q] [-o] [SETUP]}
 * over the cell's body, as in IPython: {@code -n} loops per repeat (automatic otherwise), {@code -r}
 * repeats (7), {@code -q} prints nothing, {@code -o} makes the {@link TimeitResult} the cell's value.
 * The code becomes a lambda handed to {@link Timeit}, compiled by JShell like any cell, so it sees
 * the session's variables.
 *
 * <p>In cell mode, code after the options on the magic's line is setup: it runs once, untimed,
 * through the host as a cell of its own before any timing. Its declarations therefore become
 * session variables, which the timed body can read and, being fields rather than captured locals,
 * also assign; they stay defined after the cell, as IPython's setup names do. A setup that fails
 * fails the cell as the setup's error, and nothing is timed.
 */
final class TimeitMagic {

    static final String USAGE = "usage: %timeit [-n LOOPS] [-r REPEAT] [-q] [-o] CODE"
            + "   (or %%timeit [options] [SETUP] over the cell: SETUP runs once, untimed, its variables visible to the body)";

    record Options(int loops, int repeat, boolean quiet, boolean returnResult, String code) {
    }

    private TimeitMagic() {
    }

    static Evaluation line(Magics.Host host, String args) {
        Options options = parse(args);
        if (options.code().isBlank()) {
            throw CellException.of("IllegalArgumentException", "%timeit needs code to time; " + USAGE);
        }
        return run(host, options, options.code());
    }

    static Evaluation cell(Magics.Host host, String args, String body) {
        Options options = parse(args);
        if (body.isBlank()) {
            throw CellException.of("IllegalArgumentException", "%%timeit needs a body to time; " + USAGE);
        }
        if (!options.code().isBlank()) {
            setUp(host, options.code().strip());
        }
        return run(host, options, body);
    }

    /** Runs the setup as a cell; its failure is named as the setup's so that it is not taken for the body's. */
    private static void setUp(Magics.Host host, String setup) {
        try {
            host.execute(setup);
        } catch (CellException failed) {
            String evalue = "%%timeit setup '" + setup + "' failed, nothing was timed: " + failed.evalue();
            List<String> traceback = new ArrayList<>();
            traceback.add("%%timeit setup '" + setup + "' failed, nothing was timed:");
            traceback.addAll(failed.traceback());
            throw new CellException(failed.ename(), evalue, traceback);
        }
    }

    /** Leading options, then the code: the first word that is not an option starts the code. */
    static Options parse(String args) {
        int loops = 0;
        int repeat = Timeit.DEFAULT_REPEAT;
        boolean quiet = false;
        boolean returnResult = false;
        String rest = args.strip();
        while (rest.startsWith("-")) {
            String[] parts = rest.split("\\s+", 2);
            String flag = parts[0];
            String after = parts.length > 1 ? parts[1] : "";
            switch (flag) {
                case "-q" -> quiet = true;
                case "-o" -> returnResult = true;
                case "-n", "-r" -> {
                    String[] valueRest = after.split("\\s+", 2);
                    int value = positive(flag, valueRest[0]);
                    if (flag.equals("-n")) {
                        loops = value;
                    } else {
                        repeat = value;
                    }
                    after = valueRest.length > 1 ? valueRest[1] : "";
                }
                default -> {
                    if (flag.matches("-\\d.*")) {
                        return new Options(loops, repeat, quiet, returnResult, rest); // code: a negative number
                    }
                    throw CellException.of("IllegalArgumentException", "unknown %timeit option " + flag + "; " + USAGE);
                }
            }
            rest = after.strip();
        }
        return new Options(loops, repeat, quiet, returnResult, rest);
    }

    private static int positive(String flag, String word) {
        try {
            int value = Integer.parseInt(word);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CellException.of("IllegalArgumentException", "%timeit " + flag + " needs a whole number >= 1, got '" + word + "'");
    }

    private static Evaluation run(Magics.Host host, Options options, String code) {
        String stripped = code.strip();
        TimeitResult result;
        if (stripped.endsWith(";") || stripped.endsWith("}")) {
            result = evaluate(host, options, "{\n" + stripped + "\n}");
        } else {
            // an expression, whose value is consumed; failing that, statements whose last lacks its ';'
            try {
                result = evaluate(host, options, stripped + "\n");
            } catch (CellException asExpression) {
                if (!asExpression.ename().equals("CompilationException")) {
                    throw asExpression;
                }
                try {
                    result = evaluate(host, options, "{\n" + stripped + ";\n}");
                } catch (CellException asBlock) {
                    throw asBlock.ename().equals("CompilationException") ? asExpression : asBlock;
                }
            }
        }
        if (!options.quiet()) {
            System.out.println(result);
            result.notes().forEach(System.out::println);
        }
        return options.returnResult() ? Evaluation.of(result) : Evaluation.NONE;
    }

    private static TimeitResult evaluate(Magics.Host host, Options options, String lambdaBody) {
        String call = Timeit.class.getName() + ".timeit(" + options.loops() + ", " + options.repeat() + ", () -> " + lambdaBody + ")";
        Evaluation evaluation = host.execute(call);
        if (evaluation.value() instanceof TimeitResult result) {
            return result;
        }
        throw new IllegalStateException("the timing call returned " + evaluation.value() + " instead of a TimeitResult");
    }
}
