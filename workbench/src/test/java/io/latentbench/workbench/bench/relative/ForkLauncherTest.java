package io.latentbench.workbench.bench.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.bench.BenchPoint;
import io.latentbench.workbench.bench.RunSettings;
import io.latentbench.workbench.bench.Suite;
import io.latentbench.workbench.results.relative.RelativeRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ForkLauncherTest {

    private final ForkLauncher launcher = new ForkLauncher(
            new RunSettings(5, 3, Duration.ofMillis(400), 4, Duration.ofMillis(500)), List.of("-XX:UseAVX=2"), List.of("-t", "2"), Path.of("f"));
    private final Target knn = new Target("latency.knn[dim=256,k=10]", "latency", "knn",
            "io.latentbench.workbench.bench.suites.LatencyBenchmarks.knn", new TreeMap<>(Map.of("dim", "256", "k", "10")));
    private final Side base = new Side("base", new RelativeRun.Revision("HEAD^1", "abc"), "/b/wb.jar:/b/lib/jmh.jar");

    @Test
    void aPinnedForkRunsItsSidesJarsForExactlyOnePointMeasuredInItsOwnJvmWithJmhsCompilerHints() {
        List<String> c = launcher.command(base, knn, List.of(), 1, Path.of("out.json"), 0, null, null);

        assertThat(c.subList(0, 3)).containsExactly("taskset", "-c", "1");
        assertThat(c).containsSubsequence("-cp", "/b/wb.jar:/b/lib/jmh.jar", "org.openjdk.jmh.Main",
                "^\\Qio.latentbench.workbench.bench.suites.LatencyBenchmarks.knn\\E$");
        assertThat(c).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:+UnlockExperimentalVMOptions",
                "-DcompilerBlackholesEnabled=true", "-XX:CompileCommandFile=" + Path.of("f", "base-compiler-hints.txt"),
                "-XX:UseAVX=2", "-cp");
        assertThat(String.join(" ", c)).contains("-f 0 -wi 3 -w 400ms -i 4 -r 500ms")
                .contains("-rf json -rff out.json -t 2").contains("-p dim=256").contains("-p k=10")
                .contains("-Djmh.ignoreLock=true").contains("--add-modules=jdk.incubator.vector").contains("-XX:UseAVX=2");
    }

    @Test
    void aPointOfTheSuiteSplitByFamilyIsFoundInTheClassesOfEitherSideBeforeOrAfterTheSplit() {
        Target dot = Target.of(new BenchPoint(Suite.PEERS, "dotProduct", "avgt",
                new TreeMap<>(Map.of("dim", "256", "impl", "lucene"))));
        assertThat(dot.benchmark()).isEqualTo("io.latentbench.workbench.bench.suites.peers.KernelBenchmarks.dotProduct");
        List<String> c = launcher.command(base, dot, List.of(), 0, Path.of("out.json"), 0, null, null);
        String include = c.get(c.indexOf("org.openjdk.jmh.Main") + 1);
        assertThat(include).isEqualTo(dot.include());
        // JMH selects with find(); the base may predate the split (one PeersBenchmarks class).
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(include);
        assertThat(p.matcher("io.latentbench.workbench.bench.suites.peers.KernelBenchmarks.dotProduct").find()).isTrue();
        assertThat(p.matcher("io.latentbench.workbench.bench.suites.PeersBenchmarks.dotProduct").find()).isTrue();
        for (String other : new String[] {"io.latentbench.workbench.bench.suites.peers.KernelBenchmarks.dotProductX",
                "io.latentbench.workbench.bench.suites.LatencyBenchmarks.dotProduct",
                "io.latentbench.workbench.bench.suites.peers.deeper.KernelBenchmarks.dotProduct",
                "io.latentbench.workbench.bench.suites.peers.jmh_generated.KernelBenchmarks_dotProduct_jmhTest.dotProduct",
                "io.latentbench.workbench.bench.suites.peers.KernelBenchmarks.speciesDot"}) {
            assertThat(p.matcher(other).find()).as(other).isFalse();
        }
        assertThat(knn.include()).isEqualTo("^\\Qio.latentbench.workbench.bench.suites.LatencyBenchmarks.knn\\E$");
    }

    @Test
    void aForkOfAPairThatMeetsAtEachIterationCarriesTheBarrierAheadOfItsSidesJars() {
        List<String> c = launcher.command(base, knn, List.of(), 0, Path.of("out.json"), 0, "B:4711/abc", Path.of("/run/barrier.jar"));
        assertThat(c).containsSubsequence("-cp", "/run/barrier.jar" + java.io.File.pathSeparator + "/b/wb.jar:/b/lib/jmh.jar",
                "org.openjdk.jmh.Main");
        assertThat(c).containsSubsequence("-prof", "B:4711/abc");
    }

    @Test
    void aPointThatWarmsSlowlyGetsFourTimesTheWarmup() {
        Target attention = Target.of(new BenchPoint(Suite.LATENCY, "attention", "avgt",
                new TreeMap<>(Map.of("dim", "256", "type", "flash"))));
        assertThat(String.join(" ", launcher.command(base, attention, List.of(), 0, Path.of("out.json"), 0, null, null)))
                .contains("-wi 12 -w 400ms -i 4");
        assertThat(launcher.iterations(attention)).isEqualTo(16);
        assertThat(launcher.iterations(knn)).isEqualTo(7);
    }

    @Test
    void aCompilerCommandFileAmongTheJvmArgumentsGoesIntoTheSidesHintsNotBesideThem() {
        ForkLauncher mine = new ForkLauncher(new RunSettings(5, 3, Duration.ofMillis(400), 4, Duration.ofMillis(500)),
                List.of("-XX:CompileCommandFile=/my/commands", "-Xmx2g"), List.of(), Path.of("f"));
        List<String> c = mine.command(base, knn, List.of(), 0, Path.of("out.json"), 0, null, null);
        // a JVM reads only the last such flag: the user's would have replaced JMH's hints
        assertThat(c).filteredOn(a -> a.startsWith("-XX:CompileCommandFile=")).containsExactly(
                "-XX:CompileCommandFile=" + Path.of("f", "base-compiler-hints.txt"));
        assertThat(c).contains("-Xmx2g");
    }

    @Test
    void whatThePointsForkAnnotationDeclaresFollowsTheHintsAndPrecedesTheUsersArguments() {
        List<String> c = launcher.command(base, knn, List.of("-XX:ObjectAlignmentInBytes=64"), 0, Path.of("out.json"), 0,
                null, null);
        assertThat(c).containsSubsequence("-XX:CompileCommandFile=" + Path.of("f", "base-compiler-hints.txt"),
                "-XX:ObjectAlignmentInBytes=64", "-XX:UseAVX=2", "-cp");
    }

    @Test
    void anUnpinnedForkHasNoTaskset() {
        assertThat(launcher.command(base, knn, List.of(), -1, Path.of("out.json"), 0, null, null).getFirst()).endsWith("java");
    }

    @Test
    void onlyAPinnedForkCompilesInTheForegroundForItSharesItsCoreWithTheCompiler() {
        List<String> pinned = launcher.command(base, knn, List.of(), 0, Path.of("out.json"), 0, null, null);
        assertThat(pinned.get(3)).endsWith("java");
        assertThat(pinned.get(4)).isEqualTo("-Xbatch");
        assertThat(launcher.command(base, knn, List.of(), -1, Path.of("out.json"), 0, null, null)).doesNotContain("-Xbatch");
    }

    @Test
    void aPairsLayoutPaddingReachesTheForkBeforeItsClassPath() {
        List<String> c = launcher.command(base, knn, List.of(), 0, Path.of("out.json"), 37, null, null);
        assertThat(c).contains("-Dlatentbench.layout=" + "x".repeat(37));
        assertThat(c.indexOf("-Dlatentbench.layout=" + "x".repeat(37))).isLessThan(c.indexOf("-cp"));
        assertThat(launcher.command(base, knn, List.of(), 0, Path.of("out.json"), 0, null, null)).contains("-Dlatentbench.layout=");
    }

    @Test
    void aSideWithoutAClassPathIsNamed() {
        assertThatThrownBy(() -> new Side("head", new RelativeRun.Revision("x", "y"), " "))
                .hasMessageContaining("the head side (x) has no class path");
    }
}
