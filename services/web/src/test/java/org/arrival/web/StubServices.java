package org.arrival.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * One HTTP server standing in for every service's public API in the web application's tests: each answer is set
 * per method and path (query string ignored), with extra headers if set, and every request is recorded with its
 * Authorization, If-Match, Content-Type and Accept-Language headers and its body.
 */
public final class StubServices implements AutoCloseable {

    public record Answer(int status, String contentType, String body) {}

    public record Request(
            String method,
            String path,
            String query,
            String authorization,
            String ifMatch,
            String body,
            String contentType,
            String acceptLanguage) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> headers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("If-Match"),
                    sent,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept-Language")));
            // an answer set for the path with its exact query string comes first
            String query = exchange.getRequestURI().getRawQuery();
            Answer exact = query == null ? null : answers.get(exchange.getRequestMethod() + " " + path + "?" + query);
            Answer answer = exact != null
                    ? exact
                    : answers.getOrDefault(
                            exchange.getRequestMethod() + " " + path,
                            new Answer(
                                    404,
                                    "application/problem+json",
                                    "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"No such record\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            String etag = etags.get(exchange.getRequestMethod() + " " + path);
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            headers.getOrDefault(exchange.getRequestMethod() + " " + path, Map.of())
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubServices answer(String method, String path, int status, String json) {
        answers.put(
                method + " " + path,
                new Answer(status, status >= 400 ? "application/problem+json" : "application/json", json));
        return this;
    }

    public StubServices answer(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body));
        return this;
    }

    /** As {@link #answer(String, String, int, String)}, with an ETag header. */
    public StubServices answerTagged(String method, String path, int status, String json, String etag) {
        answer(method, path, status, json);
        etags.put(method + " " + path, etag);
        return this;
    }

    /** Adds a header (such as Content-Disposition) to the answer set for the method and path. */
    public StubServices header(String method, String path, String name, String value) {
        headers.computeIfAbsent(method + " " + path, k -> new ConcurrentHashMap<>())
                .put(name, value);
        return this;
    }

    public List<Request> requests() {
        return requests;
    }

    public void reset() {
        answers.clear();
        etags.clear();
        headers.clear();
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
