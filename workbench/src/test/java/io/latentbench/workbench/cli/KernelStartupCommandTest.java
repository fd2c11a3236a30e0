package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@code lb kernel startup} on Python's ipykernel (kernelspec python3, Debian's python3-ipykernel). */
class KernelStartupCommandTest {

    private static final Pattern START = Pattern.compile("(?m)^(\\d+)\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(.*)$");

    private static double[] row(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + "\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})$").matcher(out);
        assertThat(m.find()).as("a %s row in:%n%s", label, out).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void timesEachStartAndSummarizesThem() {
        CommandRun run = CommandRun.lb("kernel", "startup", "--name", "python3", "--starts", "2", "--cell", "6 * 7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Kernel python3").contains("2 starts, first cell: 6 * 7");
        Matcher m = START.matcher(run.out());
        List<String> shown = new java.util.ArrayList<>();
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(shown.size() + 1);
            assertThat(Double.parseDouble(m.group(2))).as("ready").isPositive();
            assertThat(Double.parseDouble(m.group(3))).as("first cell").isPositive();
            shown.add(m.group(4).strip());
        }
        // each start ran the cell and showed its result
        assertThat(shown).containsExactly("42", "42");
        double[] median = row(run.out(), "median");
        double[] min = row(run.out(), "min");
        double[] max = row(run.out(), "max");
        for (int i = 0; i < 2; i++) {
            assertThat(min[i]).isLessThanOrEqualTo(median[i]);
            assertThat(median[i]).isLessThanOrEqualTo(max[i]);
        }
    }

    @Test
    void aCellThatPrintsShowsWhatItPrinted() {
        CommandRun run = CommandRun.lb("kernel", "startup", "--name", "python3", "--starts", "1", "--cell", "print('hello')");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = START.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        assertThat(m.group(4).strip()).isEqualTo("hello");
    }

    @Test
    void aFailingFirstCellIsAnErrorNamingIt() {
        CommandRun run = CommandRun.lb("kernel", "startup", "--name", "python3", "--starts", "3", "--cell", "1 / 0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the first cell `1 / 0` failed: ZeroDivisionError");
        // it stops at the first start: no figures
        assertThat(run.out()).doesNotContain("median");
    }

    @Test
    void anUnknownKernelspecIsAnErrorListingTheInstalledOnes() {
        CommandRun run = CommandRun.lb("kernel", "startup", "--name", "no-such-kernel");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("lb kernel startup: no kernelspec named 'no-such-kernel' is installed")
                .contains("python3");
    }

    @Test
    void startsAndTimeoutMustBePositive() {
        CommandRun none = CommandRun.lb("kernel", "startup", "--name", "python3", "--starts", "0");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--starts must be at least 1, not 0");

        CommandRun noTime = CommandRun.lb("kernel", "startup", "--name", "python3", "--timeout", "0");
        assertThat(noTime.exitCode()).isEqualTo(2);
        assertThat(noTime.err()).contains("--timeout must be at least 1 second, not 0");
    }
}
