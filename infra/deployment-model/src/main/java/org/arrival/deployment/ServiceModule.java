package org.arrival.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service module: its name (the directory under {@code services/}), its jar's artifactId, every setting of its
 * {@code application.yml} flattened ({@code a.b[0].c}), and the environment variables those settings read through
 * {@code ${VAR:default}} with their defaults.
 */
public record ServiceModule(
        String name,
        String artifactId,
        Map<String, @Nullable Object> settings,
        Map<String, @Nullable String> placeholders) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    /** The environment variables a setting (or the settings under it) reads. */
    public List<String> placeholdersOf(String setting) {
        List<String> names = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (key.equals(setting) || key.startsWith(setting + ".") || key.startsWith(setting + "[")) {
                Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        });
        return names;
    }

    /** Whether the module reads the environment variable through its application.yml. */
    public boolean reads(String variable) {
        return placeholders.containsKey(variable);
    }

    /** The port the service listens on when nothing is set: server.port's default. */
    public String defaultPort() {
        return String.valueOf(valueOf("server.port"));
    }

    /** A setting's value when no environment variable is set (a placeholder's default); null if it has none. */
    public @Nullable String valueOf(String setting) {
        Object value = settings.get(setting);
        if (value == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
        return m.find() ? m.group(2) : String.valueOf(value);
    }

    public List<String> listSetting(String setting) {
        List<String> values = new ArrayList<>();
        for (int i = 0; settings.containsKey(setting + "[" + i + "]"); i++) {
            values.add(String.valueOf(settings.get(setting + "[" + i + "]")));
        }
        return values;
    }

    /** The Kafka consumer group, as the messaging library names it: the group-id, else the application's name. */
    public String consumerGroup() {
        String group = valueOf("spring.kafka.consumer.group-id");
        if (group == null) {
            group = valueOf("spring.application.name");
        }
        return group == null ? "arrival" : group;
    }
}
