package org.arrival.registry.people;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stand-in for Keycloak's token endpoint and the part of its admin REST API the registry uses, with the
 * answers the real one gives (201 with Location, 409 for a taken address, 404, 401 without a valid token); the
 * realm's role list is left out, as the registry's manage-users may not read it. The real
 * realm is proven by the end-to-end {@code PeopleJourneyTest}.
 */
public final class FakeRealm {

    public static final String CLIENT = "arrival-registry";
    public static final String SECRET = "fake-secret";
    static final Set<String> REALM_ROLES =
            Set.of("platform-admin", "org-admin", "org-editor", "member", "forum-coordinator", "default-roles-arrival");

    private static FakeRealm instance;

    /** A user as the fake keeps it. */
    public static final class User {
        final String id = UUID.randomUUID().toString();
        final Map<String, Object> representation = new ConcurrentHashMap<>();
        final Set<String> roles = ConcurrentHashMap.newKeySet();
    }

    /** An "execute actions" e-mail the realm would have sent. */
    public record SentInvitation(String userId, String email, List<String> actions, String clientId) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    final Map<String, User> users = new ConcurrentHashMap<>();
    final List<SentInvitation> sent = new CopyOnWriteArrayList<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    volatile boolean mailFails;
    /** The realm's clients made through the admin API (API clients), by internal id. */
    public final Map<String, Client> clients = new ConcurrentHashMap<>();
    /** The realm's login events: {@code CLIENT_LOGIN} of a client id at a time (epoch milliseconds). */
    public final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

    public volatile boolean clientsFail;

    /** A client as the fake keeps it: its representation, current secret and service-account user. */
    public static final class Client {
        public final String id = UUID.randomUUID().toString();
        public final Map<String, Object> representation = new ConcurrentHashMap<>();
        public volatile String secret = UUID.randomUUID().toString();
        public volatile String serviceAccountUserId = "";

        public String clientId() {
            return String.valueOf(representation.get("clientId"));
        }
    }

    public Client clientById(String clientId) {
        return clients.values().stream()
                .filter(c -> clientId.equals(c.clientId()))
                .findFirst()
                .orElse(null);
    }

    public Set<String> rolesOfClient(String clientId) {
        Client c = clientById(clientId);
        User u = c == null ? null : users.get(c.serviceAccountUserId);
        return u == null ? Set.of() : new LinkedHashSet<>(u.roles);
    }

    /** A token issued to the client at this time, as the realm's events record it. */
    public void loggedIn(String clientId, java.time.Instant at) {
        events.add(0, Map.of("time", at.toEpochMilli(), "type", "CLIENT_LOGIN", "clientId", clientId));
    }

    private FakeRealm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized FakeRealm instance() {
        if (instance == null) {
            try {
                instance = new FakeRealm();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String realmUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/arrival";
    }

    public User byEmail(String email) {
        return users.values().stream()
                .filter(u -> email.equals(u.representation.get("email")))
                .findFirst()
                .orElse(null);
    }

    public List<SentInvitation> sentTo(String email) {
        return sent.stream().filter(s -> s.email().equals(email)).toList();
    }

    /** Adds an account directly, as an administrator of the realm would. */
    public String add(String email, UUID organisation, String... roles) {
        User u = new User();
        u.representation.putAll(Map.of(
                "id",
                u.id,
                "username",
                email,
                "email",
                email,
                "enabled",
                true,
                "attributes",
                Map.of("org_id", List.of(organisation.toString()))));
        u.roles.addAll(List.of(roles));
        users.put(u.id, u);
        return u.id;
    }

    private static final Pattern USER = Pattern.compile("/admin/realms/arrival/users/([^/]+)(/.*)?");

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            if (path.equals("/realms/arrival/protocol/openid-connect/token") && method.equals("POST")) {
                Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                if (!CLIENT.equals(form.get("client_id"))
                        || !SECRET.equals(form.get("client_secret"))
                        || !"client_credentials".equals(form.get("grant_type"))) {
                    send(x, 401, Map.of("error", "unauthorized_client"));
                    return;
                }
                String token = UUID.randomUUID().toString();
                tokens.add(token);
                send(x, 200, Map.of("access_token", token, "expires_in", 300, "token_type", "Bearer"));
                return;
            }
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
                send(x, 401, Map.of("error", "HTTP 401 Unauthorized"));
                return;
            }
            if (path.equals("/admin/realms/arrival/users")) {
                if (method.equals("GET")) {
                    Map<String, String> query = form(x.getRequestURI().getRawQuery());
                    String q = query.getOrDefault("q", "");
                    List<Map<String, Object>> found = new ArrayList<>();
                    for (User u : users.values()) {
                        if (q.startsWith("org_id:") && orgOf(u).equals(q.substring("org_id:".length()))) {
                            found.add(u.representation);
                        }
                    }
                    send(x, 200, found);
                } else {
                    create(x);
                }
                return;
            }
            if (path.startsWith("/admin/realms/arrival/clients") || path.equals("/admin/realms/arrival/events")) {
                clients(x, path, method);
                return;
            }
            Matcher m = USER.matcher(path);
            if (!m.matches()) {
                send(x, 404, Map.of("error", "no such resource"));
                return;
            }
            User u = users.get(m.group(1));
            if (u == null) {
                send(x, 404, Map.of("error", "User not found"));
                return;
            }
            String rest = m.group(2) == null ? "" : m.group(2);
            switch (rest + " " + method) {
                case " GET" -> send(x, 200, u.representation);
                case " DELETE" -> {
                    users.remove(u.id);
                    send(x, 204, null);
                }
                case "/role-mappings/realm GET" ->
                    send(
                            x,
                            200,
                            u.roles.stream()
                                    .map(r -> Map.of("id", "role-" + r, "name", r))
                                    .toList());
                case "/role-mappings/realm/available GET" ->
                    send(
                            x,
                            200,
                            REALM_ROLES.stream()
                                    .filter(r -> !u.roles.contains(r))
                                    .map(r -> Map.of("id", "role-" + r, "name", r))
                                    .toList());
                case "/role-mappings/realm POST", "/role-mappings/realm DELETE" -> {
                    List<?> roles = json.readValue(x.getRequestBody().readAllBytes(), List.class);
                    for (Object role : roles) {
                        String name = String.valueOf(((Map<?, ?>) role).get("name"));
                        if (!("role-" + name).equals(((Map<?, ?>) role).get("id"))) {
                            send(x, 404, Map.of("error", "Role not found"));
                            return;
                        }
                        if (method.equals("POST")) {
                            u.roles.add(name);
                        } else {
                            u.roles.remove(name);
                        }
                    }
                    send(x, 204, null);
                }
                case "/execute-actions-email PUT" -> {
                    if (mailFails) {
                        send(x, 500, Map.of("errorMessage", "Failed to send execute actions email"));
                        return;
                    }
                    List<?> actions = json.readValue(x.getRequestBody().readAllBytes(), List.class);
                    Map<String, String> query = form(x.getRequestURI().getRawQuery());
                    sent.add(new SentInvitation(
                            u.id,
                            String.valueOf(u.representation.get("email")),
                            actions.stream().map(String::valueOf).toList(),
                            query.getOrDefault("client_id", "")));
                    send(x, 204, null);
                }
                default -> send(x, 405, Map.of("error", "not here"));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static final Pattern CLIENT_PATH = Pattern.compile("/admin/realms/arrival/clients/([^/]+)(/.*)?");

    private void clients(HttpExchange x, String path, String method) throws IOException {
        if (clientsFail) {
            send(x, 500, Map.of("errorMessage", "unknown_error"));
            return;
        }
        if (path.equals("/admin/realms/arrival/events") && method.equals("GET")) {
            Map<String, String> query = form(x.getRequestURI().getRawQuery());
            int max = Integer.parseInt(query.getOrDefault("max", "100"));
            send(
                    x,
                    200,
                    events.stream()
                            .filter(e -> e.get("clientId").equals(query.get("client")))
                            .filter(e ->
                                    !query.containsKey("type") || e.get("type").equals(query.get("type")))
                            .limit(max)
                            .toList());
            return;
        }
        if (path.equals("/admin/realms/arrival/clients") && method.equals("POST")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rep = json.readValue(x.getRequestBody().readAllBytes(), Map.class);
            String clientId = String.valueOf(rep.get("clientId"));
            if (clientById(clientId) != null) {
                send(x, 409, Map.of("errorMessage", "Client " + clientId + " already exists"));
                return;
            }
            Client c = new Client();
            c.representation.putAll(rep);
            c.representation.put("id", c.id);
            User account = new User();
            account.representation.putAll(
                    Map.of("id", account.id, "username", "service-account-" + clientId, "enabled", true));
            account.roles.add("default-roles-arrival");
            users.put(account.id, account);
            c.serviceAccountUserId = account.id;
            clients.put(c.id, c);
            x.getResponseHeaders()
                    .add(
                            "Location",
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/admin/realms/arrival/clients/"
                                    + c.id);
            send(x, 201, null);
            return;
        }
        Matcher m = CLIENT_PATH.matcher(path);
        Client c = m.matches() ? clients.get(m.group(1)) : null;
        if (c == null) {
            send(x, 404, Map.of("error", "Could not find client"));
            return;
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        switch (rest + " " + method) {
            case " GET" -> send(x, 200, c.representation);
            case " DELETE" -> {
                clients.remove(c.id);
                users.remove(c.serviceAccountUserId);
                send(x, 204, null);
            }
            case "/service-account-user GET" -> send(x, 200, users.get(c.serviceAccountUserId).representation);
            case "/client-secret GET" -> send(x, 200, Map.of("type", "secret", "value", c.secret));
            case "/client-secret POST" -> {
                c.secret = UUID.randomUUID().toString();
                send(x, 200, Map.of("type", "secret", "value", c.secret));
            }
            default -> send(x, 405, Map.of("error", "not here"));
        }
    }

    private void create(HttpExchange x) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> rep = json.readValue(x.getRequestBody().readAllBytes(), Map.class);
        String email = String.valueOf(rep.get("email"));
        boolean taken = users.values().stream()
                .anyMatch(u -> email.equalsIgnoreCase(String.valueOf(u.representation.get("email")))
                        || email.equalsIgnoreCase(String.valueOf(u.representation.get("username"))));
        if (taken) {
            send(x, 409, Map.of("errorMessage", "User exists with same email"));
            return;
        }
        User u = new User();
        u.representation.putAll(rep);
        u.representation.put("id", u.id);
        u.roles.add("default-roles-arrival");
        users.put(u.id, u);
        x.getResponseHeaders()
                .add(
                        "Location",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/admin/realms/arrival/users/" + u.id);
        send(x, 201, null);
    }

    private static String orgOf(User u) {
        if (u.representation.get("attributes") instanceof Map<?, ?> a
                && a.get("org_id") instanceof List<?> l
                && !l.isEmpty()) {
            return String.valueOf(l.get(0));
        }
        return "";
    }

    private void send(HttpExchange x, int status, Object body) throws IOException {
        if (body == null) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return values;
    }

    Set<String> rolesOf(String email) {
        User u = byEmail(email);
        return u == null ? Set.of() : new LinkedHashSet<>(u.roles);
    }
}
