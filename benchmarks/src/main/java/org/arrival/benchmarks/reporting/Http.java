package org.arrival.benchmarks.reporting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.arrival.local.PlatformClient;
import tools.jackson.databind.JsonNode;

/**
 * The load driver's HTTP: one HTTP/1.1 client with kept-alive connections, as a browser or an integration would call
 * the services, timing each exchange from just before sending to the last byte of the answer.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** An answer and how long it took. */
    public record Answer(int status, String body, long nanos, long receivedAt) {
        public boolean is(int expected) {
            return status == expected;
        }

        public JsonNode json() {
            return PlatformClient.json().readTree(body);
        }
    }

    public Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    /** A GET asking for another type than JSON, e.g. {@code text/csv} for an export. */
    public Answer get(String url, String token, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, Duration.ofSeconds(60), accept);
    }

    public Answer post(String url, String token, String json) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    /** A POST without a body, waiting as long as given for the answer. */
    public Answer post(String url, String token, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), token, timeout);
    }

    /** A file uploaded as the multipart/form-data part {@code part}, waiting as long as given for the answer. */
    public Answer upload(String url, String token, String part, String fileName, byte[] content, Duration timeout) {
        String boundary = "arrival-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                token,
                timeout);
    }

    /** A PUT at the version read ({@code If-Match}), waiting as long as given for the answer. */
    public Answer put(String url, String token, String json, long version, Duration timeout) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("If-Match", "\"" + version + "\"")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                token,
                timeout);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        return send(request, token, Duration.ofSeconds(60));
    }

    private Answer send(HttpRequest.Builder request, String token, Duration timeout) {
        return send(request, token, timeout, "application/json");
    }

    private Answer send(HttpRequest.Builder request, String token, Duration timeout, String accept) {
        HttpRequest r = request.header("Accept", accept)
                .header("Authorization", "Bearer " + token)
                .timeout(timeout)
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(r, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            return new Answer(response.statusCode(), response.body(), end - start, end);
        } catch (IOException e) {
            long end = System.nanoTime();
            return new Answer(-1, r.method() + " " + r.uri() + " failed: " + e, end - start, end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
