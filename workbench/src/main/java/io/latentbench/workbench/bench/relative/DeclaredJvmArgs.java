package io.latentbench.workbench.bench.relative;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The JVM arguments each benchmark of one side declares in its {@code @Fork} ({@code jvmArgsPrepend},
 * {@code jvmArgs}, {@code jvmArgsAppend}), as JMH's annotation processor lists them in
 * {@value #RESOURCE}. A relative run's fork measures in the JVM the run starts ({@code -f 0}), where
 * JMH applies none of them, so the run puts them on that JVM's command line, in JMH's order. Without
 * them the pair kernels lost their pinned alignment ({@code -XX:ObjectAlignmentInBytes=64}) and ran at
 * one of two speeds per fork again, which an A/A gate run beside a CPU hog drew differently for the
 * two sides (peers.squareDistance at d = 256 "regressed" 17.7 %), and the builds that measure their
 * heap ran on the default collector instead of the serial one they declare. Each side reads its own
 * list: the base may declare other arguments.
 */
final class DeclaredJvmArgs {

    /** Where JMH's annotation processor lists a build's benchmarks with their annotations' values. */
    static final String RESOURCE = "META-INF/BenchmarkList";

    private final List<BenchmarkListEntry> benchmarks;

    private DeclaredJvmArgs(List<BenchmarkListEntry> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
    }

    /**
     * The declarations of {@code side}'s build.
     *
     * @throws IOException when its class path has no benchmark list (not a build of JMH benchmarks)
     */
    static DeclaredJvmArgs of(Side side) throws IOException {
        String list = ClassPathResource.read(side, RESOURCE).orElseThrow(() -> ClassPathResource.missing(side, RESOURCE));
        return new DeclaredJvmArgs(
                BenchmarkList.readBenchmarkList(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The arguments of the first benchmark {@code point} selects, as JMH's fork would get them:
     * prepended, then its own unless {@code userGivesJvmArgs} (JMH's {@code -jvmArgs} replaces them,
     * as {@code lb bench --jvm-args} does), then appended; none when the side has no such benchmark
     * (its fork then says so).
     */
    List<String> of(Target point, boolean userGivesJvmArgs) {
        Pattern include = Pattern.compile(point.include());
        for (BenchmarkListEntry e : benchmarks) {
            if (include.matcher(e.getUsername()).find()) {
                List<String> args = new ArrayList<>(e.getJvmArgsPrepend().orElse(List.<String>of()));
                if (!userGivesJvmArgs) {
                    args.addAll(e.getJvmArgs().orElse(List.<String>of()));
                }
                args.addAll(e.getJvmArgsAppend().orElse(List.<String>of()));
                return args;
            }
        }
        return List.of();
    }
}
