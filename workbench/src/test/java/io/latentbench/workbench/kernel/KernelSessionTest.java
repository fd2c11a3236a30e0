package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.render.MimeBundle;
import io.latentbench.workbench.kernel.timeit.TimeitResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSessionTest {

    static RecordingFrontend frontend;
    static KernelSession session;

    @BeforeAll
    static void start() {
        frontend = new RecordingFrontend();
        session = new KernelSession(frontend, KernelSession.userClasspath());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @BeforeEach
    void clear() {
        frontend.sent.clear();
    }

    /** Runs a cell with System.out captured. */
    static String stdout(String cell) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            session.execute(cell);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExpressionKeepsItsRawValue() {
        Evaluation e = session.execute("int a = 6;\na * 7");
        assertThat(e.hasValue()).isTrue();
        assertThat(e.value()).isEqualTo(42);
        assertThat(session.renderResult(e).text()).isEqualTo("42");
    }

    @Test
    void declarationsAndStatementsShowNothing() {
        assertThat(session.execute("int declared = 5;").hasValue()).isFalse();
        assertThat(session.execute("declared = declared + 1;").hasValue()).isFalse();
        assertThat(session.execute("declared").value()).isEqualTo(6);
        assertThat(session.renderResult(session.execute("System.out.print(\"\");"))).isNull();
    }

    @Test
    void aRedeclaredVariableReleasesItsOldValue() throws Exception {
        session.execute("Object held = new int[1000];");
        java.lang.ref.WeakReference<Object> old = new java.lang.ref.WeakReference<>(session.execute("held").value());
        session.execute("Object held = \"replaced\";");
        for (int i = 0; i < 50 && old.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(old.get()).as("the first value of held").isNull();
        assertThat(session.execute("held").value()).isEqualTo("replaced");
        session.execute("String held = \"again\";");
        assertThat(session.execute("held.length()").value()).isEqualTo(5);
    }

    @Test
    void statementsAndOldExpressionValuesAreLetGoWithoutChangingWhatCellsSee() {
        session.execute("int counter = 0;");
        for (int i = 0; i < 20; i++) {
            session.execute("counter++;");
            assertThat(session.execute("counter * 10").value()).isEqualTo((i + 1) * 10);
        }
        assertThat(session.execute("counter").value()).isEqualTo(20);
        // the temporary variable of an expression cell long past is gone: only the last few stay
        assertThatThrownBy(() -> session.execute("$" + "1")).isInstanceOf(CellException.class);
    }

    @Test
    void stringsRenderWithoutQuotes() {
        assertThat(session.renderResult(session.execute("\"hello\" + \", world\"")).text()).isEqualTo("hello, world");
    }

    @Test
    void startupImportsAreThere() {
        Object table = session.execute("Table.create(\"t\", IntColumn.create(\"a\", 1, 2, 3))").value();
        assertThat(table).isInstanceOf(tech.tablesaw.api.Table.class);
        assertThat(session.execute("new XYChart(300, 200)").value()).isInstanceOf(org.knowm.xchart.XYChart.class);
        assertThat(session.execute("DistanceMetric.class").value()).isEqualTo(io.latentbench.engine.DistanceMetric.class);
        assertThat(session.execute("new ArrayList<String>()").value()).isInstanceOf(java.util.ArrayList.class);
        assertThat(session.execute("ResultSet.class").value()).isEqualTo(io.latentbench.workbench.results.ResultSet.class);
        assertThat(session.execute("Bench.class").value()).isEqualTo(io.latentbench.workbench.bench.Bench.class);
        assertThat(session.execute("Stream.of(1, 2).count()").value()).isEqualTo(2L);
    }

    @Test
    void theVectorApiIsUsable() {
        assertThat(session.execute("jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length() > 0").value())
                .isEqualTo(true);
    }

    @Test
    void aCompileErrorNamesTheProblemAndMarksTheSource() {
        assertThatThrownBy(() -> session.execute("int x = \"text\";"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.ename()).isEqualTo("CompilationException");
                    assertThat(e.evalue()).contains("incompatible types");
                    assertThat(e.traceback()).anyMatch(l -> l.contains("int x = \"text\";"));
                    assertThat(e.traceback()).anyMatch(l -> l.strip().startsWith("^"));
                });
    }

    @Test
    void anExceptionKeepsItsClassMessageAndCellFrames() {
        session.execute("int parse(String s) { return Integer.parseInt(s); }");
        assertThatThrownBy(() -> session.execute("parse(\"x\")"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.ename()).isEqualTo("NumberFormatException");
                    assertThat(e.evalue()).contains("\"x\"");
                    assertThat(e.traceback().get(0)).startsWith("java.lang.NumberFormatException");
                    assertThat(e.traceback()).anyMatch(l -> l.contains("parse(#"));
                    assertThat(e.traceback()).noneMatch(l -> l.contains("CapturingExecutionControl"));
                });
    }

    @Test
    void snippetsBeforeAFailureKeepTheirEffect() {
        assertThatThrownBy(() -> session.execute("int before = 1;\nthrow new IllegalStateException(\"stop\");\nint after = 2;"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.ename()).isEqualTo("IllegalStateException"));
        assertThat(session.execute("before").value()).isEqualTo(1);
    }

    /** Starts a cell on another thread; the future gives what it threw, or null. */
    static CompletableFuture<Throwable> startCell(String code) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                session.execute(code);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
    }

    @Test
    void anInfiniteLoopIsInterruptedAndTheSessionLivesOn() throws Exception {
        System.clearProperty("lb.test.spinning");
        CompletableFuture<Throwable> run = startCell(
                "long spins = 0;\nSystem.setProperty(\"lb.test.spinning\", \"yes\");\nwhile (true) { spins++; }");
        // Interrupted only once the loop runs (cells run in this JVM): on a starved machine an interrupt that
        // came first stopped the cell before its first spin.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.getProperty("lb.test.spinning") == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        // The loop never ends by itself: a result within the wait is the interrupt working.
        Throwable thrown = interruptUntilDone(run, 20);
        assertThat(thrown).isInstanceOfSatisfying(CellException.class,
                e -> assertThat(e.ename()).isEqualTo("InterruptedException"));
        assertThat(session.execute("spins > 0").value()).isEqualTo(true);
        assertThat(session.execute("1 + 1").value()).isEqualTo(2);
    }

    @Test
    void aSleepingCellIsInterruptedToo() throws Exception {
        CompletableFuture<Throwable> run = startCell("Thread.sleep(60_000);");
        assertThat(interruptUntilDone(run, 20)).isInstanceOf(CellException.class);
        assertThat(session.execute("2 + 2").value()).isEqualTo(4);
    }

    /**
     * Interrupts until the cell ends: an interrupt that arrives before the cell has started (a loaded
     * machine may take longer than any fixed pause to compile it) finds nothing to stop and is lost.
     */
    private Throwable interruptUntilDone(CompletableFuture<Throwable> run, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            session.interrupt();
            try {
                return run.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // not started yet, or not reached by this interrupt: send another
            }
        }
        throw new AssertionError("the cell was not interrupted within " + seconds + " s");
    }

    @Test
    void displayFunctionsReachTheFrontend() {
        Object id = session.execute("String id = display(\"<b>bold</b>\", \"text/html\");\nid").value();
        assertThat(frontend.sent).hasSize(1);
        assertThat(frontend.sent.get(0).bundle().data()).containsEntry("text/html", "<b>bold</b>");
        assertThat(frontend.sent.get(0).displayId()).isEqualTo(id);
        session.execute("updateDisplay(id, \"<i>new</i>\", \"text/html\");");
        assertThat(frontend.sent.get(1).kind()).isEqualTo("update");
        assertThat(frontend.sent.get(1).displayId()).isEqualTo(id);
        session.execute("clearOutput();");
        assertThat(frontend.sent.get(2).kind()).isEqualTo("clear");
    }

    @Test
    void aTableRendersAsHtmlAndText() {
        MimeBundle b = session.renderResult(session.execute(
                "Table.create(\"scores\", StringColumn.create(\"name\", \"a<b\", \"c\"), DoubleColumn.create(\"x\", 1.5, 2.5))"));
        assertThat(b.data()).containsKeys("text/html", "text/plain");
        assertThat((String) b.data().get("text/html")).contains("<table", "<th>name</th>", "a&lt;b", "2 rows");
        assertThat(b.text()).contains("scores", "1.5");
    }

    @Test
    void aChartRendersAsPngAndAsSvgOnRequest() {
        session.execute("XYChart chart = new XYChart(400, 300); chart.addSeries(\"s\", new double[]{1, 2, 3}, new double[]{3, 1, 2});");
        MimeBundle png = session.renderResult(session.execute("chart"));
        assertThat((String) png.data().get("image/png")).startsWith("iVBORw0KGgo");
        session.execute("display(chart, \"image/svg+xml\");");
        assertThat((String) frontend.sent.get(0).bundle().data().get("image/svg+xml")).contains("<svg");
    }

    @Test
    void resultsRenderAsTheirTable() {
        session.execute("""
                var metric = new Metric("us/op", 120.5, 3.25, 117.25, 123.75, List.of(List.of(119.0, 121.0), List.of(120.0, 122.0)));
                var info = new RunInfo(java.time.Instant.parse("2026-11-29T10:00:00Z"), "abc123", "quick", "25", "cpu", 2);
                var results = new ResultSet(info, List.of(new BenchmarkResult("latency", "knn",
                        new TreeMap<>(Map.of("dim", "128", "k", "10")), "avgt", metric, Map.of())));
                """);
        for (String cell : List.of("results", "new io.latentbench.workbench.bench.BenchResults(results, null)")) {
            MimeBundle b = session.renderResult(session.execute(cell));
            assertThat((String) b.data().get("text/html")).contains("<th>key</th>", "latency.knn[dim=128,k=10]", "120.5");
            assertThat(b.text()).contains("latency.knn");
        }
    }

    @Test
    void anImageRendersAsPng() {
        MimeBundle b = session.renderResult(session.execute("new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB)"));
        assertThat((String) b.data().get("image/png")).startsWith("iVBORw0KGgo");
    }

    @Test
    void cellMagicsDisplayTheirBody() {
        session.execute("%%html\n<p>hi</p>");
        session.execute("%%markdown\n# Title");
        session.execute("%%svg\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        assertThat(frontend.sent).extracting(s -> s.bundle().data().keySet().iterator().next())
                .containsExactly("text/html", "text/markdown", "image/svg+xml");
        assertThat(frontend.sent.get(0).bundle().data()).containsEntry("text/html", "<p>hi</p>");
    }

    @Test
    void timeMagicsReportWallTimeAndKeepTheValue() {
        assertThat(stdout("%time int timed = 3 * 3;")).contains("Wall time:");
        assertThat(session.execute("timed").value()).isEqualTo(9);
        assertThat(stdout("%%time\nint t2 = timed + 1;")).contains("Wall time:");
        assertThat(session.execute("%time t2").value()).isEqualTo(10);
    }

    @Test
    void timeitReportsIPythonsLineTheWarmUpAndWhereJmhGradeFiguresAre() {
        String out = stdout("%timeit -n 5 -r 3 Math.sqrt(2.0)");
        assertThat(out).contains("per loop (mean ± std. dev. of 3 runs, 5 loops each); best ")
                .contains("JIT warm-up: ").contains("in-process").contains("use Bench");
        Evaluation e = session.execute("%timeit -n 4 -r 2 -q -o Math.sqrt(3.0)");
        assertThat(e.value()).isInstanceOfSatisfying(io.latentbench.workbench.kernel.timeit.TimeitResult.class, r -> {
            assertThat(r.loops()).isEqualTo(4);
            assertThat(r.repeat()).isEqualTo(2);
            assertThat(r.best()).isPositive().isLessThanOrEqualTo(r.average());
        });
        assertThat(session.renderResult(e).text()).contains("per loop");
    }

    @Test
    void timeitRunsTheCodeLoopsTimesRepeatTimesAfterTheWarmUp() {
        session.execute("int calls = 0;");
        TimeitResult r = (TimeitResult) session.execute("%timeit -n 4 -r 2 -q -o calls++").value();
        int calls = (Integer) session.execute("calls").value();
        assertThat(calls - 8).isPositive(); // the warm-up's calls came first
        assertThat(r.allRuns()).hasSize(2);
        // statements, a void call and a block whose last statement lacks its ';'
        assertThat(session.execute("%timeit -n 1 -r 1 -q -o System.out.print(\"\")").value()).isInstanceOf(TimeitResult.class);
        assertThat(session.execute("%%timeit -n 2 -r 3 -q -o\nint s = 0;\nfor (int i = 0; i < 10; i++) s += i;\n").value())
                .isInstanceOfSatisfying(TimeitResult.class, t -> assertThat(t.repeat()).isEqualTo(3));
        int before = (Integer) session.execute("calls").value();
        session.execute("%%timeit -n 3 -r 1 -q\nint twice = calls * 2;\ncalls++");
        assertThat((Integer) session.execute("calls").value() - before).isGreaterThan(3);
        // and as a function from a cell
        assertThat(session.execute("TimeitResult t = timeit(2, 2, () -> Math.abs(-1));\nt.loops()").value()).isEqualTo(2);
    }

    @Test
    void cellTimeitRunsItsLinesSetupOnceUntimedAndTheBodyCanUseAndChangeItsVariables() {
        session.execute("int setupRuns = 0;");
        TimeitResult r = (TimeitResult) session.execute(
                "%%timeit -n 3 -r 2 -q -o setupRuns++; int[] counted = new int[1];\ncounted[0]++;").value();
        assertThat(r.loops()).isEqualTo(3);
        assertThat((Integer) session.execute("setupRuns").value()).isEqualTo(1);
        // the body counted into the array the setup made: its warm-up calls, then 2 runs of 3 loops
        assertThat((Integer) session.execute("counted[0]").value()).isGreaterThan(6);
        // the body assigns a setup variable, not a captured copy of it
        session.execute("%%timeit -n 2 -r 1 -q long total = 0\ntotal += 5;");
        assertThat((Long) session.execute("total").value()).isGreaterThanOrEqualTo(10L);
    }

    @Test
    void aFailingTimeitSetupIsReportedAsTheSetupsAndNothingIsTimed() {
        session.execute("int bodyRuns = 0;");
        assertThatThrownBy(() -> session.execute("%%timeit -n 1 -r 1 int bad = Integer.parseInt(\"x\");\nbodyRuns++;"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.ename()).isEqualTo("NumberFormatException");
                    assertThat(e.evalue()).startsWith("%%timeit setup 'int bad = Integer.parseInt(\"x\");' failed, nothing was timed: ")
                            .contains("\"x\"");
                });
        assertThatThrownBy(() -> session.execute("%%timeit -n 1 -r 1 noSuchThing.call();\nbodyRuns++;"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("%%timeit setup 'noSuchThing.call();' failed"));
        assertThat((Integer) session.execute("bodyRuns").value()).isZero();
    }

    @Test
    void timeitComplainsAboutBadOptionsAndBadCode() {
        assertThatThrownBy(() -> session.execute("%timeit -n 0 1 + 1"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("-n needs a whole number >= 1, got '0'"));
        assertThatThrownBy(() -> session.execute("%timeit -x 1 + 1"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("unknown %timeit option -x"));
        assertThatThrownBy(() -> session.execute("%timeit -n 1"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("needs code to time"));
        assertThatThrownBy(() -> session.execute("%timeit -n 1 -r 1 noSuchVariable + 1"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.traceback().toString()).contains("noSuchVariable"));
        assertThatThrownBy(() -> session.execute("%timeit -n 1 -r 1 Integer.parseInt(\"x\")"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.ename()).isEqualTo("NumberFormatException"));
    }

    @Test
    void lineMagicsMixWithCode(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("helper.jsh");
        Files.writeString(script, "int helper(int v) { return v * 2; }\n");
        Evaluation e = session.execute("int base = 20;\n%load " + script + "\nhelper(base) + 2");
        assertThat(e.value()).isEqualTo(42);
    }

    @Test
    void loadTakesAJavaSourceWithItsPackageClause(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Point2.java");
        Files.writeString(source, "package demo;\n\npublic record Point2(int x, int y) { int sum() { return x + y; } }\n");
        session.execute("%load " + source);
        assertThat(session.execute("new Point2(2, 3).sum()").value()).isEqualTo(5);
    }

    @Test
    void classpathMagicListsAndJarsMagicComplains(@TempDir Path dir) {
        assertThat(stdout("%classpath")).contains("tablesaw-core");
        assertThatThrownBy(() -> session.execute("%jars " + dir + "/*.jar"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("no jar matches"));
        assertThatThrownBy(() -> session.execute("%nosuchmagic"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.ename()).isEqualTo("UndefinedMagicException"));
    }

    @Test
    void jarsMagicAddsAJar(@TempDir Path dir) throws Exception {
        // a jar with one class, compiled here
        Path src = dir.resolve("src/extra/Extra.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package extra; public class Extra { public static int answer() { return 42; } }");
        Path classes = dir.resolve("classes");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("lib/extra.jar");
        Files.createDirectories(jar.getParent());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("extra/Extra.class"));
            out.write(Files.readAllBytes(classes.resolve("extra/Extra.class")));
            out.closeEntry();
        }
        session.execute("%jars " + dir.resolve("lib"));
        assertThat(session.execute("extra.Extra.answer()").value()).isEqualTo(42);
    }

    @Test
    void isCompleteGivesIndentHints() {
        assertThat(session.isComplete("int x = 1;").status()).isEqualTo("complete");
        assertThat(session.isComplete("for (int i = 0; i < 3; i++) {").status()).isEqualTo("incomplete");
        assertThat(session.isComplete("for (int i = 0; i < 3; i++) {").indent()).isEqualTo("    ");
        assertThat(session.isComplete("if (true) {\n    while (x) {").indent()).isEqualTo("        ");
        assertThat(session.isComplete("%%html\n<p>").status()).isEqualTo("complete");
        assertThat(session.isComplete("int y = 1;)").status()).isEqualTo("invalid");
        assertThat(session.isComplete("String s = \"open;").status()).isEqualTo("invalid");
        assertThat(session.isComplete("String block = \"\"\"\n  text").status()).isEqualTo("incomplete");
    }

    @Test
    void completionAndInspection() {
        var c = session.complete("Math.floorM", 11);
        assertThat(c.matches()).contains("floorMod(");
        assertThat(c.start()).isEqualTo(5);
        assertThat(session.complete("%ti", 3).matches()).containsExactly("time", "timeit");
        assertThat(session.inspect("Math.max", 8, false)).hasValueSatisfying(t -> assertThat(t).contains("max("));
        if (Files.exists(Path.of(System.getProperty("java.home"), "lib", "src.zip"))) {
            // the JDK ships its sources: the javadoc comes with the signatures
            assertThat(session.inspect("Math.abs(", 9, false)).hasValueSatisfying(t -> assertThat(t).contains("absolute value"));
        }
    }
}
