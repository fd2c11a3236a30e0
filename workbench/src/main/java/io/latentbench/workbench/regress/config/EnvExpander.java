package io.latentbench.workbench.regress.config;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-fallback}} in config strings from the
 * environment. An unset variable without a fallback expands to the empty string, which the
 * actions read as "not configured" (regression_config.toml's
 * {@code slack_webhook = "${SLACK_WEBHOOK_URL}"} on a machine without the secret).
 */
public final class EnvExpander {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern MALFORMED = Pattern.compile("\\$\\{(?![A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?})");

    private final Function<String, String> environment;

    public EnvExpander(Function<String, String> environment) {
        this.environment = environment;
    }

    public static EnvExpander system() {
        return new EnvExpander(System::getenv);
    }

    /** @throws IllegalArgumentException on a {@code ${} that is not a well-formed reference */
    public String expand(String text) {
        if (MALFORMED.matcher(text).find()) {
            throw new IllegalArgumentException("malformed variable reference in '" + text
                    + "'; expected ${NAME} or ${NAME:-fallback}");
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
