package org.arrival.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.jspecify.annotations.Nullable;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker, Keycloak with the Arrival realm, a mail catcher,
 * the five services, the web application and, on first start, a demo forum. {@link #main} is what {@code ./run-local} runs; tests start
 * it with {@link #start(StackSettings)} and close it. Once started, a {@link Supervisor} restarts any part that dies;
 * fault tests use {@link #kill}, {@link #hold}, {@link #release} and {@link #awaitUp}.
 */
public final class LocalStack implements AutoCloseable {

    private static final String DEMO_MARKER = "demo-loaded";

    private final StackSettings settings;
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Postgres postgres;
    private final ProcessPart kafka;
    private final ProcessPart keycloak;
    private final Map<PlatformService, ProcessPart> services = new EnumMap<>(PlatformService.class);
    /** Instances beyond each service's first, by part name ({@code forum-2}). */
    private final Map<String, ProcessPart> extraInstances =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    private final Supervisor supervisor;
    private @Nullable MailCatcher mail;
    private boolean demoLoadedNow;
    private @Nullable String keycloakFailure;
    private volatile boolean closed;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        postgres = new Postgres(
                settings,
                settings.dataDir().resolve("postgres"),
                Arrays.stream(PlatformService.values())
                        .map(PlatformService::database)
                        .toList());
        kafka = KafkaBroker.part(settings, settings.dataDir().resolve("kafka"));
        keycloak = Keycloak.part(settings, settings.dataDir().resolve("keycloak"), http);
        for (PlatformService service : PlatformService.values()) {
            services.put(service, instancePart(service, 1));
            for (int n = 2; n <= settings.instances(service); n++) {
                extraInstances.put(partName(service, n), instancePart(service, n));
            }
        }
        List<SupervisedPart> parts = new ArrayList<>(List.of(postgres, kafka, keycloak));
        parts.addAll(services.values());
        parts.addAll(extraInstances.values());
        supervisor =
                new Supervisor(parts, Supervisor.Pace.DEFAULT, settings.logs().resolve("supervisor.log"));
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--instances=")) {
                instances.add(option.substring("--instances=".length()));
            } else if (option.equals("--instances") && i + 1 < args.length) {
                instances.add(args[++i]);
            } else if (List.of("--fresh", "--no-demo", "--help").contains(option)) {
                options.add(option);
            } else {
                System.err.println("unknown option " + option
                        + "; use --fresh, --no-demo, --instances <n|service=n,...> or --help");
                System.exit(2);
            }
        }
        if (options.contains("--help")) {
            System.out.println("""
                    ./run-local [--fresh] [--no-demo] [--instances <n|service=n,...>]
                      --fresh      delete the stack's data (.local/) and start from nothing
                      --no-demo    do not load the demo forum into an empty platform
                      --instances  run several instances of the services: 2 (every service), forum=2,web=2 (those
                                   named) or 2,forum=3; instance n listens on the service's port + 10 x (n - 1)
                    Ports and the data directory can be moved with ARRIVAL_LOCAL_* variables (see infra/local/README.md).""");
            return;
        }
        Map<PlatformService, Integer> counts;
        try {
            counts = StackSettings.parseInstances(instances);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = StackSettings.findRoot(Path.of(""));
        String dir = System.getenv()
                .getOrDefault("ARRIVAL_LOCAL_DIR", root.resolve(".local").toString());
        StackSettings settings = StackSettings.of(
                        root,
                        Path.of(dir),
                        options.contains("--fresh"),
                        !options.contains("--no-demo"),
                        System.getenv())
                .withInstances(counts);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack;
        try {
            stack = start(settings);
        } catch (RuntimeException e) {
            System.err.println("The stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println(System.lineSeparator() + "Stopping Arrival...");
                            stack.close();
                            System.out.println("Stopped. Data kept in " + settings.dataDir()
                                    + " (./run-local --fresh starts from nothing).");
                            stopped.countDown();
                        },
                        "stop-stack"));
        System.out.println(stack.summary());
        stopped.await();
    }

    public static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            stack.supervisor.start();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        for (PlatformService service : PlatformService.values()) {
            if (!Files.isRegularFile(service.jar(settings))) {
                throw new IllegalStateException(service.jar(settings) + " is missing; build first: "
                        + "./mvnw -pl infra/local -am package -DskipTests (./run-local does it for you)");
            }
        }
        if (settings.fresh()) {
            deleteTree(settings.dataDir());
        }
        try {
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireFreePorts();
        Instant t0 = Instant.now();
        log("starting in " + settings.dataDir() + " (logs in " + settings.logs() + ")");
        CompletableFuture<Void> identity = CompletableFuture.runAsync(() -> {
            keycloak.launch();
            keycloak.awaitAnswering(keycloak.startupTimeout());
            ready("keycloak", t0);
        });
        try {
            postgres.launch();
            ready("postgres", t0);
            kafka.launch();
            kafka.awaitAnswering(kafka.startupTimeout());
            createTopics();
            ready("kafka", t0);
            mail = new MailCatcher(settings.smtpPort(), settings.dataDir().resolve("mail"));
            for (ProcessPart service : services.values()) {
                service.launch();
            }
            for (Map.Entry<PlatformService, ProcessPart> part : services.entrySet()) {
                part.getValue().awaitReady(() -> healthy(part.getKey(), 1), Duration.ofMinutes(4));
                ready(part.getKey().module(), t0);
            }
            // further instances once the first ones have migrated the databases and lead the outbox relays
            for (ProcessPart extra : extraInstances.values()) {
                extra.launch();
            }
            for (PlatformService service : PlatformService.values()) {
                for (int n = 2; n <= settings.instances(service); n++) {
                    int instance = n;
                    java.util.Objects.requireNonNull(extraInstances.get(partName(service, n)))
                            .awaitReady(() -> healthy(service, instance), Duration.ofMinutes(4));
                    ready(partName(service, n), t0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            awaitQuietly(identity);
        }
        if (keycloakFailure != null) {
            throw new IllegalStateException("Keycloak did not start: " + keycloakFailure);
        }
        readyAfter.put("platform", Duration.between(t0, Instant.now()));
        Path marker = settings.dataDir().resolve(DEMO_MARKER);
        if (settings.demo() && !Files.exists(marker)) {
            Instant d0 = Instant.now();
            new DemoForum(settings).load();
            demoLoadedNow = true;
            readyAfter.put("demo forum loaded", Duration.between(d0, Instant.now()));
            try {
                Files.writeString(marker, Instant.now().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Keycloak starts alongside the rest; whatever happens there, it must be over before the stack can be stopped. */
    private void awaitQuietly(CompletableFuture<Void> identity) {
        try {
            identity.get(7, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            keycloakFailure = "interrupted";
        } catch (ExecutionException e) {
            keycloakFailure = failure(e);
        } catch (java.util.concurrent.TimeoutException e) {
            keycloakFailure =
                    "not ready within 7 minutes; see " + settings.logs().resolve("keycloak.log");
        }
    }

    /** What made a start fail: its cause's message, or the cause itself when it has none (never null). */
    static String failure(ExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message != null ? message : cause.toString();
    }

    /**
     * The stack's name of a service's instance: the module for the first ({@code forum}), with the instance's number
     * for the others ({@code forum-2}).
     */
    public static String partName(PlatformService service, int instance) {
        return instance == 1 ? service.module() : service.module() + "-" + instance;
    }

    private ProcessPart instancePart(PlatformService service, int instance) {
        String name = partName(service, instance);
        return new ProcessPart(
                name,
                settings.logs().resolve(name + ".log"),
                () -> startService(service, instance),
                () -> live(service, instance),
                Duration.ofMinutes(4),
                Duration.ofSeconds(30));
    }

    /**
     * Starts instance {@code n} (2 or more) of a service beside the running ones, with the same database and
     * consumer groups, on its own port ({@link StackSettings#port(PlatformService, int)}), waits until it is healthy
     * and supervises it like every part from then on. Returns its part name ({@code forum-2}).
     */
    public String startInstance(PlatformService service, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("instance 1 of " + service.module() + " is the stack's own");
        }
        String name = partName(service, n);
        ProcessPart part = instancePart(service, n);
        synchronized (extraInstances) {
            if (closed || extraInstances.containsKey(name)) {
                throw new IllegalStateException(name + " already runs, or the stack is closed");
            }
            extraInstances.put(name, part);
        }
        try {
            part.launch();
            part.awaitReady(() -> healthy(service, n), Duration.ofMinutes(4));
            supervisor.add(part);
        } catch (RuntimeException e) {
            extraInstances.remove(name);
            part.kill();
            throw e;
        }
        log(name + " is up on " + settings.baseUrl(service, n));
        return name;
    }

    /** Stops an instance started by {@link #startInstance} (SIGTERM, then SIGKILL after a grace period); no restart. */
    public void stopInstance(PlatformService service, int n) {
        String name = partName(service, n);
        ProcessPart part = extraInstances.get(name);
        if (part == null) {
            return;
        }
        if (supervisor.parts().contains(name)) {
            supervisor.remove(name);
        }
        part.stop();
        extraInstances.remove(name);
        leaveConsumerGroups(service.module() + "-local-" + n + "-");
        log(name + " is stopped");
    }

    /**
     * Static members stay in their groups after they close, holding their partitions until the session times out
     * (45 s): a stopped instance's members are removed at once, so the remaining instances take its partitions now.
     */
    private void leaveConsumerGroups(String memberPrefix) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            for (ConsumerGroupDescription group : consumerGroups(admin)) {
                List<MemberToRemove> leaving = group.members().stream()
                        .map(m -> m.groupInstanceId().orElse(""))
                        .filter(id -> id.startsWith(memberPrefix))
                        .map(MemberToRemove::new)
                        .toList();
                if (!leaving.isEmpty()) {
                    admin.removeMembersFromConsumerGroup(
                                    group.groupId(), new RemoveMembersFromConsumerGroupOptions(leaving))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            log("the consumers of " + memberPrefix + "* could not be removed from their groups (they time out in"
                    + " 45 s): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every consumer group the broker knows, with its members and their partitions. */
    public static java.util.Collection<ConsumerGroupDescription> consumerGroups(Admin admin)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        List<String> groups =
                admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS).stream()
                        .map(GroupListing::groupId)
                        .toList();
        return admin.describeConsumerGroups(groups)
                .all()
                .get(30, TimeUnit.SECONDS)
                .values();
    }

    /** The process id of the part's main process (a service's JVM), if it runs. */
    public java.util.Optional<Long> pid(String part) {
        ProcessPart p = part.equals("kafka") ? kafka : part.equals("keycloak") ? keycloak : extraInstances.get(part);
        if (p == null) {
            p = services.values().stream()
                    .filter(s -> s.name().equals(part))
                    .findFirst()
                    .orElse(null);
        }
        if (p == null) {
            return java.util.Optional.empty();
        }
        List<ProcessHandle> tree = p.processTree();
        // setsid may exec into the program or leave it as a child: the JVM is the last of the tree
        return tree.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(tree.getLast().pid());
    }

    private ChildProcess startService(PlatformService service, int instance) {
        String p = service.envPrefix();
        String name = partName(service, instance);
        Map<String, String> env = new HashMap<>();
        env.put(p + "_DB_URL", settings.jdbcUrl(service, instance));
        env.put(p + "_DB_USER", Postgres.USER);
        env.put(p + "_DB_PASSWORD", Postgres.PASSWORD);
        env.put(p + "_PORT", Integer.toString(settings.port(service, instance)));
        env.put("ARRIVAL_KAFKA_BOOTSTRAP", settings.kafkaBootstrap());
        env.put("ARRIVAL_ISSUER_URI", settings.issuer());
        env.put("ARRIVAL_SMTP_HOST", StackSettings.HOST);
        env.put("ARRIVAL_SMTP_PORT", Integer.toString(settings.smtpPort()));
        env.put("ARRIVAL_SMTP_AUTH", "false");
        env.put("ARRIVAL_SMTP_STARTTLS", "false");
        // links in e-mails and the inbox open the record's page in the web application
        env.put("ARRIVAL_LINK_BASE", settings.baseUrl(PlatformService.WEB));
        for (PlatformService other : PlatformService.values()) {
            env.put(other.envPrefix() + "_URL", settings.baseUrl(other));
        }
        env.put("ARRIVAL_WEBHOOKS_ALLOW_LOOPBACK", "true");
        // each instance's Kafka consumers join as static members of their own, so after a restart they get their
        // partitions back at once instead of waiting for a rebalance
        env.put("ARRIVAL_INSTANCE_ID", service.module() + "-local" + (instance == 1 ? "" : "-" + instance));
        Path cds = settings.dataDir().resolve("cds");
        try {
            Files.createDirectories(cds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + settings.serviceHeap(),
                "-Xss512k",
                "-XX:+UseSerialGC",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=192m",
                // class data sharing: the first start records an archive, later starts load classes from it
                // one archive per instance: two JVMs never write one file
                "-XX:SharedArchiveFile=" + cds.resolve(name + ".jsa"),
                "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-Dspring.output.ansi.enabled=never",
                "-jar",
                service.jar(settings).toString()));
        return ChildProcess.start(
                name, command, env, settings.dataDir(), settings.logs().resolve(name + ".log"));
    }

    private void createTopics() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            for (TopicDefinition topic : EventCatalogue.instance().topics()) {
                NewTopic t = new NewTopic(topic.name(), topic.partitions(), (short) 1)
                        .configs(Map.of(
                                TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs()),
                                TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy()));
                try {
                    admin.createTopics(List.of(t)).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "could not create topic " + topic.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create the topics: " + e, e);
        }
    }

    /** Whether the service is up with everything it needs (its database, ...): what a first start waits for. */
    private boolean healthy(PlatformService service, int instance) {
        HttpResponse<String> r = get(settings.baseUrl(service, instance) + "/actuator/health");
        return r != null && r.statusCode() == 200 && r.body().contains("\"UP\"");
    }

    /** Whether the service's process is live (its liveness probe, or its health where it has none). */
    private boolean live(PlatformService service, int instance) {
        HttpResponse<String> r = get(settings.baseUrl(service, instance) + "/actuator/health/liveness");
        if (r != null && r.statusCode() == 404) {
            r = get(settings.baseUrl(service, instance) + "/actuator/health");
        }
        return r != null && r.statusCode() == 200;
    }

    private @Nullable HttpResponse<String> get(String url) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (ARRIVAL_LOCAL_POSTGRES_PORT)", settings.postgresPort());
        ports.put("Kafka (ARRIVAL_LOCAL_KAFKA_PORT)", settings.kafkaPort());
        ports.put("Kafka controller (ARRIVAL_LOCAL_KAFKA_CONTROLLER_PORT)", settings.kafkaControllerPort());
        ports.put("Keycloak (ARRIVAL_LOCAL_KEYCLOAK_PORT)", settings.keycloakPort());
        ports.put("Keycloak management (ARRIVAL_LOCAL_KEYCLOAK_MANAGEMENT_PORT)", settings.keycloakManagementPort());
        ports.put("SMTP (ARRIVAL_LOCAL_SMTP_PORT)", settings.smtpPort());
        for (PlatformService s : PlatformService.values()) {
            for (int n = 1; n <= settings.instances(s); n++) {
                ports.put(partName(s, n), settings.port(s, n));
            }
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName(StackSettings.HOST))) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(port + " (" + what + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports in use by another program: " + String.join(", ", busy)
                    + ". Is Arrival already running? Stop it, or move a port with its ARRIVAL_LOCAL_* variable.");
        }
    }

    /** The parts the stack supervises, by the names {@link #kill}, {@link #hold} and the others take. */
    public List<String> parts() {
        return supervisor.parts();
    }

    /**
     * Kills the part's whole process tree now (SIGKILL, as {@code kill -9} would); the supervisor then restarts it by
     * itself.
     */
    public void kill(String part) {
        supervisor.kill(part);
    }

    /** Stops the part at once and keeps it down, not restarted, until {@link #release(String)}. */
    public void hold(String part) {
        supervisor.hold(part);
    }

    /** Lets the supervisor start a held part again at once. */
    public void release(String part) {
        supervisor.release(part);
    }

    /**
     * Waits until the part runs and answers again: a service's liveness, a broker's description of the cluster, a
     * connection to PostgreSQL, Keycloak's realm. Returns how long it waited.
     *
     * @throws IllegalStateException naming the part's log if it is not up within the timeout
     */
    public Duration awaitUp(String part, Duration timeout) {
        return supervisor.awaitUp(part, timeout);
    }

    /** How many times the supervisor has restarted the part. */
    public int restarts(String part) {
        return supervisor.restarts(part);
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append(nl).append("Arrival is running.").append(nl).append(nl);
        out.append("  start here: ")
                .append(settings.baseUrl(PlatformService.WEB))
                .append("  (the web application: sign in with a demo login below)")
                .append(nl)
                .append(nl);
        for (PlatformService s : PlatformService.values()) {
            if (s == PlatformService.WEB) {
                continue;
            }
            out.append(String.format(
                    "  %-14s %s  (API description %s/swagger-ui.html)%n",
                    s.module(), settings.baseUrl(s), settings.baseUrl(s)));
        }
        synchronized (extraInstances) {
            if (!extraInstances.isEmpty()) {
                out.append("  more instances");
                for (PlatformService s : PlatformService.values()) {
                    for (int n = 2; n <= settings.instances(s); n++) {
                        out.append(' ')
                                .append(partName(s, n))
                                .append(' ')
                                .append(settings.baseUrl(s, n))
                                .append(';');
                    }
                }
                out.append(nl);
            }
        }
        out.append("  Keycloak       http://")
                .append(StackSettings.HOST)
                .append(':')
                .append(settings.keycloakPort())
                .append("/admin/  (console: ")
                .append(Keycloak.ADMIN)
                .append(" / ")
                .append(Keycloak.ADMIN)
                .append(')')
                .append(nl);
        out.append("  Issuer         ").append(settings.issuer()).append(nl);
        out.append("  Kafka          ").append(settings.kafkaBootstrap()).append(nl);
        out.append("  PostgreSQL     ")
                .append(settings.jdbcUrl("<arrival_service>"))
                .append("  (")
                .append(Postgres.USER)
                .append(" / ")
                .append(Postgres.PASSWORD)
                .append(')')
                .append(nl);
        out.append("  E-mail         caught on port ")
                .append(settings.smtpPort())
                .append(", written to ")
                .append(settings.dataDir().resolve("mail"))
                .append(nl);
        out.append("  Logs           ").append(settings.logs()).append(nl).append(nl);
        out.append("Demo logins (password ")
                .append(DemoForum.PASSWORD)
                .append(" for all):")
                .append(nl);
        for (DemoForum.Login login : DemoForum.LOGINS) {
            out.append(String.format("  %-20s %s%n", login.username(), login.description()));
        }
        out.append(nl).append("Ready after:");
        readyAfter.forEach((what, d) -> out.append(String.format(" %s %.1f s;", what, d.toMillis() / 1000.0)));
        out.append(nl)
                .append(demoLoadedNow ? "The demo forum was loaded." : "Data kept from the last run.")
                .append(" Press Ctrl-C to stop.")
                .append(nl);
        return out.toString();
    }

    public Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    public StackSettings settings() {
        return settings;
    }

    /** Process ids of every running part, for measuring their memory. */
    public Map<String, List<Long>> processIds() {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        pids.put(
                "launcher (with PostgreSQL's client and the mail catcher)",
                List.of(ProcessHandle.current().pid()));
        List<ProcessPart> parts = new ArrayList<>(services.values());
        synchronized (extraInstances) {
            parts.addAll(extraInstances.values());
        }
        parts.add(kafka);
        parts.add(keycloak);
        for (ProcessPart p : parts) {
            pids.put(p.name(), p.processTree().stream().map(ProcessHandle::pid).toList());
        }
        return pids;
    }

    private void ready(String what, Instant t0) {
        Duration d = Duration.between(t0, Instant.now());
        synchronized (readyAfter) {
            readyAfter.put(what, d);
        }
        log(String.format("%s ready after %.1f s", what, d.toMillis() / 1000.0));
    }

    private static void log(String message) {
        System.out.println("[arrival] " + message);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // first, so that nothing is restarted while the stack stops
        supervisor.close();
        // all at once: the common pool may have a single thread on a small machine
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            services.values().forEach(s -> stopping.submit(s::stop));
            synchronized (extraInstances) {
                extraInstances.values().forEach(s -> stopping.submit(s::stop));
            }
        }
        keycloak.stop();
        kafka.stop();
        if (mail != null) {
            mail.close();
        }
        postgres.close();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
