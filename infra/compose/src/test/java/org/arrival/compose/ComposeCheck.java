package org.arrival.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arrival.contracts.EventCatalogue;
import org.arrival.deployment.DeploymentModel;
import org.arrival.deployment.ServiceModule;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a docker-compose file against the repository it runs: the service modules and their {@code application.yml},
 * the platform libraries' configuration properties, the topic catalogue, the Keycloak realm export and the
 * PostgreSQL init script the file mounts. {@link #problems} lists every disagreement in words; none means it agrees.
 */
final class ComposeCheck {

    static final String IMPORT_DIR = "/opt/keycloak/data/import/";
    static final String INITDB_DIR = "/docker-entrypoint-initdb.d/";
    static final String REALM_FILE = "infra/keycloak/arrival-realm.json";
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([A-Za-z0-9_]+)");
    private static final Pattern CREATE_USER = Pattern.compile(
            "CREATE\\s+(?:USER|ROLE)\\s+(\\w+)\\s+(?:WITH\\s+)?(?:LOGIN\\s+)?PASSWORD\\s+'([^']*)'",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_DATABASE = Pattern.compile(
            "CREATE\\s+DATABASE\\s+(\\w+)\\s+(?:WITH\\s+)?OWNER\\s*=?\\s*(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEALTH_PROBE =
            Pattern.compile("/dev/tcp/(?:127\\.0\\.0\\.1|localhost)/(\\d+)\\b.*GET (/actuator/health)\\b");

    private final Path repository;
    private final Map<String, ServiceModule> modules;
    private final String realmName;
    private final Set<String> platformVariables;
    private final EventCatalogue catalogue = EventCatalogue.instance();

    ComposeCheck(Path repository) {
        DeploymentModel model = new DeploymentModel(repository);
        this.repository = model.repository();
        this.modules = model.modules();
        this.realmName = model.realmName();
        this.platformVariables = model.platformVariables();
    }

    Set<String> serviceNames() {
        return modules.keySet();
    }

    List<String> problems(String composeYaml) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> compose = load(composeYaml);
        Map<String, Object> services = map(compose.get("services"));
        if (services.isEmpty()) {
            return List.of("the file has no services");
        }
        for (String module : modules.keySet()) {
            if (!services.containsKey(module)) {
                problems.add("services/" + module + " has no compose service '" + module + "'");
            }
        }
        services.forEach((name, definition) -> {
            if (map(definition).containsKey("build") && !modules.containsKey(name)) {
                problems.add("compose service '" + name + "' is built but there is no module services/" + name);
            }
        });
        String postgres = serviceWithImage(services, "postgres:", problems);
        String kafka = serviceWithImage(services, "apache/kafka:", problems);
        String keycloak = serviceWithImage(services, "quay.io/keycloak/keycloak:", problems);
        Databases databases = postgres == null ? null : databases(map(services.get(postgres)), problems);
        String issuer = keycloak == null ? null : keycloakIssuer(keycloak, map(services.get(keycloak)), problems);
        Set<String> advertised = kafka == null ? Set.of() : advertisedListeners(map(services.get(kafka)));
        for (ServiceModule module : modules.values()) {
            Map<String, Object> service = map(services.get(module.name()));
            if (!service.isEmpty()) {
                new ServiceCheck(module, service, services, problems)
                        .run(postgres, kafka, keycloak, databases, issuer, advertised);
            }
        }
        return problems;
    }

    /** One module's compose service. */
    private final class ServiceCheck {
        private final ServiceModule module;
        private final Map<String, Object> service;
        private final Map<String, Object> all;
        private final Map<String, String> env;
        private final List<String> problems;

        ServiceCheck(
                ServiceModule module, Map<String, Object> service, Map<String, Object> all, List<String> problems) {
            this.module = module;
            this.service = service;
            this.all = all;
            this.env = environment(service);
            this.problems = problems;
        }

        void run(
                String postgres,
                String kafka,
                String keycloak,
                Databases databases,
                String issuer,
                Set<String> advertised) {
            build();
            variables();
            port();
            dependencies(postgres, kafka);
            database(postgres, databases);
            broker(kafka, advertised);
            tokens(keycloak, issuer);
            signIn(keycloak, issuer);
            apis();
            mail();
        }

        private void problem(String text) {
            problems.add(module.name() + ": " + text);
        }

        private void build() {
            Map<String, Object> build = map(service.get("build"));
            if (build.isEmpty()) {
                problem("is not built from the repository (no build section)");
                return;
            }
            Object arg = map(build.get("args")).get("SERVICE");
            if (!module.name().equals(String.valueOf(arg))) {
                problem("builds with SERVICE=" + arg + ", not " + module.name());
            }
            Path dockerfile = repository
                    .resolve(String.valueOf(build.getOrDefault("context", ".")))
                    .resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")))
                    .normalize();
            if (!Files.isRegularFile(dockerfile)) {
                problem("its Dockerfile " + dockerfile + " does not exist");
                return;
            }
            String text = read(dockerfile);
            if (!text.contains("COPY services/${SERVICE}/target/arrival-${SERVICE}-")) {
                problem(repository.relativize(dockerfile)
                        + " does not copy services/<service>/target/arrival-<service>-*.jar");
            } else if (!module.artifactId().equals("arrival-" + module.name())) {
                problem("its jar is " + module.artifactId() + "-*.jar, which the Dockerfile does not copy");
            }
            Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(text);
            String last = null;
            while (user.find()) {
                last = user.group(1);
            }
            if (last == null || last.equals("root") || last.startsWith("0")) {
                problem(repository.relativize(dockerfile) + " runs the service as root");
            }
        }

        private void variables() {
            for (String name : env.keySet()) {
                if (!module.placeholders().containsKey(name) && !platformVariables.contains(name)) {
                    problem("sets " + name + ", which neither its application.yml nor the platform libraries read");
                }
            }
            for (String setting : DeploymentModel.MUST_BE_SET) {
                for (String name : module.placeholdersOf(setting)) {
                    if (!env.containsKey(name)) {
                        problem("does not set " + name + " (" + setting
                                + "; its default is for a service outside a container)");
                    }
                }
            }
        }

        private void port() {
            String placeholder =
                    module.placeholdersOf("server.port").stream().findFirst().orElse(null);
            String port = placeholder == null
                    ? String.valueOf(module.settings().get("server.port"))
                    : env.getOrDefault(placeholder, module.placeholders().get(placeholder));
            if (port == null || port.equals("null")) {
                problem("application.yml has no server.port default");
                return;
            }
            if (!port.equals(module.defaultPort())) {
                problem("runs on port " + port + " but application.yml's default is " + module.defaultPort());
            }
            List<Port> published = ports(service);
            if (published.stream().noneMatch(p -> p.container().equals(port))) {
                problem("publishes " + published + " but listens on " + port);
            }
            published.stream()
                    .filter(p -> p.container().equals(port) && !p.host().equals(port))
                    .forEach(p -> problem("publishes its port " + port + " as " + p.host() + " on the host"));
            String probe = String.valueOf(map(service.get("healthcheck")).get("test"));
            Matcher health = HEALTH_PROBE.matcher(probe);
            if (!health.find()) {
                problem("has no healthcheck on /actuator/health");
            } else if (!health.group(1).equals(port)) {
                problem("checks its health on port " + health.group(1) + " but listens on " + port);
            }
        }

        private void dependencies(String postgres, String kafka) {
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            // the web application keeps its sessions in PostgreSQL and reads no topic
            String broker =
                    module.placeholdersOf("spring.kafka.bootstrap-servers").isEmpty() ? null : kafka;
            for (String needed : Stream.of(postgres, broker)
                    .filter(java.util.Objects::nonNull)
                    .toList()) {
                healthy(dependsOn, needed, "its " + needed);
            }
            for (String topic : module.listSetting("arrival.messaging.consumed-topics")) {
                String owner;
                try {
                    owner = catalogue.topic(topic).owner();
                } catch (RuntimeException e) {
                    problem("reads " + topic + ", which is not in the topic catalogue");
                    continue;
                }
                if (owner.equals(module.name())) {
                    continue;
                }
                if (!all.containsKey(owner)) {
                    problem("reads " + topic + " of " + owner + ", which has no compose service to create it");
                } else {
                    healthy(
                            dependsOn,
                            owner,
                            "the owner of " + topic + " (it creates the topic; the broker makes none)");
                }
            }
        }

        private void healthy(Map<String, Object> dependsOn, String other, String why) {
            Object condition = map(dependsOn.get(other)).get("condition");
            if (!"service_healthy".equals(condition)) {
                problem("must wait for " + other + " to be healthy (" + why + "); depends_on says " + condition);
            }
        }

        private void database(String postgres, Databases databases) {
            String urlVariable = first(module.placeholdersOf("spring.datasource.url"));
            String userVariable = first(module.placeholdersOf("spring.datasource.username"));
            String passwordVariable = first(module.placeholdersOf("spring.datasource.password"));
            String url = env.get(urlVariable);
            if (url == null || postgres == null || databases == null) {
                return;
            }
            Matcher jdbc = JDBC.matcher(url);
            if (!jdbc.matches()) {
                problem(urlVariable + "=" + url + " is not jdbc:postgresql://<host>:<port>/<database>");
                return;
            }
            if (!jdbc.group(1).equals(postgres) || !jdbc.group(2).equals("5432")) {
                problem(urlVariable + " points at " + jdbc.group(1) + ":" + jdbc.group(2) + ", not " + postgres
                        + ":5432");
            }
            String database = jdbc.group(3);
            String owner = databases.owners().get(database);
            String user = env.get(userVariable);
            if (owner == null) {
                problem("database " + database + " is not created by " + databases.script());
            } else if (!owner.equals(user)) {
                problem("connects as " + user + " but " + database + " belongs to " + owner + " in "
                        + databases.script());
            }
            String password = databases.passwords().get(user);
            if (user != null && password == null) {
                problem("user " + user + " is not created by " + databases.script());
            } else if (password != null && !password.equals(env.get(passwordVariable))) {
                problem(passwordVariable + " is not the password " + databases.script() + " gives " + user);
            }
            for (ServiceModule other : modules.values()) {
                if (other != module
                        && url.equals(environment(map(all.get(other.name())))
                                .get(first(other.placeholdersOf("spring.datasource.url"))))) {
                    problem("shares its database with " + other.name());
                }
            }
        }

        private void broker(String kafka, Set<String> advertised) {
            String variable = first(module.placeholdersOf("spring.kafka.bootstrap-servers"));
            String bootstrap = env.get(variable);
            if (bootstrap == null || kafka == null) {
                return;
            }
            for (String server : bootstrap.split(",")) {
                if (!server.startsWith(kafka + ":") || !advertised.contains(server.trim())) {
                    problem(variable + "=" + bootstrap + " is not a listener " + kafka + " advertises " + advertised);
                }
            }
        }

        private void tokens(String keycloak, String issuer) {
            String issuerVariable = first(module.placeholdersOf("arrival.security.issuer-uri"));
            String given = env.get(issuerVariable);
            if (issuer != null && given != null && !given.equals(issuer)) {
                problem(issuerVariable + "=" + given + " but " + keycloak + " issues tokens as " + issuer);
            }
            String jwks = env.get("ARRIVAL_SECURITY_JWKSETURI");
            if (keycloak == null || given == null) {
                return;
            }
            String internal = "http://" + keycloak + ":8080/realms/" + realmName + "/protocol/openid-connect/certs";
            if (jwks == null) {
                String host = URI.create(given).getHost();
                if ("127.0.0.1".equals(host) || "localhost".equals(host)) {
                    problem("fetches the signing keys from " + given + ", which inside its container is itself; set "
                            + "ARRIVAL_SECURITY_JWKSETURI=" + internal);
                }
            } else if (!jwks.equals(internal)) {
                problem("ARRIVAL_SECURITY_JWKSETURI=" + jwks + " is not " + keycloak + "'s key set " + internal);
            }
        }

        /**
         * The web application: browsers sign in at the issuer on the host, the server reaches Keycloak over the
         * compose network, and the realm's client sends browsers back to the port the web application publishes.
         */
        private void signIn(String keycloak, String issuer) {
            String issuerVariable = first(module.placeholdersOf("arrival.web.sign-in.issuer-uri"));
            if (issuerVariable == null || keycloak == null) {
                return;
            }
            String given = env.get(issuerVariable);
            if (issuer != null && given != null && !given.equals(issuer)) {
                problem(issuerVariable + "=" + given + " but " + keycloak + " issues tokens as " + issuer);
            }
            String backVariable = first(module.placeholdersOf("arrival.web.sign-in.backchannel-uri"));
            String internal = "http://" + keycloak + ":8080/realms/" + realmName;
            String back = backVariable == null ? null : env.get(backVariable);
            if (back != null && !back.equals(internal)) {
                problem(backVariable + "=" + back + " is not " + keycloak + "'s realm on the compose network "
                        + internal);
            }
            String clientVariable = first(module.placeholdersOf("arrival.web.sign-in.client-id"));
            String clientId = clientVariable == null
                    ? null
                    : env.getOrDefault(clientVariable, module.placeholders().get(clientVariable));
            Map<String, Object> client = realmClient(clientId);
            if (client.isEmpty()) {
                problem("signs in as client " + clientId + ", which the realm export does not have");
                return;
            }
            for (Port p : ports(service)) {
                String callback = "http://127.0.0.1:" + p.host() + "/login/oauth2/code/keycloak";
                if (!list(client.get("redirectUris")).contains(callback)) {
                    problem("is published on port " + p.host() + " but the realm's " + clientId
                            + " does not send browsers back to " + callback);
                }
            }
        }

        /** Each service API the web application calls is that service's compose service on its port. */
        private void apis() {
            module.settings().forEach((key, value) -> {
                if (!key.startsWith(DeploymentModel.SERVICE_URLS)
                        || module.placeholdersOf(key).isEmpty()) {
                    return;
                }
                String target = key.substring(DeploymentModel.SERVICE_URLS.length());
                ServiceModule called = modules.get(target);
                if (called == null) {
                    return; // a timeout, not a service
                }
                String variable = module.placeholdersOf(key).get(0);
                String expected = "http://" + target + ":" + called.defaultPort();
                String given = env.get(variable);
                if (given != null && !given.replaceAll("/$", "").equals(expected)) {
                    problem(variable + "=" + given + " is not " + target + "'s API on the compose network " + expected);
                }
                if (!all.containsKey(target)) {
                    problem("calls " + target + ", which has no compose service");
                }
            });
        }

        private void mail() {
            String variable = first(module.placeholdersOf("spring.mail.host"));
            String host = variable == null ? null : env.get(variable);
            if (host != null && !all.containsKey(host)) {
                problem(variable + "=" + host + " is not a compose service");
            }
        }
    }

    private Map<String, Object> realmClient(String clientId) {
        Map<String, Object> realm = load(read(repository.resolve(REALM_FILE)));
        for (Object client : list(realm.get("clients"))) {
            if (String.valueOf(map(client).get("clientId")).equals(clientId)) {
                return map(client);
            }
        }
        return Map.of();
    }

    /** The issuer the Keycloak service's tokens carry, after checking what it imports and how it is reached. */
    private String keycloakIssuer(String name, Map<String, Object> keycloak, List<String> problems) {
        String command = String.valueOf(keycloak.get("command"));
        if (!command.contains("--import-realm")) {
            problems.add(name + ": is not started with --import-realm");
        }
        List<String> imports = new ArrayList<>();
        for (Object volume : list(keycloak.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith(IMPORT_DIR)) {
                imports.add(parts[0]);
            }
        }
        if (imports.size() != 1) {
            problems.add(name + ": must import exactly " + REALM_FILE + " into " + IMPORT_DIR + ", imports " + imports);
        } else if (!repository.resolve(imports.get(0)).normalize().equals(repository.resolve(REALM_FILE))) {
            problems.add(name + ": imports " + imports.get(0) + ", not " + REALM_FILE);
        }
        String hostname = environment(keycloak).get("KC_HOSTNAME");
        if (hostname == null || !hostname.startsWith("http")) {
            problems.add(name + ": KC_HOSTNAME must pin the issuer to one URL (http://host:port), is " + hostname);
            return null;
        }
        URI pinned = URI.create(hostname);
        String port = String.valueOf(pinned.getPort() == -1 ? 80 : pinned.getPort());
        List<Port> published = ports(keycloak);
        if (published.stream()
                .noneMatch(p -> p.container().equals("8080") && p.host().equals(port))) {
            problems.add(name + ": KC_HOSTNAME " + hostname + " is not where its port 8080 is published " + published);
        }
        return hostname.replaceAll("/$", "") + "/realms/" + realmName;
    }

    private Set<String> advertisedListeners(Map<String, Object> kafka) {
        Set<String> result = new LinkedHashSet<>();
        String listeners = environment(kafka).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        for (String listener : listeners.split(",")) {
            int at = listener.indexOf("://");
            if (at > 0) {
                result.add(listener.substring(at + 3).trim());
            }
        }
        return result;
    }

    /** What the init script creates: each database's owner and each user's password. */
    private record Databases(String script, Map<String, String> owners, Map<String, String> passwords) {}

    private Databases databases(Map<String, Object> postgres, List<String> problems) {
        Map<String, String> owners = new TreeMap<>();
        Map<String, String> passwords = new TreeMap<>();
        List<String> scripts = new ArrayList<>();
        for (Object volume : list(postgres.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith(INITDB_DIR)) {
                Path script = repository.resolve(parts[0]).normalize();
                if (!Files.isRegularFile(script)) {
                    problems.add("postgres: init script " + parts[0] + " does not exist");
                    continue;
                }
                scripts.add(parts[0]);
                String sql = read(script);
                Matcher user = CREATE_USER.matcher(sql);
                while (user.find()) {
                    passwords.put(user.group(1).toLowerCase(Locale.ROOT), user.group(2));
                }
                Matcher database = CREATE_DATABASE.matcher(sql);
                while (database.find()) {
                    owners.put(
                            database.group(1).toLowerCase(Locale.ROOT),
                            database.group(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (scripts.isEmpty()) {
            problems.add("postgres: mounts no init script into " + INITDB_DIR + " to create the services' databases");
        }
        return new Databases(String.join(", ", scripts), owners, passwords);
    }

    private static String serviceWithImage(Map<String, Object> services, String imagePrefix, List<String> problems) {
        List<String> found = services.entrySet().stream()
                .filter(e -> String.valueOf(map(e.getValue()).get("image")).startsWith(imagePrefix))
                .map(Map.Entry::getKey)
                .toList();
        if (found.size() != 1) {
            problems.add("there must be one service of image " + imagePrefix + "*, there are " + found);
            return null;
        }
        return found.get(0);
    }

    /** Container port and host port of each published port (short "[ip:]host:container[/proto]" or long syntax). */
    private static List<Port> ports(Map<String, Object> service) {
        List<Port> result = new ArrayList<>();
        for (Object entry : list(service.get("ports"))) {
            if (entry instanceof Map<?, ?> longSyntax) {
                result.add(new Port(
                        String.valueOf(longSyntax.get("published")), String.valueOf(longSyntax.get("target"))));
                continue;
            }
            String[] parts = String.valueOf(entry).replaceAll("/(tcp|udp)$", "").split(":");
            String container = parts[parts.length - 1];
            result.add(new Port(parts.length >= 2 ? parts[parts.length - 2] : container, container));
        }
        return result;
    }

    record Port(String host, String container) {
        @Override
        public String toString() {
            return host + "->" + container;
        }
    }

    /** The environment a compose service sets, as strings, in either the map or the list form. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : interpolate(String.valueOf(v))));
        } else {
            for (Object item : list(raw)) {
                String[] kv = String.valueOf(item).split("=", 2);
                env.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            }
        }
        return env;
    }

    /** Compose's own ${VAR:-default}: the default, as on a machine that sets nothing. */
    private static String interpolate(String value) {
        return value.replaceAll("\\$\\{[A-Za-z0-9_]+:?-([^}]*)}", "$1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    @SuppressWarnings("unchecked")
    private <T> T load(String yaml) {
        Object loaded = new Yaml().load(yaml);
        return (T) (loaded == null ? Map.of() : loaded);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
