package org.arrival.kubernetes;

import static org.arrival.kubernetes.Tree.at;
import static org.arrival.kubernetes.Tree.listAt;
import static org.arrival.kubernetes.Tree.map;
import static org.arrival.kubernetes.Tree.mapAt;
import static org.arrival.kubernetes.Tree.text;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.arrival.deployment.DeploymentModel;
import org.arrival.deployment.ServiceModule;
import org.arrival.platform.messaging.consumer.DeadLetters;

/**
 * Reads the objects the chart renders against the repository: the service modules and their application.yml, the
 * platform libraries' configuration properties, the topic catalogue, the consumers' dead-letter topics and the
 * Keycloak realm, and every object against its kind's schema. {@link #problems} lists each disagreement in words.
 */
final class ChartCheck {

    /**
     * Variables no application.yml names that the chart may still set: Spring's profile, Actuator's port and where
     * traces are exported, the JVM's options (JAVA_OPTS: the image's, infra/compose/Dockerfile), and the log format
     * and trace sampling the messaging platform's observability defaults read.
     */
    static final Set<String> STANDARD_VARIABLES = Set.of(
            "SPRING_PROFILES_ACTIVE",
            "JAVA_TOOL_OPTIONS",
            "JAVA_OPTS",
            "ARRIVAL_LOG_FORMAT",
            "ARRIVAL_TRACE_SAMPLING",
            "MANAGEMENT_SERVER_PORT",
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
    /** Actuator's own port: health, metrics and dead letters stay off the port an Ingress routes. */
    static final String MANAGEMENT_PORT = "MANAGEMENT_SERVER_PORT";
    /** MessagingProperties.createTopics by relaxed binding: on Kubernetes the KafkaTopics make the topics. */
    static final String CREATE_TOPICS = "ARRIVAL_MESSAGING_CREATETOPICS";

    /**
     * Consumer groups that read every catalogue topic and declare a dead-letter topic for each (the forum's
     * ProjectionListener and the notifications' RecordListener: their group id and GROUP_SUFFIX).
     */
    static final Map<String, String> EVERY_TOPIC_GROUPS =
            Map.of("forum", "forum-projection", "notifications", "notifications-router");

    static final String READINESS = "/actuator/health/readiness";
    static final String LIVENESS = "/actuator/health/liveness";
    static final String PG_PORT = "5432";
    /** The Kafka versions the Strimzi release of schemas/ runs (its kafka-versions.yaml, supported: true). */
    static final Set<String> STRIMZI_KAFKA_VERSIONS = Set.of("4.1.0", "4.1.1", "4.2.0");

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([A-Za-z0-9_]+)");

    private final DeploymentModel model;
    private final Schemas schemas;
    private final EventCatalogue catalogue = EventCatalogue.instance();

    ChartCheck(DeploymentModel model, Schemas schemas) {
        this.model = model;
        this.schemas = schemas;
    }

    /** Whether MessagingProperties has the setting that stops services creating topics. */
    boolean createTopicsSettingExists() {
        return model.platformVariables().contains(CREATE_TOPICS);
    }

    /**
     * Every problem of one rendering.
     *
     * @param production whether the values are the production ones (replicas, budgets, autoscaling, three brokers)
     */
    List<String> problems(List<Map<String, Object>> objects, boolean production) {
        return new Run(objects, production).run();
    }

    /** Whether each ServiceMonitor scrapes an Actuator endpoint the services it selects expose. */
    List<String> monitoringProblems(List<Map<String, Object>> objects) {
        return new Run(objects, false).monitoring();
    }

    /** A value a container's environment variable gets: text, or a key of a Secret or ConfigMap. */
    record EnvValue(String value, String secret, String configMap, String key) {

        static EnvValue of(String value) {
            return new EnvValue(value, null, null, null);
        }
    }

    private final class Run {
        private final List<Map<String, Object>> objects;
        private final boolean production;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Map<String, EnvValue>> environments = new TreeMap<>();

        Run(List<Map<String, Object>> objects, boolean production) {
            this.objects = objects;
            this.production = production;
        }

        List<String> run() {
            for (Map<String, Object> object : objects) {
                problems.addAll(schemas.problems(object));
            }
            for (ServiceModule module : model.modules().values()) {
                deployment(module);
            }
            for (Map<String, Object> d : ofKind("Deployment")) {
                String name = name(d);
                if (name.startsWith("arrival-") && !model.modules().containsKey(name.substring("arrival-".length()))) {
                    problems.add("Deployment " + name + " has no module services/" + name.substring(8));
                }
            }
            kafka();
            databases();
            networkPolicies();
            keycloak();
            ingresses();
            return problems;
        }

        List<String> monitoring() {
            serviceMonitors();
            return problems;
        }

        // ---- the services

        private void deployment(ServiceModule module) {
            String m = module.name();
            Map<String, Object> deployment = named("Deployment", "arrival-" + m);
            if (deployment == null) {
                problems.add("services/" + m + " has no Deployment arrival-" + m);
                return;
            }
            Map<String, Object> pod = mapAt(deployment, "spec", "template");
            Map<String, Object> labels = mapAt(pod, "metadata", "labels");
            if (!m.equals(labels.get("app.kubernetes.io/name"))) {
                problem(m, "its pods are not labelled app.kubernetes.io/name: " + m);
            }
            if (!matches(mapAt(deployment, "spec", "selector"), labels)) {
                problem(m, "its Deployment's selector does not select its own pods");
            }
            Map<String, Object> container = null;
            for (Object c : listAt(pod, "spec", "containers")) {
                if (m.equals(map(c).get("name"))) {
                    container = map(c);
                }
            }
            if (container == null) {
                problem(m, "its Deployment has no container named " + m);
                return;
            }
            String port = module.defaultPort();
            List<String> ports = new ArrayList<>();
            listAt(container, "ports").forEach(p -> ports.add(text(map(p).get("containerPort"))));
            if (!ports.contains(port)) {
                problem(m, "its container port is " + ports + " but application.yml's server.port default is " + port);
            }
            String image = text(container.get("image"));
            if (image == null || !image.matches(".*/arrival-" + Pattern.quote(m) + ":[^/]+")) {
                problem(m, "runs image " + image + ", not <registry>/arrival-" + m + ":<tag>");
            }
            Map<String, EnvValue> env = environment(container);
            environments.put(m, env);
            variables(module, env);
            probes(module, container, management(m, env, port));
            resources(m, container);
            shutdown(module, pod, container);
            service(m, labels, container, port);
            availability(m, deployment, labels);
        }

        private void variables(ServiceModule module, Map<String, EnvValue> env) {
            String m = module.name();
            for (String name : env.keySet()) {
                boolean createTopics = name.equals(CREATE_TOPICS);
                // until MessagingProperties has createTopics the chart may still set it (the chart is ahead of it)
                if (!model.reads(module, name) && !STANDARD_VARIABLES.contains(name) && !createTopics) {
                    problem(m, "sets " + name + ", which neither its application.yml nor the platform libraries read");
                }
            }
            for (String setting : DeploymentModel.MUST_BE_SET) {
                for (String name : module.placeholdersOf(setting)) {
                    if (!env.containsKey(name)) {
                        problem(
                                m,
                                "does not set " + name + " (" + setting
                                        + "; its default is for a service outside a container)");
                    }
                }
            }
            String portVariable = first(module.placeholdersOf("server.port"));
            EnvValue setPort = portVariable == null ? null : env.get(portVariable);
            if (setPort != null && !module.defaultPort().equals(setPort.value())) {
                problem(
                        m,
                        "runs on port " + setPort.value() + " but application.yml's default is "
                                + module.defaultPort());
            }
            boolean usesKafka =
                    !module.placeholdersOf("spring.kafka.bootstrap-servers").isEmpty();
            if (createTopicsSettingExists() && usesKafka) {
                EnvValue createTopics = env.get(CREATE_TOPICS);
                if (createTopics == null || !"false".equals(createTopics.value())) {
                    problem(
                            m,
                            "does not set " + CREATE_TOPICS + "=false: the service would create the topics the"
                                    + " KafkaTopics own");
                }
            }
            String issuerVariable = first(module.placeholdersOf("arrival.security.issuer-uri"));
            EnvValue issuer = issuerVariable == null ? null : env.get(issuerVariable);
            if (issuer != null && issuer.value() != null && !issuer.value().endsWith("/realms/" + model.realmName())) {
                problem(m, issuerVariable + "=" + issuer.value() + " is not an issuer of realm " + model.realmName());
            }
            module.settings().forEach((key, value) -> {
                if (!key.startsWith(DeploymentModel.SERVICE_URLS)
                        || module.placeholdersOf(key).isEmpty()) {
                    return;
                }
                ServiceModule called = model.modules().get(key.substring(DeploymentModel.SERVICE_URLS.length()));
                String variable = module.placeholdersOf(key).get(0);
                EnvValue given = env.get(variable);
                if (called == null || given == null || given.value() == null) {
                    return;
                }
                String expected = "http://arrival-" + called.name() + ":" + called.defaultPort();
                if (!given.value().replaceAll("/$", "").equals(expected)) {
                    problem(m, variable + "=" + given.value() + " is not " + called.name() + "'s Service " + expected);
                }
            });
        }

        /** Actuator's port, which must not be the service's port that an Ingress routes to the internet. */
        private String management(String m, Map<String, EnvValue> env, String port) {
            EnvValue set = env.get(MANAGEMENT_PORT);
            if (set == null || set.value() == null || set.value().equals(port)) {
                problem(
                        m,
                        "serves Actuator (metrics, dead letters) on its service port " + port + "; set "
                                + MANAGEMENT_PORT + " to a port of its own");
                return port;
            }
            return set.value();
        }

        private void probes(ServiceModule module, Map<String, Object> container, String port) {
            String m = module.name();
            for (String[] probe :
                    List.of(new String[] {"readinessProbe", READINESS}, new String[] {"livenessProbe", LIVENESS})) {
                Map<String, Object> get = mapAt(container, probe[0], "httpGet");
                if (get.isEmpty()) {
                    problem(m, "has no " + probe[0] + " (httpGet " + probe[1] + ")");
                    continue;
                }
                if (!probe[1].equals(get.get("path"))) {
                    problem(m, "its " + probe[0] + " asks " + get.get("path") + ", not " + probe[1]);
                }
                String probed = containerPort(container, get.get("port"));
                if (!port.equals(probed)) {
                    problem(m, "its " + probe[0] + " asks port " + probed + ", not Actuator's port " + port);
                }
            }
            if (!"true".equals(String.valueOf(module.settings().get("management.endpoint.health.probes.enabled")))) {
                problem(
                        m,
                        "application.yml does not enable the probes' endpoints"
                                + " (management.endpoint.health.probes.enabled: true)");
            }
        }

        private void resources(String m, Map<String, Object> container) {
            Map<String, Object> resources = mapAt(container, "resources");
            for (String[] needed :
                    List.of(new String[] {"requests", "cpu"}, new String[] {"requests", "memory"}, new String[] {
                        "limits", "memory"
                    })) {
                if (at(resources, needed) == null) {
                    problem(m, "its container has no resources." + needed[0] + "." + needed[1]);
                }
            }
        }

        private void shutdown(ServiceModule module, Map<String, Object> pod, Map<String, Object> container) {
            String m = module.name();
            Object grace = at(pod, "spec", "terminationGracePeriodSeconds");
            if (grace != null && Long.parseLong(String.valueOf(grace)) < 30) {
                problem(
                        m,
                        "has terminationGracePeriodSeconds " + grace + ", less than 30 s to finish requests,"
                                + " commit consumers and release the relay's lock");
            }
            if (mapAt(container, "lifecycle", "preStop").isEmpty()) {
                problem(m, "has no preStop pause, so it stops while still in its Service's endpoints");
            }
            if ("immediate".equals(module.valueOf("server.shutdown"))) {
                problem(m, "application.yml shuts down immediately (server.shutdown), not gracefully");
            }
        }

        private void service(String m, Map<String, Object> labels, Map<String, Object> container, String port) {
            Map<String, Object> service = named("Service", "arrival-" + m);
            if (service == null) {
                problem(m, "has no Service arrival-" + m);
                return;
            }
            if (!matches(Map.of("matchLabels", mapAt(service, "spec", "selector")), labels)
                    || mapAt(service, "spec", "selector").isEmpty()) {
                problem(m, "Service arrival-" + m + " does not select its pods");
            }
            boolean reaches = false;
            for (Object p : listAt(service, "spec", "ports")) {
                Object target = map(p).getOrDefault("targetPort", map(p).get("port"));
                reaches |= port.equals(containerPort(container, target));
            }
            if (!reaches) {
                problem(m, "Service arrival-" + m + " sends no traffic to the service port " + port);
            }
        }

        private void availability(String m, Map<String, Object> deployment, Map<String, Object> labels) {
            Map<String, Object> hpa = null;
            for (Map<String, Object> h : ofKind("HorizontalPodAutoscaler")) {
                Map<String, Object> target = mapAt(h, "spec", "scaleTargetRef");
                if ("Deployment".equals(target.get("kind")) && ("arrival-" + m).equals(target.get("name"))) {
                    hpa = h;
                }
            }
            int least = hpa == null
                    ? integer(at(deployment, "spec", "replicas"), 1)
                    : integer(at(hpa, "spec", "minReplicas"), 1);
            // with an autoscaler the Deployment may leave its replicas to it
            int replicas = integer(at(deployment, "spec", "replicas"), least);
            Map<String, Object> pdb = null;
            for (Map<String, Object> b : ofKind("PodDisruptionBudget")) {
                if (matches(mapAt(b, "spec", "selector"), labels)) {
                    pdb = b;
                }
            }
            if (pdb != null) {
                Object minAvailable = at(pdb, "spec", "minAvailable");
                Object maxUnavailable = at(pdb, "spec", "maxUnavailable");
                if ((minAvailable != null
                                && !String.valueOf(minAvailable).endsWith("%")
                                && integer(minAvailable, 0) >= least)
                        || (maxUnavailable != null
                                && String.valueOf(maxUnavailable).matches("0%?"))) {
                    problem(m, "its PodDisruptionBudget lets no pod of " + least + " go: it blocks node drains");
                }
            }
            if (!production) {
                return;
            }
            if (replicas < 2 || least < 2) {
                problem(m, "runs " + Math.min(replicas, least) + " replica(s) in production, fewer than 2");
            }
            if (pdb == null) {
                problem(m, "has no PodDisruptionBudget in production");
            }
            if (hpa == null) {
                problem(m, "has no HorizontalPodAutoscaler in production");
            } else {
                boolean cpu =
                        listAt(hpa, "spec", "metrics").stream().anyMatch(x -> "cpu".equals(at(x, "resource", "name")));
                if (!cpu) {
                    problem(m, "its HorizontalPodAutoscaler does not scale on CPU");
                }
            }
        }

        // ---- Kafka

        private void kafka() {
            List<Map<String, Object>> kafkas = ofKind("Kafka");
            if (kafkas.size() != 1) {
                problems.add("there must be one Strimzi Kafka, there are " + kafkas.size());
                return;
            }
            Map<String, Object> kafka = kafkas.get(0);
            String cluster = name(kafka);
            Map<String, Object> annotations = mapAt(kafka, "metadata", "annotations");
            for (String annotation : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
                if (!"enabled".equals(annotations.get(annotation))) {
                    problems.add("Kafka " + cluster + ": not annotated " + annotation + ": enabled");
                }
            }
            Object version = at(kafka, "spec", "kafka", "version");
            if (version != null && !STRIMZI_KAFKA_VERSIONS.contains(String.valueOf(version))) {
                problems.add("Kafka " + cluster + ": version " + version + " is not one Strimzi runs "
                        + STRIMZI_KAFKA_VERSIONS);
            }
            int brokers = 0;
            for (Map<String, Object> pool : ofKind("KafkaNodePool")) {
                if (cluster.equals(mapAt(pool, "metadata", "labels").get("strimzi.io/cluster"))
                        && listAt(pool, "spec", "roles").contains("broker")) {
                    brokers += integer(at(pool, "spec", "replicas"), 0);
                }
            }
            Map<String, Object> config = mapAt(kafka, "spec", "kafka", "config");
            int replication = integer(config.get("default.replication.factor"), 1);
            int minIsr = integer(config.get("min.insync.replicas"), 1);
            String k = "Kafka " + cluster + ": ";
            // Kafka's defaults where the chart says nothing
            Map<String, Integer> factors = Map.of(
                    "default.replication.factor", 1,
                    "offsets.topic.replication.factor", 3,
                    "transaction.state.log.replication.factor", 3);
            for (String factor : new TreeMap<>(factors).keySet()) {
                int value = integer(config.get(factor), factors.get(factor));
                if (value > brokers) {
                    problems.add(k + factor + " " + value + " but only " + brokers + " broker(s)");
                }
                if (production && value < 3) {
                    problems.add(k + factor + " is " + value + " in production, not 3");
                }
            }
            if (minIsr > replication) {
                problems.add(k + "min.insync.replicas " + minIsr + " above the replication factor " + replication);
            }
            if (production && brokers < 3) {
                problems.add(k + "has " + brokers + " broker(s) in production, not 3");
            }
            if (production && minIsr != 2) {
                problems.add(k + "min.insync.replicas is " + minIsr + " in production, not 2");
            }
            topics(cluster, replication, minIsr);
            environments.forEach((m, env) -> {
                EnvValue bootstrap = env.get("ARRIVAL_KAFKA_BOOTSTRAP");
                if (bootstrap != null
                        && bootstrap.value() != null
                        && !bootstrap.value().startsWith(cluster + "-kafka-bootstrap")) {
                    problem(
                            m,
                            "ARRIVAL_KAFKA_BOOTSTRAP=" + bootstrap.value() + " is not " + cluster + "-kafka-bootstrap");
                }
                EnvValue factor = env.get("ARRIVAL_MESSAGING_REPLICATIONFACTOR");
                if (factor != null && !String.valueOf(replication).equals(factor.value())) {
                    problem(
                            m,
                            "ARRIVAL_MESSAGING_REPLICATIONFACTOR=" + factor.value() + " is not the cluster's "
                                    + replication);
                }
            });
        }

        private void topics(String cluster, int replication, int minIsr) {
            Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
            for (Map<String, Object> t : ofKind("KafkaTopic")) {
                Object topicName = at(t, "spec", "topicName");
                topics.put(topicName == null ? name(t) : String.valueOf(topicName), t);
            }
            Set<String> expected = new LinkedHashSet<>();
            for (TopicDefinition topic : catalogue.topics()) {
                expected.add(topic.name());
                topic(topics.get(topic.name()), topic.name(), topic, "catalogue topic", cluster, replication, minIsr);
            }
            for (ServiceModule module : model.modules().values()) {
                for (String consumed : module.listSetting("arrival.messaging.consumed-topics")) {
                    TopicDefinition source;
                    try {
                        source = catalogue.topic(consumed);
                    } catch (RuntimeException e) {
                        problem(module.name(), "reads " + consumed + ", which is not in the topic catalogue");
                        continue;
                    }
                    String dlt = DeadLetters.topicFor(consumed, module.consumerGroup());
                    expected.add(dlt);
                    topic(
                            topics.get(dlt),
                            dlt,
                            source,
                            module.name() + "'s dead-letter topic",
                            cluster,
                            replication,
                            minIsr);
                }
            }
            EVERY_TOPIC_GROUPS.forEach((name, group) -> {
                for (TopicDefinition source : catalogue.topics()) {
                    String dlt = DeadLetters.topicFor(source.name(), group);
                    expected.add(dlt);
                    topic(topics.get(dlt), dlt, source, name + "'s dead-letter topic", cluster, replication, minIsr);
                }
            });
            topics.keySet().stream()
                    .filter(t -> !expected.contains(t))
                    .forEach(t -> problems.add(
                            "KafkaTopic " + t + " is neither a catalogue topic nor a consumer's dead-letter topic"));
        }

        private void topic(
                Map<String, Object> kafkaTopic,
                String name,
                TopicDefinition settings,
                String what,
                String cluster,
                int replication,
                int minIsr) {
            if (kafkaTopic == null) {
                problems.add("no KafkaTopic for " + what + " " + name);
                return;
            }
            String t = "KafkaTopic " + name + ": ";
            if (!cluster.equals(mapAt(kafkaTopic, "metadata", "labels").get("strimzi.io/cluster"))) {
                problems.add(t + "not labelled strimzi.io/cluster: " + cluster);
            }
            int partitions = integer(at(kafkaTopic, "spec", "partitions"), -1);
            if (partitions != settings.partitions()) {
                problems.add(t + "has " + partitions + " partitions, the catalogue says " + settings.partitions());
            }
            // without replicas the topic takes the cluster's default.replication.factor
            int replicas = integer(at(kafkaTopic, "spec", "replicas"), replication);
            if (replicas != replication) {
                problems.add(t + "has " + replicas + " replicas, the cluster's replication factor is " + replication);
            }
            Map<String, Object> config = mapAt(kafkaTopic, "spec", "config");
            if (!String.valueOf(settings.retentionMs()).equals(text(config.get("retention.ms")))) {
                problems.add(t + "retention.ms " + config.get("retention.ms") + ", the catalogue says "
                        + settings.retentionMs());
            }
            if (!settings.cleanupPolicy().equals(text(config.get("cleanup.policy")))) {
                problems.add(t + "cleanup.policy " + config.get("cleanup.policy") + ", the catalogue says "
                        + settings.cleanupPolicy());
            }
            int topicMinIsr = integer(config.get("min.insync.replicas"), minIsr);
            if (topicMinIsr != minIsr || (production && topicMinIsr != 2)) {
                problems.add(t + "min.insync.replicas " + topicMinIsr + ", not " + (production ? 2 : minIsr));
            }
        }

        // ---- PostgreSQL

        private void databases() {
            List<Map<String, Object>> clusters = ofKind("Cluster");
            if (clusters.size() != 1) {
                problems.add("there must be one CloudNativePG Cluster, there are " + clusters.size());
                return;
            }
            String cluster = name(clusters.get(0));
            Map<String, Map<String, Object>> roles = new TreeMap<>();
            listAt(clusters.get(0), "spec", "managed", "roles")
                    .forEach(r -> roles.put(String.valueOf(map(r).get("name")), map(r)));
            Map<String, Map<String, Object>> databases = new TreeMap<>();
            for (Map<String, Object> d : ofKind("Database")) {
                databases.put(String.valueOf(at(d, "spec", "name")), d);
                if (!cluster.equals(at(d, "spec", "cluster", "name"))) {
                    problems.add("Database " + name(d) + " is not on Cluster " + cluster);
                }
            }
            Map<String, String> users = new TreeMap<>();
            environments.forEach((m, env) -> {
                ServiceModule module = model.modules().get(m);
                String urlVariable = first(module.placeholdersOf("spring.datasource.url"));
                EnvValue url = urlVariable == null ? null : env.get(urlVariable);
                if (url == null || url.value() == null) {
                    return;
                }
                Matcher jdbc = JDBC.matcher(url.value());
                if (!jdbc.matches()) {
                    problem(m, urlVariable + "=" + url.value() + " is not jdbc:postgresql://<host>:<port>/<database>");
                    return;
                }
                if (!jdbc.group(1).startsWith(cluster + "-rw") || !jdbc.group(2).equals(PG_PORT)) {
                    problem(
                            m,
                            urlVariable + " points at " + jdbc.group(1) + ":" + jdbc.group(2) + ", not " + cluster
                                    + "-rw:" + PG_PORT);
                }
                String database = jdbc.group(3);
                String other = users.put(database, m);
                if (other != null) {
                    problem(m, "shares its database " + database + " with " + other);
                }
                Map<String, Object> db = databases.get(database);
                if (db == null) {
                    problem(m, "database " + database + " has no CloudNativePG Database");
                    return;
                }
                String owner = String.valueOf(at(db, "spec", "owner"));
                Map<String, Object> role = roles.get(owner);
                if (role == null) {
                    problem(
                            m,
                            "database " + database + " belongs to " + owner + ", which is not a managed role of "
                                    + cluster);
                    return;
                }
                String passwordSecret = text(at(role, "passwordSecret", "name"));
                EnvValue password = env.get(first(module.placeholdersOf("spring.datasource.password")));
                if (password == null
                        || password.secret() == null
                        || !password.secret().equals(passwordSecret)) {
                    problem(
                            m,
                            "does not read its database password from Secret " + passwordSecret + ", where role "
                                    + owner + " has it (reads " + password + ")");
                }
                EnvValue user = env.get(first(module.placeholdersOf("spring.datasource.username")));
                String userName = user == null ? null : user.value() != null ? user.value() : secretValue(user);
                if (userName != null && !userName.equals(owner)) {
                    problem(m, "connects as " + userName + " but " + database + " belongs to " + owner);
                } else if (user != null
                        && user.secret() != null
                        && userName == null
                        && !user.secret().equals(passwordSecret)) {
                    problem(m, "reads its database user from Secret " + user.secret() + ", not " + passwordSecret);
                }
            });
            for (Map<String, Object> keycloak : ofKind("Keycloak")) {
                String kc = "Keycloak " + name(keycloak) + ": ";
                Object database = at(keycloak, "spec", "db", "database");
                Map<String, Object> db = databases.get(String.valueOf(database));
                if (db == null) {
                    problems.add(kc + "its database " + database + " has no CloudNativePG Database on " + cluster);
                    continue;
                }
                Object host = at(keycloak, "spec", "db", "host");
                if (host == null || !String.valueOf(host).startsWith(cluster + "-rw")) {
                    problems.add(kc + "reaches its database at " + host + ", not " + cluster + "-rw");
                }
                Map<String, Object> role = roles.get(String.valueOf(at(db, "spec", "owner")));
                Object secret = at(keycloak, "spec", "db", "passwordSecret", "name");
                if (role == null || !String.valueOf(secret).equals(text(at(role, "passwordSecret", "name")))) {
                    problems.add(kc + "reads its database password from Secret " + secret
                            + ", not the one of the role owning " + database);
                }
            }
        }

        /** A Secret's value the chart renders itself (stringData or data); null when it is made elsewhere. */
        private String secretValue(EnvValue value) {
            Map<String, Object> secret = named("Secret", value.secret());
            if (secret == null) {
                return null;
            }
            Object plain = mapAt(secret, "stringData").get(value.key());
            if (plain != null) {
                return String.valueOf(plain);
            }
            Object encoded = mapAt(secret, "data").get(value.key());
            return encoded == null ? null : new String(Base64.getDecoder().decode(String.valueOf(encoded)));
        }

        /**
         * Which pods reach PostgreSQL's port: the services with a database, Keycloak, the instances themselves and
         * pods of another named namespace (the operator); never every pod, an IP range or another service.
         */
        private void networkPolicies() {
            List<Map<String, Object>> policies = ofKind("NetworkPolicy");
            boolean defaultDeny = policies.stream()
                    .anyMatch(p -> mapAt(p, "spec", "podSelector").isEmpty()
                            && listAt(p, "spec", "policyTypes").contains("Ingress")
                            && listAt(p, "spec", "ingress").isEmpty());
            if (!defaultDeny) {
                problems.add("no NetworkPolicy denies ingress by default (podSelector {}, no ingress rule)");
            }
            List<Map<String, Object>> clusters = ofKind("Cluster");
            if (clusters.size() != 1) {
                return;
            }
            String cluster = name(clusters.get(0));
            Map<String, Object> pgPod = Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance");
            Set<String> reaching = new LinkedHashSet<>();
            for (Map<String, Object> policy : policies) {
                if (!matches(mapAt(policy, "spec", "podSelector"), pgPod)
                        || !listAt(policy, "spec", "policyTypes").contains("Ingress")) {
                    continue;
                }
                String p = "NetworkPolicy " + name(policy) + ": ";
                for (Object rule : listAt(policy, "spec", "ingress")) {
                    List<Object> ports = listAt(rule, "ports");
                    if (!ports.isEmpty() && ports.stream().noneMatch(x -> PG_PORT.equals(text(map(x).get("port"))))) {
                        continue;
                    }
                    List<Object> from = listAt(rule, "from");
                    if (from.isEmpty()) {
                        problems.add(p + "lets every pod reach PostgreSQL");
                    }
                    for (Object peer : from) {
                        String who = peer(map(peer), cluster);
                        if (who.startsWith("!")) {
                            problems.add(p + "lets " + who.substring(1) + " reach PostgreSQL");
                        } else {
                            reaching.add(who);
                        }
                    }
                }
            }
            environments.forEach((m, env) -> {
                ServiceModule module = model.modules().get(m);
                if (!module.placeholdersOf("spring.datasource.url").isEmpty() && !reaching.contains(m)) {
                    problem(m, "no NetworkPolicy lets its pods reach PostgreSQL");
                }
            });
        }

        /** The peer's name if it may reach the database, else "!" and what it is. */
        private String peer(Map<String, Object> peer, String cluster) {
            if (peer.containsKey("ipBlock")) {
                return "!the addresses " + mapAt(peer, "ipBlock").get("cidr");
            }
            if (peer.containsKey("namespaceSelector")) {
                Object namespace =
                        mapAt(peer, "namespaceSelector", "matchLabels").get("kubernetes.io/metadata.name");
                if (namespace == null || Chart.NAMESPACE.equals(namespace)) {
                    return "!every pod of " + (namespace == null ? "every namespace" : "namespace " + namespace);
                }
                return "namespace " + namespace;
            }
            Map<String, Object> labels = mapAt(peer, "podSelector", "matchLabels");
            if (labels.isEmpty()) {
                return "!every pod of the namespace";
            }
            if (cluster.equals(labels.get("cnpg.io/cluster"))) {
                return "instances";
            }
            if ("keycloak-operator".equals(labels.get("app.kubernetes.io/managed-by"))
                    || "keycloak".equals(labels.get("app"))) {
                return "keycloak";
            }
            Object name = labels.get("app.kubernetes.io/name");
            ServiceModule module = name == null ? null : model.modules().get(String.valueOf(name));
            if (module != null
                    && !module.placeholdersOf("spring.datasource.url").isEmpty()) {
                return module.name();
            }
            return "!pods " + labels + ", which are not a service with a database";
        }

        // ---- Keycloak, Ingress, monitoring

        private void keycloak() {
            List<Map<String, Object>> keycloaks = ofKind("Keycloak");
            if (keycloaks.size() != 1) {
                problems.add("there must be one Keycloak, there are " + keycloaks.size());
                return;
            }
            Map<String, Object> keycloak = keycloaks.get(0);
            int instances = integer(at(keycloak, "spec", "instances"), 1);
            if (production && instances < 2) {
                problems.add(
                        "Keycloak " + name(keycloak) + ": " + instances + " instance(s) in production, fewer than 2");
            }
            List<Map<String, Object>> imports = ofKind("KeycloakRealmImport");
            if (imports.isEmpty()) {
                problems.add("no KeycloakRealmImport imports realm " + model.realmName());
            }
            for (Map<String, Object> realmImport : imports) {
                String i = "KeycloakRealmImport " + name(realmImport) + ": ";
                Object realm = at(realmImport, "spec", "realm", "realm");
                if (!model.realmName().equals(realm)) {
                    problems.add(i + "imports realm " + realm + ", not " + DeploymentModel.REALM_FILE + "'s "
                            + model.realmName());
                }
                if (!name(keycloak).equals(at(realmImport, "spec", "keycloakCRName"))) {
                    problems.add(i + "imports into " + at(realmImport, "spec", "keycloakCRName") + ", not "
                            + name(keycloak));
                }
            }
        }

        private void ingresses() {
            boolean web = false;
            for (Map<String, Object> ingress : ofKind("Ingress")) {
                for (Object rule : listAt(ingress, "spec", "rules")) {
                    for (Object path : listAt(rule, "http", "paths")) {
                        Map<String, Object> backend = mapAt(path, "backend", "service");
                        String name = text(backend.get("name"));
                        Map<String, Object> service = named("Service", name);
                        if (service == null && operatorServices().contains(name)) {
                            continue;
                        }
                        if (service == null) {
                            problems.add("Ingress " + name(ingress) + ": sends " + at(rule, "host") + " to Service "
                                    + name + ", which the chart does not make");
                            continue;
                        }
                        Map<String, Object> port = mapAt(backend, "port");
                        boolean found = listAt(service, "spec", "ports").stream()
                                .anyMatch(
                                        p -> String.valueOf(map(p).get("port")).equals(text(port.get("number")))
                                                || (port.get("name") != null
                                                        && port.get("name").equals(map(p).get("name"))));
                        if (!found) {
                            problems.add("Ingress " + name(ingress) + ": Service " + name + " has no port " + port);
                        }
                        if (routesManagement(service, port)) {
                            problems.add("Ingress " + name(ingress) + ": sends " + at(rule, "host")
                                    + " to the management port of " + name + " (Actuator)");
                        }
                        web |= "arrival-web".equals(name);
                    }
                }
            }
            if (model.modules().containsKey("web") && !web) {
                problems.add("no Ingress sends browsers to the web application (Service arrival-web)");
            }
        }

        /** Whether an Ingress backend's port is the one a Service sends to its pods' Actuator port. */
        private boolean routesManagement(Map<String, Object> service, Map<String, Object> port) {
            String module = text(mapAt(service, "spec", "selector").get("app.kubernetes.io/name"));
            EnvValue management = module == null
                    ? null
                    : environments.getOrDefault(module, Map.of()).get(MANAGEMENT_PORT);
            for (Object p : listAt(service, "spec", "ports")) {
                Map<String, Object> servicePort = map(p);
                boolean chosen = String.valueOf(servicePort.get("port")).equals(text(port.get("number")))
                        || (port.get("name") != null && port.get("name").equals(servicePort.get("name")));
                Object target = servicePort.getOrDefault("targetPort", servicePort.get("port"));
                if (chosen
                        && ("management".equals(target)
                                || (management != null && String.valueOf(target).equals(management.value())))) {
                    return true;
                }
            }
            return false;
        }

        /** Services the operators make: Keycloak's, Kafka's bootstrap, PostgreSQL's read-write one. */
        private Set<String> operatorServices() {
            Set<String> names = new LinkedHashSet<>();
            ofKind("Keycloak").forEach(k -> names.add(name(k) + "-service"));
            ofKind("Kafka").forEach(k -> names.add(name(k) + "-kafka-bootstrap"));
            ofKind("Cluster").forEach(c -> names.add(name(c) + "-rw"));
            return names;
        }

        /** A ServiceMonitor scrapes an Actuator endpoint each selected service exposes over the web. */
        private void serviceMonitors() {
            for (Map<String, Object> monitor : ofKind("ServiceMonitor")) {
                for (Object endpoint : listAt(monitor, "spec", "endpoints")) {
                    String path = text(map(endpoint).get("path"));
                    if (path == null || !path.startsWith("/actuator/")) {
                        continue;
                    }
                    String id = path.substring("/actuator/".length()).split("/")[0];
                    for (ServiceModule module : model.modules().values()) {
                        Map<String, Object> service = named("Service", "arrival-" + module.name());
                        if (service == null
                                || !matches(mapAt(monitor, "spec", "selector"), mapAt(service, "metadata", "labels"))) {
                            continue;
                        }
                        String exposed = module.valueOf("management.endpoints.web.exposure.include");
                        List<String> ids = exposed == null ? List.of("health") : List.of(exposed.split("\\s*,\\s*"));
                        if (!ids.contains(id) && !ids.contains("*")) {
                            problems.add("ServiceMonitor " + name(monitor) + ": scrapes " + path + " of "
                                    + module.name() + ", whose application.yml exposes only " + ids
                                    + " (management.endpoints.web.exposure.include)");
                        }
                    }
                }
            }
        }

        // ---- reading the objects

        private void problem(String module, String text) {
            problems.add(module + ": " + text);
        }

        private List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        private Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(o -> name(o).equals(name))
                    .findFirst()
                    .orElse(null);
        }

        /** A container's environment: env entries and whole ConfigMaps or Secrets through envFrom. */
        private Map<String, EnvValue> environment(Map<String, Object> container) {
            Map<String, EnvValue> env = new LinkedHashMap<>();
            for (Object from : listAt(container, "envFrom")) {
                String prefix = String.valueOf(map(from).getOrDefault("prefix", ""));
                String configMap = text(at(from, "configMapRef", "name"));
                String secret = text(at(from, "secretRef", "name"));
                Map<String, Object> source = configMap != null
                        ? named("ConfigMap", configMap)
                        : secret != null ? named("Secret", secret) : null;
                if (source == null) {
                    problems.add(container.get("name") + ": takes its environment from "
                            + (configMap != null ? "ConfigMap " + configMap : "Secret " + secret)
                            + ", which the chart does not make");
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>(mapAt(source, "data"));
                data.putAll(mapAt(source, "stringData"));
                data.forEach((k, v) -> env.put(
                        prefix + k,
                        configMap != null ? EnvValue.of(String.valueOf(v)) : new EnvValue(null, secret, null, k)));
            }
            for (Object entry : listAt(container, "env")) {
                String name = String.valueOf(map(entry).get("name"));
                Map<String, Object> secretRef = mapAt(entry, "valueFrom", "secretKeyRef");
                Map<String, Object> configRef = mapAt(entry, "valueFrom", "configMapKeyRef");
                if (!secretRef.isEmpty()) {
                    env.put(name, new EnvValue(null, text(secretRef.get("name")), null, text(secretRef.get("key"))));
                } else if (!configRef.isEmpty()) {
                    Object value = mapAt(named("ConfigMap", text(configRef.get("name"))), "data")
                            .get(configRef.get("key"));
                    env.put(
                            name,
                            new EnvValue(text(value), null, text(configRef.get("name")), text(configRef.get("key"))));
                } else {
                    env.put(name, EnvValue.of(text(map(entry).get("value"))));
                }
            }
            return env;
        }
    }

    /** The container port a probe's or a Service's port means: a number, or the name of one of its ports. */
    private static String containerPort(Map<String, Object> container, Object port) {
        for (Object p : listAt(container, "ports")) {
            if (port != null && port.equals(map(p).get("name"))) {
                return text(map(p).get("containerPort"));
            }
        }
        return text(port);
    }

    /** Whether a label selector ({matchLabels, matchExpressions}) selects pods with these labels. */
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> e : mapAt(selector, "matchLabels").entrySet()) {
            if (!String.valueOf(e.getValue()).equals(text(labels.get(e.getKey())))) {
                return false;
            }
        }
        for (Object expression : listAt(selector, "matchExpressions")) {
            String key = String.valueOf(map(expression).get("key"));
            List<String> values =
                    listAt(expression, "values").stream().map(String::valueOf).toList();
            String value = text(labels.get(key));
            boolean ok = switch (String.valueOf(map(expression).get("operator"))) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int integer(Object value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String name(Map<String, Object> object) {
        return String.valueOf(mapAt(object, "metadata").get("name"));
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
