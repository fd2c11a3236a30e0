package io.latentbench.workbench.regress.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.latentbench.workbench.regress.ThresholdEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads regression_config.toml strictly: a key the schema does not know, or a value of the
 * wrong type, is an error naming the file and the dotted key, so a typo such as
 * {@code knn_serach} cannot silently fall back to the default threshold.
 */
public final class ConfigLoader {

    private static final Set<String> TOP = Set.of("thresholds", "regression_actions", "baseline_management", "statistics");
    private static final Map<String, Set<String>> THRESHOLD_GROUPS = Map.of(
            "latency", Set.of("knn_search", "add_embedding", "attention"),
            "throughput", Set.of("batch_operations", "parallel_search"),
            "memory", Set.of("peak_usage", "allocation_count"));

    /** The config's name in a baselines directory. */
    public static final String FILE_NAME = "regression_config.toml";
    /** A checkout's baselines directory, relative to the checkout: where lb looks by default. */
    public static final Path BASELINES = Path.of("baselines");
    /** The system property with the checkout lb runs from (the launcher sets it). */
    static final String HOME_PROPERTY = "latentbench.home";

    private final EnvExpander env;

    public ConfigLoader(EnvExpander env) {
        this.env = env;
    }

    public static RegressionConfig load(Path file) {
        return new ConfigLoader(EnvExpander.system()).read(file);
    }

    /**
     * The one lookup of a default config: that of {@code baselinesDir} as {@link #locate} finds it,
     * else {@link RegressionConfig#defaults()}. {@code lb compare}, {@code lb report}, {@code lb baseline},
     * {@code lb bench --against}, the gate notebook and the scripts all come here.
     */
    public static RegressionConfig forBaselines(Path baselinesDir) {
        return locate(baselinesDir, System.getProperty(HOME_PROPERTY)).map(ConfigLoader::load)
                .orElseGet(RegressionConfig::defaults);
    }

    /**
     * {@code baselinesDir/regression_config.toml} when it is a file; for a relative directory
     * without one, the same under {@code home} (the checkout lb runs from), so that lb and its scripts
     * find the checkout's config from any working directory; else empty.
     */
    static Optional<Path> locate(Path baselinesDir, String home) {
        Path here = baselinesDir.resolve(FILE_NAME);
        if (Files.isRegularFile(here)) {
            return Optional.of(here);
        }
        if (home != null && !home.isBlank() && !baselinesDir.isAbsolute()) {
            Path inHome = Path.of(home).resolve(here);
            if (Files.isRegularFile(inHome)) {
                return Optional.of(inHome);
            }
        }
        return Optional.empty();
    }

    public RegressionConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("regression config " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read regression config " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public RegressionConfig parse(String toml, String source) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (JacksonException e) {
            throw new ConfigException(source + " is not valid TOML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            root = new TomlMapper().createObjectNode();
        }
        Reader r = new Reader(source);
        r.onlyKeys(root, "", TOP);

        RegressionConfig defaults = RegressionConfig.defaults();
        EnumMap<ThresholdEntry, Double> thresholds = new EnumMap<>(ThresholdEntry.class);
        JsonNode t = r.table(root, "thresholds");
        if (t != null) {
            Set<String> allowed = new java.util.HashSet<>(THRESHOLD_GROUPS.keySet());
            allowed.add("default");
            r.onlyKeys(t, "thresholds", allowed);
            r.percent(t, "thresholds", "default").ifPresent(v -> thresholds.put(ThresholdEntry.DEFAULT, v));
            for (Map.Entry<String, Set<String>> group : THRESHOLD_GROUPS.entrySet()) {
                String path = "thresholds." + group.getKey();
                JsonNode g = r.table(t, group.getKey(), path);
                if (g == null) {
                    continue;
                }
                r.onlyKeys(g, path, group.getValue());
                for (String key : group.getValue()) {
                    r.percent(g, path, key).ifPresent(v ->
                            thresholds.put(ThresholdEntry.byPath(group.getKey() + "." + key), v));
                }
            }
        } else {
            thresholds.putAll(defaults.thresholds());
        }

        ActionsConfig actions = ActionsConfig.defaults();
        JsonNode a = r.table(root, "regression_actions");
        if (a != null) {
            r.onlyKeys(a, "regression_actions", Set.of("fail_ci", "create_issue", "notify_team", "notifications"));
            Optional<String> webhook = Optional.empty();
            Optional<String> email = Optional.empty();
            JsonNode n = r.table(a, "notifications", "regression_actions.notifications");
            if (n != null) {
                r.onlyKeys(n, "regression_actions.notifications", Set.of("slack_webhook", "email"));
                webhook = r.string(n, "regression_actions.notifications", "slack_webhook");
                email = r.string(n, "regression_actions.notifications", "email");
            }
            actions = new ActionsConfig(
                    r.bool(a, "regression_actions", "fail_ci").orElse(actions.failCi()),
                    r.bool(a, "regression_actions", "create_issue").orElse(actions.createIssue()),
                    r.bool(a, "regression_actions", "notify_team").orElse(actions.notifyTeam()),
                    webhook, email);
        }

        BaselineManagement management = BaselineManagement.defaults();
        JsonNode b = r.table(root, "baseline_management");
        if (b != null) {
            String p = "baseline_management";
            r.onlyKeys(b, p, Set.of("auto_update_main", "require_approval", "keep_history", "max_history_count"));
            long max = r.integer(b, p, "max_history_count").orElse((long) management.maxHistoryCount());
            if (max < 1 || max > 100_000) {
                throw r.error(p + ".max_history_count", "is " + max + "; expected a count from 1 to 100000");
            }
            management = new BaselineManagement(
                    r.bool(b, p, "auto_update_main").orElse(management.autoUpdateMain()),
                    r.bool(b, p, "require_approval").orElse(management.requireApproval()),
                    r.bool(b, p, "keep_history").orElse(management.keepHistory()),
                    (int) max);
        }

        StatisticsConfig stats = StatisticsConfig.defaults();
        JsonNode s = r.table(root, "statistics");
        if (s != null) {
            String p = "statistics";
            r.onlyKeys(s, p, Set.of("alpha", "confidence", "bootstrap_resamples", "seed", "calibrate_against", "max_fork_cv"));
            double alpha = r.number(s, p, "alpha").orElse(stats.alpha());
            double confidence = r.number(s, p, "confidence").orElse(stats.confidence());
            long resamples = r.integer(s, p, "bootstrap_resamples").orElse((long) stats.bootstrapResamples());
            if (!(alpha > 0 && alpha < 1)) {
                throw r.error(p + ".alpha", "is " + alpha + "; expected a probability between 0 and 1");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw r.error(p + ".confidence", "is " + confidence + "; expected a level between 0 and 1");
            }
            if (resamples < 100 || resamples > 1_000_000) {
                throw r.error(p + ".bootstrap_resamples", "is " + resamples + "; expected 100 to 1000000");
            }
            double maxCv = r.percent(s, p, "max_fork_cv").orElse(stats.maxForkCv());
            stats = new StatisticsConfig(alpha, confidence, (int) resamples,
                    r.integer(s, p, "seed").orElse(stats.seed()),
                    r.string(s, p, "calibrate_against"), maxCv);
        }
        return new RegressionConfig(thresholds, actions, management, stats, source);
    }

    /** Typed access with errors that name the source and the key. */
    private final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        ConfigException error(String key, String problem) {
            return new ConfigException(source + ": " + key + " " + problem);
        }

        void onlyKeys(JsonNode table, String path, Set<String> allowed) {
            for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    String full = path.isEmpty() ? key : path + "." + key;
                    throw error(full, "is not a known key; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
        }

        JsonNode table(JsonNode parent, String key) {
            return table(parent, key, key);
        }

        JsonNode table(JsonNode parent, String key, String path) {
            JsonNode node = parent.get(key);
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                throw error(path, "is " + describe(node) + "; expected a table [" + path + "]");
            }
            return node;
        }

        Optional<Double> number(JsonNode table, String path, String key) {
            JsonNode node = table.get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isNumber()) {
                throw error(path + "." + key, "is " + describe(node) + "; expected a number");
            }
            return Optional.of(node.doubleValue());
        }

        Optional<Double> percent(JsonNode table, String path, String key) {
            Optional<Double> v = number(table, path, key);
            v.ifPresent(x -> {
                if (!(x > 0) || !Double.isFinite(x) || x >= 1000) {
                    throw error(path + "." + key, "is " + x + "; expected a percentage above 0 (for example 10.0)");
                }
            });
            return v;
        }

        Optional<Long> integer(JsonNode table, String path, String key) {
            JsonNode node = table.get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isIntegralNumber()) {
                throw error(path + "." + key, "is " + describe(node) + "; expected an integer");
            }
            return Optional.of(node.longValue());
        }

        Optional<Boolean> bool(JsonNode table, String path, String key) {
            JsonNode node = table.get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isBoolean()) {
                throw error(path + "." + key, "is " + describe(node) + "; expected true or false");
            }
            return Optional.of(node.booleanValue());
        }

        Optional<String> string(JsonNode table, String path, String key) {
            JsonNode node = table.get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                throw error(path + "." + key, "is " + describe(node) + "; expected a string");
            }
            String expanded;
            try {
                expanded = env.expand(node.textValue());
            } catch (IllegalArgumentException e) {
                throw error(path + "." + key, e.getMessage());
            }
            return expanded.isBlank() ? Optional.empty() : Optional.of(expanded.trim());
        }

        private String describe(JsonNode node) {
            if (node.isTextual()) {
                return "the string \"" + node.textValue() + "\"";
            }
            if (node.isObject()) {
                return "a table";
            }
            if (node.isArray()) {
                return "an array";
            }
            return (node.isBoolean() ? "the boolean " : node.isNumber() ? "the number " : "") + node;
        }
    }
}
