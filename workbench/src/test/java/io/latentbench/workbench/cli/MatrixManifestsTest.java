package io.latentbench.workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.latentbench.workbench.bench.Shard;
import io.latentbench.workbench.kernel.magic.MagicArgs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The full matrix on CI engines: the GitHub workflow, the Kubernetes manifests and the Dockerfile
 * parse, have the shape their engines need, and every {@code lb} command they (and the merge
 * script they call) run is one that {@code lb --help} lists and whose options picocli accepts.
 */
class MatrixManifestsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOW = ROOT.resolve(".github/workflows/benchmark-matrix.yml");
    private static final Path K8S = ROOT.resolve("deploy/k8s/bench-matrix.yaml");
    private static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the launcher handles itself (the footer of lb --help), not picocli. */
    private static final Set<String> LAUNCHER_COMMANDS = Set.of("test", "build", "deps", "jshell");

    @TempDir
    Path tmp;

    @Test
    void theWorkflowShardsTheFullProfileAndMergesPerTestbed() throws IOException {
        JsonNode wf = YAML.readTree(WORKFLOW.toFile());
        assertThat(wf.path("on").has("workflow_dispatch")).isTrue();
        assertThat(wf.path("on").path("schedule").path(0).path("cron").asText()).matches("[0-9*/, -]+");

        JsonNode shard = wf.path("jobs").path("shard");
        assertThat(shard.path("needs").asText()).isEqualTo("plan");
        assertThat(shard.path("strategy").path("matrix").path("shard").asText())
                .isEqualTo("${{ fromJSON(needs.plan.outputs.indices) }}");
        assertThat(shard.path("env").path("SHARD").asText())
                .isEqualTo("${{ matrix.shard }}/${{ needs.plan.outputs.count }}");
        assertThat(runs(shard)).anySatisfy(run -> assertThat(run)
                .contains("./lb bench --profile full --shard \"$SHARD\" --out \"$OUT\""));
        assertThat(uses(shard)).anySatisfy(u -> assertThat(u).startsWith("actions/upload-artifact@"));

        JsonNode merge = wf.path("jobs").path("merge");
        assertThat(merge.path("needs")).extracting(JsonNode::asText).contains("shard");
        assertThat(uses(merge)).anySatisfy(u -> assertThat(u).startsWith("actions/download-artifact@"));
        assertThat(merge.path("steps")).filteredOn(step -> step.path("run").asText().contains("scripts/bench_matrix_merge.sh"))
                .singleElement().satisfies(step -> assertThat(step.path("env").path("LB_BASELINES").asText())
                        .as("the full profile's baselines, apart from the quick gate's").isEqualTo("baselines/full"));

        // the testbed comes from the machine that ran, as in the local gate: never a fixed name
        String text = Files.readString(WORKFLOW);
        assertThat(text).doesNotContain("LB_TESTBED").doesNotContain("--testbed").doesNotContain("github-ubuntu");
    }

    @Test
    void theWorkflowsPlanStepTurnsTheShardCountIntoTheMatrix() throws Exception {
        String script = runs(YAML.readTree(WORKFLOW.toFile()).path("jobs").path("plan")).getFirst();

        Map<String, String> five = planOutputs(script, "5");
        assertThat(five).containsEntry("count", "5").containsEntry("indices", "[1,2,3,4,5]");
        assertThat(YAML.readTree(five.get("indices"))).hasSize(5);
        assertThat(planOutputs(script, "1")).containsEntry("indices", "[1]");
        for (String bad : List.of("0", "65", "eight", "")) {
            assertThat(planOutputs(script, bad)).as("shards '%s'", bad).containsKey("exit 1");
        }
    }

    @Test
    void theIndexedJobGivesEachCompletionIndexItsOwnShardOnTheVolume() throws Exception {
        List<JsonNode> docs = k8sDocuments();
        JsonNode pvc = kind(docs, "PersistentVolumeClaim").getFirst();
        List<JsonNode> jobs = kind(docs, "Job");
        assertThat(jobs).hasSize(2);
        JsonNode matrix = jobs.stream().filter(j -> j.path("spec").has("completionMode")).findFirst().orElseThrow();
        JsonNode merge = jobs.stream().filter(j -> j != matrix).findFirst().orElseThrow();

        JsonNode spec = matrix.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        int completions = spec.path("completions").asInt();
        assertThat(completions).isPositive();
        JsonNode container = spec.path("template").path("spec").path("containers").path(0);
        assertThat(env(container)).containsEntry("SHARDS", String.valueOf(completions));
        assertThat(claims(spec)).containsExactly(pvc.path("metadata").path("name").asText());
        assertThat(claims(merge.path("spec"))).containsExactly(pvc.path("metadata").path("name").asText());

        // run the container's shell line for every index, with a stand-in lb that prints its arguments
        Path stub = tmp.resolve("lb");
        Files.writeString(stub, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        Set<Shard> shards = new HashSet<>();
        Set<String> outs = new HashSet<>();
        for (int index = 0; index < completions; index++) {
            Map<String, String> environment = new LinkedHashMap<>(env(container));
            environment.put("JOB_COMPLETION_INDEX", String.valueOf(index));
            String printed = sh(shellLine(container), environment);
            CommandLine.ParseResult parsed = Main.commandLine().parseArgs(printed.trim().split(" "));
            BenchCommand bench = (BenchCommand) parsed.subcommand().commandSpec().userObject();
            assertThat(bench.profile).isEqualTo("full");
            shards.add(Shard.parse(bench.shard));
            outs.add(bench.out.toString());
            assertThat(bench.out).startsWithRaw(Path.of("/results", environment.get("RUN_ID"), "shards"));
        }
        Set<Shard> expected = new HashSet<>();
        for (int i = 1; i <= completions; i++) {
            expected.add(new Shard(i, completions));
        }
        assertThat(shards).isEqualTo(expected);
        assertThat(outs).hasSize(completions);

        // the merge Job waits for as many shards, of the same run, and merges them with the shared script
        JsonNode mergePod = merge.path("spec").path("template").path("spec");
        JsonNode wait = mergePod.path("initContainers").path(0);
        JsonNode merger = mergePod.path("containers").path(0);
        assertThat(env(wait)).containsEntry("SHARDS", String.valueOf(completions))
                .containsEntry("RUN_ID", env(container).get("RUN_ID"));
        assertThat(env(merger)).containsEntry("RUN_ID", env(container).get("RUN_ID"));
        assertThat(shellLine(merger)).contains("scripts/bench_matrix_merge.sh \"/results/$RUN_ID/shards\"");
        assertThat(List.of(container, wait, merger)).extracting(c -> c.path("image").asText()).containsOnly(
                container.path("image").asText());
    }

    @Test
    void theImageIsTemurinWithMavenAndTheProjectBuiltAndRunsAsThePodsUser() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE);
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).singleElement().satisfies(f -> assertThat(f).contains("maven").contains("eclipse-temurin-25"));
        String text = String.join("\n", lines);
        assertThat(text).contains("RUN ./lb build").contains("ENTRYPOINT [\"./lb\"]").contains("LB_NO_BUILD=1");
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(text);
        assertThat(user.find()).isTrue();
        for (JsonNode job : kind(k8sDocuments(), "Job")) {
            assertThat(job.path("spec").path("template").path("spec").path("securityContext").path("runAsUser").asText())
                    .isEqualTo(user.group(1));
        }
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".git", "**/target");
    }

    @Test
    void everyLbCommandOfTheWorkflowManifestsImageAndMergeScriptExists() throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        JsonNode wf = YAML.readTree(WORKFLOW.toFile());
        wf.path("jobs").properties().forEach(job -> {
            List<String> runs = runs(job.getValue());
            for (int i = 0; i < runs.size(); i++) {
                scripts.put("workflow job " + job.getKey() + " run " + i, runs.get(i));
            }
        });
        for (JsonNode job : kind(k8sDocuments(), "Job")) {
            JsonNode pod = job.path("spec").path("template").path("spec");
            for (JsonNode c : iterable(pod.path("initContainers"), pod.path("containers"))) {
                scripts.put(job.path("metadata").path("name").asText() + "/" + c.path("name").asText(), shellLine(c));
            }
        }
        scripts.put("Dockerfile", Files.readString(DOCKERFILE));
        // the scripts these call are part of what runs
        Pattern called = Pattern.compile("scripts/[\\w.-]+\\.sh");
        for (String body : List.copyOf(scripts.values())) {
            Matcher m = called.matcher(body);
            while (m.find()) {
                Path script = ROOT.resolve(m.group());
                assertThat(script).isRegularFile().isExecutable();
                scripts.put(m.group(), Files.readString(script));
            }
        }
        assertThat(scripts).containsKey("scripts/bench_matrix_merge.sh");

        String help = usage();
        Set<String> seen = new HashSet<>();
        scripts.forEach((where, body) -> {
            for (List<String> args : lbInvocations(body)) {
                String command = args.getFirst();
                seen.add(command + (args.size() > 1 && !args.get(1).startsWith("-") ? " " + args.get(1) : ""));
                assertThat(help).as("lb --help lists '%s' (%s)", command, where).containsPattern("(?m)^  " + command + " ");
                if (!LAUNCHER_COMMANDS.contains(command)) {
                    assertThatCode(() -> Main.commandLine().parseArgs(args.toArray(String[]::new)))
                            .as("lb %s (%s)", String.join(" ", args), where).doesNotThrowAnyException();
                }
            }
        });
        // what the matrix needs was found, so the check above did run over it
        assertThat(seen).contains("build", "bench", "results merge", "compare", "report");
        assertThat(seen).anyMatch(s -> s.startsWith("baseline"));
    }

    /** The lb command lines of a shell text, variables replaced by a placeholder, quotes removed. */
    static List<List<String>> lbInvocations(String shell) {
        String joined = shell.replace("\\\n", " ");
        List<List<String>> out = new ArrayList<>();
        Pattern start = Pattern.compile("(?:\\./lb|\"\\$LB\")\\s+");
        for (String line : joined.split("\n")) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher m = start.matcher(line);
            while (m.find()) {
                out.add(words(placeholders(line.substring(m.end()))));
            }
        }
        return out;
    }

    private static String placeholders(String text) {
        return text.replaceAll("\\$\\{\\{[^}]*}}", "1")
                .replaceAll("\\$\\(\\([^)]*\\)\\)", "1")
                .replaceAll("\\$\\{[^}]*}", "1")
                .replaceAll("\\$\\([A-Za-z_][A-Za-z0-9_]*\\)", "1")
                .replaceAll("\\$[A-Za-z_][A-Za-z0-9_]*", "1");
    }

    /** Shell words up to the end of the command: a pipe, list operator, redirection or comment. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : MagicArgs.split(text)) {
            if (w.isEmpty() || "|;&>)#".indexOf(w.charAt(0)) >= 0) {
                break;
            }
            words.add(w);
        }
        return words;
    }

    private static String usage() {
        java.io.StringWriter text = new java.io.StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(text, true));
        assertThat(cl.execute("--help")).isZero();
        return text.toString();
    }

    private static List<String> runs(JsonNode job) {
        return stepValues(job, "run");
    }

    private static List<String> uses(JsonNode job) {
        return stepValues(job, "uses");
    }

    private static List<String> stepValues(JsonNode job, String key) {
        List<String> values = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has(key)) {
                values.add(step.path(key).asText());
            }
        });
        return values;
    }

    private static List<JsonNode> k8sDocuments() throws IOException {
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(K8S.toFile())) {
            List<JsonNode> docs = it.readAll();
            assertThat(docs).allSatisfy(d -> assertThat(d.path("apiVersion").asText()).isNotBlank());
            return docs;
        }
    }

    private static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    private static List<String> claims(JsonNode jobSpec) {
        List<String> claims = new ArrayList<>();
        jobSpec.path("template").path("spec").path("volumes")
                .forEach(v -> claims.add(v.path("persistentVolumeClaim").path("claimName").asText()));
        return claims;
    }

    /** The line a container runs through {@code /bin/sh -c}. */
    private static String shellLine(JsonNode container) {
        assertThat(container.path("command")).extracting(JsonNode::asText).containsExactly("/bin/sh", "-c");
        assertThat(container.path("args")).hasSize(1);
        return container.path("args").path(0).asText();
    }

    private static List<JsonNode> iterable(JsonNode... arrays) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode a : arrays) {
            a.forEach(all::add);
        }
        return all;
    }

    /** Runs a shell line in the stub directory (./lb is the stand-in) and returns its stdout. */
    private String sh(String line, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", line).directory(tmp.toFile());
        pb.environment().putAll(environment);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Runs the workflow's plan step with bash as Actions does; its outputs, or "exit N" when it failed. */
    private Map<String, String> planOutputs(String script, String shards) throws IOException, InterruptedException {
        Path outputs = Files.createTempFile(tmp, "github-output", ".txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script).directory(tmp.toFile());
        pb.environment().put("SHARDS", shards);
        pb.environment().put("GITHUB_OUTPUT", outputs.toString());
        Process p = pb.redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, String> result = new LinkedHashMap<>();
        if (p.exitValue() != 0) {
            assertThat(printed).startsWith("::error::shards must be");
            result.put("exit " + p.exitValue(), printed);
            return result;
        }
        for (String l : Files.readAllLines(outputs)) {
            int eq = l.indexOf('=');
            result.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return result;
    }
}
