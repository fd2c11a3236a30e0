package io.latentbench.workbench.results.relative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelativeRunJsonTest {

    static RelativeRun sample() {
        return new RelativeRun(Schedule.INTERLEAVED, 7, new RelativeRun.Revision("HEAD^1", "1111"),
                new RelativeRun.Revision("working tree", "2222"),
                new RunInfo(Instant.parse("2026-12-05T10:00:00Z"), "2222", "quick", "25.0.3", "AMD EPYC", 2), 3, 2,
                List.of(new PairedBenchmark("peers.knn[k=10]", "peers", "knn", new TreeMap<>(Map.of("k", "10")), "us/op",
                        List.of(new ForkPair(0, "base-first", -1, -1, List.of(1.0, 1.5), List.of(2.0, 2.5)),
                                new ForkPair(1, "head-first", -1, -1, List.of(1.1, 1.6), List.of(2.1, 2.6))))),
                List.of("peers.add[dim=256]"));
    }

    @Test
    void tagsRoundTripAndAFileWrittenBeforeThemReadsWithTheGuessedOnes(@TempDir Path dir) throws Exception {
        RelativeRun plain = sample();
        PairedBenchmark b = plain.benchmarks().getFirst();
        io.latentbench.workbench.results.RowTags declared = io.latentbench.workbench.results.RowTags
                .ours("latency.attention").withRole(io.latentbench.workbench.results.RowTags.Role.REFERENCE);
        RelativeRun tagged = new RelativeRun(plain.schedule(), plain.seed(), plain.base(), plain.head(), plain.info(),
                plain.warmupIterations(), plain.measurementIterations(), List.of(new PairedBenchmark(b.key(), b.suite(),
                        b.method(), b.params(), b.unit(), b.pairs(), declared)), plain.headOnly(), 0);
        Path file = dir.resolve(RelativeRunJson.FILE_NAME);
        RelativeRunJson.write(tagged, file);
        assertThat(Files.readString(file)).contains("\"role\" : \"reference\"").contains("\"threshold\" : \"latency.attention\"");
        assertThat(RelativeRunJson.read(file).benchmarks().getFirst().tags()).isEqualTo(declared);

        String older = RelativeRunJson.toJson(tagged).replaceAll("(?s),\\s*\"tags\" : \\{[^}]*\\}", "");
        assertThat(older).doesNotContain("tags");
        RelativeRun old = RelativeRunJson.read(Files.writeString(dir.resolve("old.json"), older));
        assertThat(old.benchmarks().getFirst().tags())
                .isEqualTo(io.latentbench.workbench.results.ForeignRows.guess("peers", "knn", Map.of("k", "10")));
    }

    @Test
    void roundTripsEveryField(@TempDir Path dir) {
        Path file = dir.resolve(RelativeRunJson.FILE_NAME);
        RelativeRunJson.write(sample(), file);
        RelativeRun back = RelativeRunJson.read(file);
        assertThat(back).isEqualTo(sample());
        assertThat(back.info().testbed()).isEqualTo("amd-epyc-2c-jdk25");
    }

    @Test
    void confirmationPairsRoundTripAndAFileWrittenBeforeThemReadsAsARunWithoutThem(@TempDir Path dir) throws Exception {
        RelativeRun plain = sample();
        PairedBenchmark b = plain.benchmarks().getFirst();
        RelativeRun staged = new RelativeRun(plain.schedule(), plain.seed(), plain.base(), plain.head(), plain.info(),
                plain.warmupIterations(), plain.measurementIterations(), List.of(b.confirmedBy(List.of(
                        new ForkPair(2, "base-first", -1, -1, List.of(1.2, 1.3), List.of(1.2, 1.4))))),
                plain.headOnly(), 1);
        Path file = dir.resolve(RelativeRunJson.FILE_NAME);
        RelativeRunJson.write(staged, file);
        RelativeRun back = RelativeRunJson.read(file);
        assertThat(back).isEqualTo(staged);
        assertThat(back.confirmed()).isEqualTo(1);
        assertThat(back.benchmarks().getFirst().allPairs()).extracting(ForkPair::index).containsExactly(0, 1, 2);
        String older = RelativeRunJson.toJson(plain).replaceAll("\\s*\"confirm_pairs\" : 0,", "");
        assertThat(older).doesNotContain("confirm");
        RelativeRun old = RelativeRunJson.read(Files.writeString(dir.resolve("old.json"), older));
        assertThat(old.confirmPairs()).isZero();
        assertThat(old.benchmarks().getFirst().confirmation()).isEmpty();
        Path bad = Files.writeString(dir.resolve("bad.json"), RelativeRunJson.toJson(staged)
                .replace("\"confirm_pairs\" : 1", "\"confirm_pairs\" : \"one\""));
        assertThatThrownBy(() -> RelativeRunJson.read(bad)).hasMessageContaining("'confirm_pairs' should be a number");
    }

    @Test
    void failedBenchmarksRoundTripWithTheirMessageAndAFileWithoutThemHadNone(@TempDir Path dir) throws Exception {
        RelativeRun plain = sample();
        RelativeRun broken = new RelativeRun(plain.schedule(), plain.seed(), plain.base(), plain.head(), plain.info(),
                plain.warmupIterations(), plain.measurementIterations(), plain.benchmarks(), plain.headOnly(), 0,
                List.of(new FailedBenchmark("peers.faissKnn[k=10]", "the head fork of peers.faissKnn[k=10] (working"
                        + " tree) failed with exit status 1; its log forks/x.log ends with:\nNo module named 'faiss'")));
        Path file = dir.resolve(RelativeRunJson.FILE_NAME);
        RelativeRunJson.write(broken, file);
        assertThat(RelativeRunJson.read(file)).isEqualTo(broken);
        assertThat(RelativeRunJson.toJson(plain)).as("a run without failures writes no such field").doesNotContain("failed");
        assertThat(RelativeRunJson.read(Files.writeString(dir.resolve("plain.json"), RelativeRunJson.toJson(plain)))
                .failed()).isEmpty();
        Path noMessage = Files.writeString(dir.resolve("bad.json"), RelativeRunJson.toJson(broken)
                .replaceAll("\"message\" : \"[^\"]*\"", "\"note\" : 1"));
        assertThatThrownBy(() -> RelativeRunJson.read(noMessage))
                .hasMessageContaining("failed[0] (peers.faissKnn[k=10])").hasMessageContaining("'message' is missing");
    }

    @Test
    void aFileOfAnotherKindOrWithABadFieldIsAClearError(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("results.json"), "{\"runInfo\": {}}");
        assertThatThrownBy(() -> RelativeRunJson.read(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a relative run");
        String text = RelativeRunJson.toJson(sample()).replace("\"schedule\" : \"interleaved\"", "\"schedule\" : \"solo\"");
        Path bad = Files.writeString(dir.resolve("bad.json"), text);
        assertThatThrownBy(() -> RelativeRunJson.read(bad)).hasMessageContaining("unknown schedule 'solo'");
        Path negative = Files.writeString(dir.resolve("neg.json"), RelativeRunJson.toJson(sample()).replace("2.6", "-2.6"));
        assertThatThrownBy(() -> RelativeRunJson.read(negative))
                .hasMessageContaining("benchmark peers.knn[k=10]").hasMessageContaining("expected positive scores");
        Path truncated = Files.writeString(dir.resolve("cut.json"), RelativeRunJson.toJson(sample()).substring(0, 80));
        assertThatThrownBy(() -> RelativeRunJson.read(truncated)).hasMessageContaining("is not valid JSON");
    }
}
