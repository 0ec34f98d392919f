package org.arrival.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.security.SecurityProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * The platform as the repository defines it, for checking a deployment against: the service modules
 * ({@code services/*} but {@code platform}), the environment variables the platform libraries' configuration
 * properties take (Spring's relaxed binding) and the Keycloak realm's name.
 */
public final class DeploymentModel {

    public static final String REALM_FILE = "infra/keycloak/arrival-realm.json";

    /** Settings whose defaults point at 127.0.0.1, which in a container or a pod is the service itself. */
    public static final List<String> MUST_BE_SET = List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.kafka.bootstrap-servers",
            "arrival.security.issuer-uri",
            "spring.mail.host",
            "spring.mail.port",
            "arrival.web.sign-in.issuer-uri",
            "arrival.web.sign-in.backchannel-uri",
            "arrival.web.services");

    /** The web application's settings naming each service's API, by the service's module. */
    public static final String SERVICE_URLS = "arrival.web.services.";

    private final Path repository;
    private final Map<String, ServiceModule> modules;
    private final String realmName;
    private final Set<String> platformVariables;

    public DeploymentModel(Path repository) {
        this.repository = repository.toAbsolutePath().normalize();
        this.modules = Collections.unmodifiableMap(serviceModules(this.repository.resolve("services")));
        Map<String, Object> realm = load(read(this.repository.resolve(REALM_FILE)));
        this.realmName = String.valueOf(realm.get("realm"));
        Set<String> variables = new LinkedHashSet<>();
        for (Class<?> properties : List.of(SecurityProperties.class, MessagingProperties.class)) {
            ConfigurationProperties annotation = properties.getAnnotation(ConfigurationProperties.class);
            variables(annotation == null ? "" : annotation.value(), properties, variables);
        }
        this.platformVariables = Collections.unmodifiableSet(variables);
    }

    public Path repository() {
        return repository;
    }

    /** The service modules by name, in name order. */
    public Map<String, ServiceModule> modules() {
        return modules;
    }

    public String realmName() {
        return realmName;
    }

    /** The environment variable names the platform libraries' configuration properties bind. */
    public Set<String> platformVariables() {
        return platformVariables;
    }

    /** Whether a service module reads the variable: through its application.yml or a platform library. */
    public boolean reads(ServiceModule module, String variable) {
        return module.reads(variable) || platformVariables.contains(variable);
    }

    /** The environment variable names Spring's relaxed binding maps onto a configuration properties record. */
    private static void variables(String prefix, Class<?> type, Set<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String property = prefix + "."
                    + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                variables(property, component.getType(), into);
            } else {
                into.add(property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
            }
        }
    }

    private static Map<String, ServiceModule> serviceModules(Path services) {
        Map<String, ServiceModule> result = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(services)) {
            for (Path dir : dirs.sorted().toList()) {
                Path yml = dir.resolve("src/main/resources/application.yml");
                String name = String.valueOf(dir.getFileName());
                if (name.equals("platform")
                        || !Files.isRegularFile(dir.resolve("pom.xml"))
                        || !Files.isRegularFile(yml)) {
                    continue;
                }
                Map<String, @Nullable Object> settings = new TreeMap<>();
                flatten("", load(read(yml)), settings);
                Map<String, @Nullable String> placeholders = new TreeMap<>();
                settings.values().forEach(v -> {
                    Matcher m = ServiceModule.PLACEHOLDER.matcher(String.valueOf(v));
                    while (m.find()) {
                        placeholders.put(m.group(1), m.group(2));
                    }
                });
                Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>")
                        .matcher(read(dir.resolve("pom.xml")));
                result.put(
                        name,
                        new ServiceModule(name, artifact.find() ? artifact.group(1) : "?", settings, placeholders));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static void flatten(String prefix, @Nullable Object value, Map<String, @Nullable Object> into) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), into);
            }
        } else {
            into.put(prefix, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        Object loaded = new Yaml().load(yaml);
        return loaded instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
