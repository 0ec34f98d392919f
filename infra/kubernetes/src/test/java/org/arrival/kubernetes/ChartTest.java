package org.arrival.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.arrival.deployment.DeploymentModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart (infra/kubernetes/chart/arrival), rendered by Helm's template engine without a cluster with
 * values.yaml alone, values-local.yaml and values-production.yaml, deploys the platform the code defines:
 *
 * <ul>
 *   <li>every object is of a kind and apiVersion whose schema is kept in schemas/ and validates against it, unknown
 *       fields refused (schemas/README.md names their sources);
 *   <li>a Deployment arrival-&lt;module&gt; per service module, its container on application.yml's server.port
 *       default, a Service on it, probes on /actuator/health/readiness and /liveness of that port (which the module
 *       enables), resources, a grace period and a preStop pause;
 *   <li>only environment variables the module's application.yml or the platform libraries read (plus the JVM's
 *       options and Spring's profile), and every one of {@link DeploymentModel#MUST_BE_SET} the module reads;
 *   <li>a KafkaTopic per catalogue topic and per consumer's dead-letter topic with the catalogue's partitions,
 *       retention and clean-up policy, replicated as the Strimzi cluster replicates;
 *   <li>a CloudNativePG Database per service owned by its own managed role, whose password Secret the Deployment
 *       reads; PostgreSQL reachable only from the services with a database, Keycloak and the operator;
 *   <li>each ServiceMonitor scrapes an Actuator endpoint the services it selects expose;
 *   <li>the realm imported is the repository's realm; in production at least 2 replicas, a PodDisruptionBudget and a
 *       CPU autoscaler per service, 3 brokers with min.insync.replicas 2 and 2 Keycloak instances.
 * </ul>
 *
 * Each check is shown to fail on a copy with one thing wrong.
 */
class ChartTest {

    /** The module directory is the test working directory. */
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    static final Path CHART = REPOSITORY.resolve("infra/kubernetes/chart/arrival");
    static final Path SCHEMAS = REPOSITORY.resolve("infra/kubernetes/schemas");
    static final String PRODUCTION = "values-production.yaml";
    static final String LOCAL = "values-local.yaml";
    /** values.yaml alone. */
    static final String DEFAULTS = "values.yaml";

    static ChartCheck check;
    static final Map<String, List<Map<String, Object>>> rendered = new HashMap<>();

    @BeforeAll
    static void render() {
        assertThat(CHART.resolve("Chart.yaml")).isRegularFile();
        check = new ChartCheck(new DeploymentModel(REPOSITORY), new Schemas(SCHEMAS));
        for (String values : List.of(DEFAULTS, LOCAL, PRODUCTION)) {
            rendered.put(values, Chart.render(CHART, values.equals(DEFAULTS) ? null : values));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEFAULTS, LOCAL, PRODUCTION})
    void theChartAgreesWithTheCode(String values) {
        List<Map<String, Object>> objects = rendered.get(values);
        assertThat(objects).as("objects rendered with %s", values).isNotEmpty();
        assertThat(check.problems(objects, values.equals(PRODUCTION)))
                .as("rendered with %s", values)
                .isEmpty();
    }

    /** Prometheus finds the metrics endpoint it is sent to: the services expose it over the web. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {DEFAULTS, LOCAL, PRODUCTION})
    void theServiceMonitorsScrapeWhatTheServicesExpose(String values) {
        assertThat(check.monitoringProblems(rendered.get(values)))
                .as("rendered with %s", values)
                .isEmpty();
    }

    @Test
    void aServiceMonitorOnAnEndpointTheServiceDoesNotExposeIsCaught() {
        List<Map<String, Object>> copy = Tree.copy(rendered.get(PRODUCTION));
        Map<String, Object> monitor = find(copy, "ServiceMonitor", "arrival-registry");
        Tree.map(Tree.listAt(monitor, "spec", "endpoints").get(0)).put("path", "/actuator/env");
        assertThat(check.monitoringProblems(copy))
                .anyMatch(p -> p.startsWith("ServiceMonitor arrival-registry: scrapes /actuator/env of registry"));
    }

    /** The chart's catalogue and realm are the repository's (links, or copies equal byte for byte). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"catalogue.yaml", "arrival-realm.json"})
    void theChartsFilesAreTheRepositorys(String file) throws IOException {
        Path source = file.equals("catalogue.yaml")
                ? REPOSITORY.resolve("contracts/src/main/resources/arrival/contracts/catalogue.yaml")
                : REPOSITORY.resolve(DeploymentModel.REALM_FILE);
        Path inChart = CHART.resolve("files").resolve(file);
        assertThat(inChart).exists();
        assertThat(Files.readAllBytes(inChart)).as("%s is %s", inChart, source).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void servicesLeaveTopicsToTheKafkaTopics() {
        Assumptions.assumeTrue(
                check.createTopicsSettingExists(),
                "MessagingProperties has no createTopics yet: the chart's " + ChartCheck.CREATE_TOPICS
                        + " is allowed by name until it has");
        for (String values : List.of(DEFAULTS, LOCAL, PRODUCTION)) {
            assertThat(check.problems(rendered.get(values), values.equals(PRODUCTION)))
                    .noneMatch(p -> p.contains(ChartCheck.CREATE_TOPICS));
        }
    }

    static Stream<Arguments> wrongCopies() {
        return Stream.of(
                wrong(
                        "a service module without its Deployment",
                        o -> o.remove(find(o, "Deployment", "arrival-forum")),
                        "services/forum has no Deployment arrival-forum"),
                wrong(
                        "a container port other than application.yml's",
                        o -> port(container(o, "registry")).put("containerPort", 8091),
                        "registry: its container port is [8091, 9000] but application.yml's server.port default is 8081"),
                wrong(
                        "a Service on another port",
                        o -> Tree.map(Tree.listAt(find(o, "Service", "arrival-assessments"), "spec", "ports")
                                        .get(0))
                                .put("targetPort", 9082),
                        "assessments: Service arrival-assessments sends no traffic to the service port 8082"),
                wrong(
                        "a variable nothing reads (a typo)",
                        o -> env(o, "assessments")
                                .add(entry("ARRIVAL_ASSESMENTS_DB_URL", "jdbc:postgresql://x:5432/y")),
                        "assessments: sets ARRIVAL_ASSESMENTS_DB_URL, which neither"),
                wrong(
                        "another service's variable",
                        o -> env(o, "forum").add(entry("ARRIVAL_SMTP_HOST", "smtp")),
                        "forum: sets ARRIVAL_SMTP_HOST"),
                wrong(
                        "no Kafka bootstrap",
                        o -> remove(env(o, "action-plans"), "ARRIVAL_KAFKA_BOOTSTRAP"),
                        "action-plans: does not set ARRIVAL_KAFKA_BOOTSTRAP"),
                wrong(
                        "no database password",
                        o -> remove(env(o, "registry"), "ARRIVAL_REGISTRY_DB_PASSWORD"),
                        "registry: does not set ARRIVAL_REGISTRY_DB_PASSWORD"),
                wrong(
                        "no SMTP host for notifications",
                        o -> remove(env(o, "notifications"), "ARRIVAL_SMTP_HOST"),
                        "notifications: does not set ARRIVAL_SMTP_HOST"),
                wrong(
                        "the web application calling a service at another port",
                        o -> value(env(o, "web"), "ARRIVAL_FORUM_URL", "http://arrival-forum:8080"),
                        "web: ARRIVAL_FORUM_URL=http://arrival-forum:8080 is not forum's Service"),
                wrong(
                        "a readiness probe on another path",
                        o -> Tree.mapAt(container(o, "forum"), "readinessProbe", "httpGet")
                                .put("path", "/actuator/health"),
                        "forum: its readinessProbe asks /actuator/health, not /actuator/health/readiness"),
                wrong(
                        "a liveness probe on another port",
                        o -> Tree.mapAt(container(o, "web"), "livenessProbe", "httpGet")
                                .put("port", 9090),
                        "web: its livenessProbe asks port 9090, not Actuator's port 9000"),
                wrong(
                        "Actuator on the service port",
                        o -> remove(env(o, "registry"), "MANAGEMENT_SERVER_PORT"),
                        "registry: serves Actuator (metrics, dead letters) on its service port 8081"),
                wrong(
                        "the Ingress sending an API host to Actuator",
                        o -> Tree.listAt(only(o, "Ingress"), "spec", "rules").stream()
                                .flatMap(r -> Tree.listAt(r, "http", "paths").stream())
                                .map(p -> Tree.mapAt(p, "backend", "service"))
                                .filter(b -> "arrival-forum".equals(b.get("name")))
                                .forEach(b -> b.put("port", new LinkedHashMap<>(Map.of("name", "management")))),
                        "to the management port of arrival-forum (Actuator)"),
                wrong(
                        "no memory limit",
                        o -> Tree.mapAt(container(o, "registry"), "resources").remove("limits"),
                        "registry: its container has no resources.limits.memory"),
                wrong(
                        "no preStop pause",
                        o -> container(o, "forum").remove("lifecycle"),
                        "forum: has no preStop pause"),
                wrong(
                        "one replica in production",
                        o -> {
                            Tree.mapAt(find(o, "Deployment", "arrival-registry"), "spec")
                                    .put("replicas", 1);
                            Tree.mapAt(hpa(o, "arrival-registry"), "spec").put("minReplicas", 1);
                        },
                        "registry: runs 1 replica(s) in production, fewer than 2"),
                wrong(
                        "no disruption budget in production",
                        o -> o.removeIf(x -> "PodDisruptionBudget".equals(x.get("kind"))
                                && Tree.mapAt(x, "spec", "selector", "matchLabels")
                                        .get("app.kubernetes.io/name")
                                        .equals("notifications")),
                        "notifications: has no PodDisruptionBudget in production"),
                wrong(
                        "a disruption budget that blocks node drains",
                        o -> o.stream()
                                .filter(x -> "PodDisruptionBudget".equals(x.get("kind")))
                                .map(x -> Tree.mapAt(x, "spec"))
                                .forEach(spec -> {
                                    spec.remove("minAvailable");
                                    spec.put("maxUnavailable", 0);
                                }),
                        "forum: its PodDisruptionBudget lets no pod of 2 go: it blocks node drains"),
                wrong(
                        "a topic that acknowledges with fewer in-sync replicas",
                        o -> Tree.mapAt(topic(o, "arrival.registry.meetings.v1"), "spec", "config")
                                .put("min.insync.replicas", 1),
                        "KafkaTopic arrival.registry.meetings.v1: min.insync.replicas 1, not 2"),
                wrong(
                        "a Kafka version Strimzi does not run",
                        o -> Tree.mapAt(only(o, "Kafka"), "spec", "kafka").put("version", "3.9.0"),
                        "Kafka arrival-kafka: version 3.9.0 is not one Strimzi runs"),
                wrong(
                        "no autoscaler in production",
                        o -> o.remove(hpa(o, "arrival-assessments")),
                        "assessments: has no HorizontalPodAutoscaler in production"),
                wrong(
                        "a missing catalogue topic",
                        o -> o.remove(topic(o, "arrival.registry.forums.v1")),
                        "no KafkaTopic for catalogue topic arrival.registry.forums.v1"),
                wrong(
                        "a missing dead-letter topic",
                        o -> o.remove(topic(o, "arrival.registry.stakeholders.v1.forum-dlt")),
                        "no KafkaTopic for forum's dead-letter topic arrival.registry.stakeholders.v1.forum-dlt"),
                wrong(
                        "a topic with other partitions",
                        o -> Tree.mapAt(topic(o, "arrival.assessments.gaps.v1"), "spec")
                                .put("partitions", 6),
                        "KafkaTopic arrival.assessments.gaps.v1: has 6 partitions, the catalogue says 3"),
                wrong(
                        "a topic that forgets its history",
                        o -> Tree.mapAt(topic(o, "arrival.registry.stakeholders.v1"), "spec", "config")
                                .put("retention.ms", 604800000),
                        "KafkaTopic arrival.registry.stakeholders.v1: retention.ms 604800000, the catalogue says -1"),
                wrong(
                        "a topic with fewer replicas than the cluster",
                        o -> Tree.mapAt(topic(o, "arrival.action-plans.plans.v1"), "spec")
                                .put("replicas", 1),
                        "has 1 replicas, the cluster's replication factor is 3"),
                wrong(
                        "one broker in production",
                        o -> Tree.mapAt(only(o, "KafkaNodePool"), "spec").put("replicas", 1),
                        "broker(s) in production, not 3"),
                wrong(
                        "min.insync.replicas 1 in production",
                        o -> Tree.mapAt(only(o, "Kafka"), "spec", "kafka", "config")
                                .put("min.insync.replicas", 1),
                        "min.insync.replicas is 1 in production, not 2"),
                wrong(
                        "a schema violation (a misspelt field)",
                        o -> {
                            Map<String, Object> c = container(o, "registry");
                            c.put("imagePullPolicyy", c.remove("imagePullPolicy"));
                        },
                        "Deployment arrival-registry: schema violation"),
                wrong(
                        "a schema violation in a custom resource",
                        o -> Tree.mapAt(topic(o, "arrival.registry.forums.v1"), "spec")
                                .put("partitions", "three"),
                        "KafkaTopic arrival.registry.forums.v1: schema violation"),
                wrong(
                        "a kind without a schema",
                        o -> o.add(Tree.copy(Map.of(
                                "apiVersion", "batch/v1", "kind", "CronJob", "metadata", Map.of("name", "arrival-x")))),
                        "CronJob arrival-x: no schema for kind CronJob of apiVersion batch/v1"),
                wrong(
                        "an unknown apiVersion",
                        o -> find(o, "Deployment", "arrival-forum").put("apiVersion", "apps/v1beta1"),
                        "Deployment arrival-forum: no schema for kind Deployment of apiVersion apps/v1beta1"),
                wrong(
                        "another service's database",
                        o -> value(
                                env(o, "forum"),
                                "ARRIVAL_FORUM_DB_URL",
                                "jdbc:postgresql://arrival-pg-rw:5432/arrival_registry"),
                        "shares its database arrival_registry with"),
                wrong(
                        "a database password from another Secret",
                        o -> Tree.mapAt(
                                        Tree.map(byName(env(o, "forum"), "ARRIVAL_FORUM_DB_PASSWORD")),
                                        "valueFrom",
                                        "secretKeyRef")
                                .put("name", "arrival-registry-db"),
                        "forum: does not read its database password from Secret arrival-forum-db"),
                wrong(
                        "a database without its Database",
                        o -> o.remove(find(o, "Database", "arrival-pg-notifications")),
                        "notifications: database arrival_notifications has no CloudNativePG Database"),
                wrong(
                        "the database reachable from every pod",
                        o -> pgIngress(o).add(from(Map.of("podSelector", Map.of()))),
                        "NetworkPolicy arrival-pg: lets every pod of the namespace reach PostgreSQL"),
                wrong(
                        "the database reachable from pods that are not a service with a database",
                        o -> pgIngress(o)
                                .add(from(Map.of(
                                        "podSelector",
                                        Map.of("matchLabels", Map.of("strimzi.io/cluster", "arrival-kafka"))))),
                        "NetworkPolicy arrival-pg: lets pods {strimzi.io/cluster=arrival-kafka}"),
                wrong(
                        "a service that cannot reach its database",
                        o -> Tree.listAt(
                                        Tree.listAt(find(o, "NetworkPolicy", "arrival-pg"), "spec", "ingress")
                                                .get(0),
                                        "from")
                                .removeIf(p -> "assessments"
                                        .equals(Tree.at(p, "podSelector", "matchLabels", "app.kubernetes.io/name"))),
                        "assessments: no NetworkPolicy lets its pods reach PostgreSQL"),
                wrong(
                        "Keycloak without its own database",
                        o -> o.remove(find(o, "Database", "arrival-pg-keycloak")),
                        "Keycloak arrival-keycloak: its database keycloak has no CloudNativePG Database on arrival-pg"),
                wrong(
                        "Keycloak's database password from another Secret",
                        o -> Tree.mapAt(only(o, "Keycloak"), "spec", "db", "passwordSecret")
                                .put("name", "arrival-forum-db"),
                        "Keycloak arrival-keycloak: reads its database password from Secret arrival-forum-db"),
                wrong(
                        "one Keycloak instance in production",
                        o -> Tree.mapAt(only(o, "Keycloak"), "spec").put("instances", 1),
                        "1 instance(s) in production, fewer than 2"),
                wrong(
                        "another realm imported",
                        o -> Tree.mapAt(only(o, "KeycloakRealmImport"), "spec", "realm")
                                .put("realm", "other"),
                        "imports realm other, not infra/keycloak/arrival-realm.json's arrival"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCopies")
    void aWrongCopyIsCaught(String what, Consumer<List<Map<String, Object>>> change, String expected) {
        List<Map<String, Object>> copy = Tree.copy(rendered.get(PRODUCTION));
        change.accept(copy);
        assertThat(check.problems(copy, true)).as(what).anyMatch(p -> p.contains(expected));
    }

    private static Arguments wrong(String what, Consumer<List<Map<String, Object>>> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(Tree.at(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no " + kind + " " + name));
    }

    private static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found =
                objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> topic(List<Map<String, Object>> objects, String name) {
        return objects.stream()
                .filter(o -> "KafkaTopic".equals(o.get("kind"))
                        && (name.equals(Tree.at(o, "spec", "topicName"))
                                || name.equals(Tree.at(o, "metadata", "name"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no KafkaTopic " + name));
    }

    private static Map<String, Object> hpa(List<Map<String, Object>> objects, String deployment) {
        return objects.stream()
                .filter(o -> "HorizontalPodAutoscaler".equals(o.get("kind"))
                        && deployment.equals(Tree.at(o, "spec", "scaleTargetRef", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no HorizontalPodAutoscaler of " + deployment));
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects, String module) {
        return Tree.listAt(find(objects, "Deployment", "arrival-" + module), "spec", "template", "spec", "containers")
                .stream()
                .map(Tree::map)
                .filter(c -> module.equals(c.get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> port(Map<String, Object> container) {
        return Tree.map(Tree.listAt(container, "ports").get(0));
    }

    private static List<Object> env(List<Map<String, Object>> objects, String module) {
        return Tree.listAt(container(objects, module), "env");
    }

    private static Object byName(List<Object> env, String name) {
        return env.stream()
                .filter(e -> name.equals(Tree.map(e).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private static void remove(List<Object> env, String name) {
        assertThat(env.remove(byName(env, name))).isTrue();
    }

    private static void value(List<Object> env, String name, String value) {
        Map<String, Object> entry = Tree.map(byName(env, name));
        entry.remove("valueFrom");
        entry.put("value", value);
    }

    private static List<Object> pgIngress(List<Map<String, Object>> objects) {
        return Tree.listAt(find(objects, "NetworkPolicy", "arrival-pg"), "spec", "ingress");
    }

    /** An ingress rule letting one peer in on every port. */
    private static Map<String, Object> from(Map<String, Object> peer) {
        return Tree.copy(Map.of("from", List.of(peer)));
    }

    private static Map<String, Object> entry(String name, String value) {
        return new LinkedHashMap<>(Map.of("name", name, "value", value));
    }
}
