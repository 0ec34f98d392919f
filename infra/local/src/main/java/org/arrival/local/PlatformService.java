package org.arrival.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The services the stack starts, in start order, with the port and database each one uses by default. The web
 * application comes last: it serves the pages and calls the others' APIs.
 */
public enum PlatformService {
    REGISTRY("registry", 8081),
    ASSESSMENTS("assessments", 8082),
    ACTION_PLANS("action-plans", 8083),
    NOTIFICATIONS("notifications", 8084),
    FORUM("forum", 8085),
    WEB("web", 8080);

    private final String module;
    private final int port;

    PlatformService(String module, int port) {
        this.module = module;
        this.port = port;
    }

    /** The service's module and the name the stack gives its first instance, e.g. {@code action-plans}. */
    public String module() {
        return module;
    }

    /** The service whose module is named so. */
    public static Optional<PlatformService> byModule(String module) {
        return Arrays.stream(values()).filter(s -> s.module.equals(module)).findFirst();
    }

    static List<String> modules() {
        return Arrays.stream(values()).map(PlatformService::module).toList();
    }

    int defaultPort() {
        return port;
    }

    /** The prefix of the service's own environment variables, e.g. {@code ARRIVAL_ACTION_PLANS}. */
    String envPrefix() {
        return "ARRIVAL_" + name();
    }

    public String database() {
        return "arrival_" + name().toLowerCase(Locale.ROOT);
    }

    Path jar(StackSettings settings) {
        return settings.root()
                .resolve("services")
                .resolve(module)
                .resolve("target")
                .resolve("arrival-" + module + "-" + settings.version() + ".jar");
    }
}
