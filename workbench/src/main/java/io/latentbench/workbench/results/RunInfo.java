package io.latentbench.workbench.results;

import java.time.Instant;

/**
 * Where and when a run was made, so that results are only compared within one testbed.
 *
 * @param timestamp  end of the run
 * @param gitCommit  the commit measured, or "unknown"
 * @param profile    quick, critical, full, or "external" for foreign JMH files
 * @param jdk        the JVM version the benchmarks forked
 * @param cpu        the CPU model name
 * @param cores      available processors
 */
public record RunInfo(Instant timestamp, String gitCommit, String profile, String jdk, String cpu, int cores) {

    /** The default testbed name: CPU model (with its vector ISA), core count and JDK major, e.g. {@code amd-epyc-avx2-2c-jdk25}. */
    public String testbed() {
        String major = jdk == null ? "unknown" : jdk.split("[.+-]")[0];
        String model = (cpu == null || cpu.isBlank() ? "unknown-cpu" : cpu)
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\(r\\)|\\(tm\\)|\\bprocessor\\b|\\bcpu\\b|@.*$", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return model + "-" + cores + "c-jdk" + major;
    }
}
