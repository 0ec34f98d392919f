package org.arrival.forum.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of one event stream over a real HTTP connection, as a page reads it: the events it received (and the
 * comment lines, which keep it alive), and a way to go away without a word.
 */
final class StreamClient implements AutoCloseable {

    /** One server-sent event. */
    record Event(String name, String data) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    final int status;
    final String contentType;
    final String body;

    private StreamClient(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<Stream<String>> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(20, TimeUnit.SECONDS);
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        if (status != 200) {
            try (Stream<String> s = response.body()) {
                body = String.join("\n", s.toList());
            }
            return;
        }
        body = null;
        Thread.ofVirtual().start(() -> {
            try (Stream<String> s = response.body()) {
                s.forEach(lines::add);
            } catch (RuntimeException e) {
                // the client went away
            }
        });
    }

    static StreamClient open(String url, String bearer) throws Exception {
        return new StreamClient(url, bearer);
    }

    List<Event> events() {
        List<Event> out = new ArrayList<>();
        String name = "message";
        List<String> data = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    out.add(new Event(name, String.join("\n", data)));
                }
                name = "message";
                data = new ArrayList<>();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).trim());
            }
        }
        return out;
    }

    List<Event> events(String name) {
        return events().stream().filter(e -> e.name().equals(name)).toList();
    }

    /** How many comment lines (heartbeats) arrived. */
    long heartbeats() {
        return lines.stream().filter(l -> l.startsWith(":")).count();
    }

    /** Drops the connection, as a closed tab or a lost network does. */
    @Override
    public void close() {
        http.shutdownNow();
        try {
            http.awaitTermination(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
