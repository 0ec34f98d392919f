package org.arrival.notifications.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP endpoint on 127.0.0.1 for the tests: records every request (path, headers, raw body bytes) and
 * answers as told, by a queue of behaviours and then the default one.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Behaviour {
        OK,
        FAIL,
        HANG,
        REDIRECT,
        GONE
    }

    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The same request with one header changed, as someone who captured it might send it again. */
        Received withHeader(String name, String value) {
            Map<String, List<String>> changed = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            changed.putAll(headers);
            changed.put(name, List.of(value));
            return new Received(path, changed, body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Behaviour> next = new CopyOnWriteArrayList<>();
    private final AtomicReference<Behaviour> fallback = new AtomicReference<>(Behaviour.OK);
    private final long hangMillis;

    WebhookReceiver(long hangMillis) throws IOException {
        this.hangMillis = hangMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests this way, one behaviour each, then as by default. */
    WebhookReceiver then(Behaviour... behaviours) {
        next.addAll(List.of(behaviours));
        return this;
    }

    WebhookReceiver byDefault(Behaviour behaviour) {
        fallback.set(behaviour);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        Behaviour b = next.isEmpty() ? fallback.get() : next.remove(0);
        try (exchange) {
            switch (b) {
                case OK -> exchange.sendResponseHeaders(204, -1);
                case FAIL -> exchange.sendResponseHeaders(500, -1);
                case GONE -> exchange.sendResponseHeaders(410, -1);
                case REDIRECT -> {
                    exchange.getResponseHeaders().add("Location", url("/redirected"));
                    exchange.sendResponseHeaders(302, -1);
                }
                case HANG -> {
                    try {
                        Thread.sleep(hangMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
