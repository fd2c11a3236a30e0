package io.latentbench.workbench.notebook.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An installed kernel, as described by {@code kernels/NAME/kernel.json}.
 *
 * @param interruptMode {@code signal} (SIGINT to the process, the default) or {@code message}
 *     (an {@code interrupt_request} on the control channel)
 */
public record KernelSpec(
        String name,
        Path resourceDir,
        List<String> argv,
        String displayName,
        String language,
        Map<String, String> env,
        String interruptMode) {

    public KernelSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public boolean interruptsByMessage() {
        return "message".equals(interruptMode);
    }

    /** Reads {@code dir/kernel.json}; a missing or malformed file is an {@link IOException} naming it. */
    public static KernelSpec read(String name, Path dir) throws IOException {
        Path file = dir.resolve("kernel.json");
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException("kernelspec " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode argvNode = json == null ? null : json.get("argv");
        if (argvNode == null || !argvNode.isArray() || argvNode.isEmpty()) {
            throw new IOException("kernelspec " + file + " has no \"argv\" list; expected the command that starts the kernel");
        }
        List<String> argv = new ArrayList<>();
        argvNode.forEach(a -> argv.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envNode = json.get("env");
        if (envNode != null && envNode.isObject()) {
            envNode.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return new KernelSpec(
                name,
                dir,
                argv,
                json.path("display_name").asText(name),
                json.path("language").asText(""),
                env,
                json.path("interrupt_mode").asText("signal"));
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("kernel.json"));
    }
}
