package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.results.RunInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInfosTest {

    private static List<String> cpuinfo(String model, String flags) {
        return List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "model name\t: " + model,
                "flags\t\t: " + flags, "", "processor\t: 1", "model name\t: " + model, "flags\t\t: " + flags);
    }

    @Test
    void aDeclaredCommitWinsAndANonHashOneFallsBackToGit(@TempDir Path notARepo) {
        assertThat(RunInfos.gitCommit("0123abcd", notARepo)).isEqualTo("0123abcd");
        assertThat(RunInfos.gitCommit(" 0123abcd\n", notARepo)).isEqualTo("0123abcd");
        assertThat(RunInfos.gitCommit("main", notARepo)).isEqualTo("unknown");
        assertThat(RunInfos.gitCommit(null, notARepo)).isEqualTo("unknown");
    }

    @Test
    void theWidestVectorIsaJoinsTheModelName() {
        assertThat(RunInfos.describeCpu(cpuinfo("AMD EPYC", "fpu sse2 avx fma avx2 bmi2")))
                .isEqualTo("AMD EPYC (avx2)");
        assertThat(RunInfos.describeCpu(cpuinfo("AMD EPYC", "fpu avx avx2 avx512f avx512bw")))
                .isEqualTo("AMD EPYC (avx512)");
        assertThat(RunInfos.describeCpu(cpuinfo("Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz", "fpu sse4_2 avx")))
                .isEqualTo("Intel(R) Xeon(R) CPU E5-2670 0 @ 2.60GHz (avx)");
        assertThat(RunInfos.describeCpu(List.of("model name\t: Old", "flags\t: fpu sse2"))).isEqualTo("Old");
    }

    @Test
    void machinesOfOneModelNameWithDifferentIsasAreDifferentTestbeds() {
        RunInfo avx2 = info(RunInfos.describeCpu(cpuinfo("AMD EPYC", "avx avx2")));
        RunInfo avx512 = info(RunInfos.describeCpu(cpuinfo("AMD EPYC", "avx avx2 avx512f")));
        assertThat(avx2.testbed()).isEqualTo("amd-epyc-avx2-2c-jdk25");
        assertThat(avx512.testbed()).isEqualTo("amd-epyc-avx512-2c-jdk25");
    }

    @Test
    void cpuinfoWithoutAModelIsAnError() {
        assertThatThrownBy(() -> RunInfos.describeCpu(List.of("processor\t: 0", "flags\t: avx2")))
                .hasMessageContaining("no model name");
    }

    private static RunInfo info(String cpu) {
        return new RunInfo(Instant.EPOCH, "abc1234", "quick", "25.0.3+9-LTS", cpu, 2);
    }
}
