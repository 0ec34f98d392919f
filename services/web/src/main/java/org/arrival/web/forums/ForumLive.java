package org.arrival.web.forums;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.signin.SignInConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates of a forum page. The browser's EventSource (htmx's SSE extension) connects here; this service opens
 * the forum service's stream with the person's own access token and relays its hints as events named after the
 * parts to fetch again ({@code tracker}, {@code sectors}, {@code coverage}, {@code readiness}, {@code flags}). A
 * hint carries no data: the parts are fetched with the person's token, so they show only what the person may see.
 * <p>
 * When the forum service ends the stream because the token behind it expired, this one ends too and the browser
 * reconnects, on a request that refreshes the token first. When the browser leaves, the next heartbeat fails and
 * the upstream stream is closed.
 */
@RestController
public class ForumLive {

    private static final Logger log = LoggerFactory.getLogger(ForumLive.class);

    /** The parts every hint of a view names, by the forum service's view names. */
    static Set<String> parts(List<String> views) {
        Set<String> parts = new LinkedHashSet<>();
        for (String view : views) {
            switch (view) {
                case "tracker", "who-what-where" -> {
                    parts.add("tracker");
                    parts.add("sectors");
                }
                case "needs-coverage" -> parts.add("coverage");
                case "readiness" -> parts.add("readiness");
                case "flags" -> parts.add("flags");
                default -> parts.addAll(ALL_PARTS);
            }
        }
        return parts;
    }

    static final List<String> ALL_PARTS = List.of("tracker", "sectors", "coverage", "readiness", "flags");

    private final ForumApi forums;
    private final OAuth2AuthorizedClientManager tokens;
    private final JsonMapper json;

    public ForumLive(ForumApi forums, OAuth2AuthorizedClientManager tokens, JsonMapper json) {
        this.forums = forums;
        this.tokens = tokens;
        this.json = json;
    }

    @GetMapping(path = "/forums/{forumId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public ResponseEntity<SseEmitter> live(
            @PathVariable UUID forumId,
            Authentication authentication,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            HttpServletRequest request,
            HttpServletResponse response) {
        // on the request's thread: refresh the token if due, and keep the refreshed one in the session
        OAuth2AuthorizedClient client =
                tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(SignInConfiguration.REGISTRATION)
                        .principal(authentication)
                        .attribute(HttpServletRequest.class.getName(), request)
                        .attribute(HttpServletResponse.class.getName(), response)
                        .build());
        if (client == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        String token = client.getAccessToken().getTokenValue();
        Instant expires = client.getAccessToken().getExpiresAt();
        long lifetime = expires == null
                ? Duration.ofMinutes(5).toMillis()
                : Math.max(10_000, Duration.between(Instant.now(), expires).toMillis());
        // past the token's life the forum service ends its stream; this one ends a little later at the latest
        SseEmitter emitter = new SseEmitter(lifetime + 30_000);
        Relay relay = new Relay(forumId, token, emitter, lastEventId != null);
        emitter.onCompletion(relay::stop);
        emitter.onTimeout(relay::stop);
        emitter.onError(e -> relay.stop());
        Thread.ofVirtual().name("forum-live-" + forumId).start(relay);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /** One browser's relay: reads the forum service's stream and passes its hints on until either side ends. */
    final class Relay implements Runnable {

        private final UUID forumId;
        private final String token;
        private final SseEmitter emitter;
        private final boolean reconnected;
        private final AtomicReference<InputStream> upstream = new AtomicReference<>();
        private final AtomicLong sequence = new AtomicLong();
        private volatile boolean stopped;

        Relay(UUID forumId, String token, SseEmitter emitter, boolean reconnected) {
            this.forumId = forumId;
            this.token = token;
            this.emitter = emitter;
            this.reconnected = reconnected;
        }

        @Override
        public void run() {
            try {
                forums.stream(forumId, token, this::read);
                emitter.complete();
            } catch (ServiceProblem e) {
                // 404: no longer a member; 401: the token expired in between; 429: too many streams
                send("closed", String.valueOf(e.status()));
                emitter.complete();
            } catch (RuntimeException e) {
                if (!stopped) {
                    log.debug("the forum's stream ended: {}", e.toString());
                    emitter.complete();
                }
            }
        }

        private void read(InputStream in) {
            upstream.set(in);
            if (stopped) {
                close();
                return;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String event = "message";
                StringBuilder data = new StringBuilder();
                for (String line; !stopped && (line = reader.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        dispatch(event, data.toString());
                        event = "message";
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        // the upstream heartbeat: pass it on, which also tells whether the browser is still there
                        heartbeat();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException e) {
                if (!stopped) {
                    log.debug("reading the forum's stream failed: {}", e.toString());
                }
            }
        }

        private void dispatch(String event, String data) {
            switch (event) {
                case "ready" -> {
                    send("live", "ready");
                    if (reconnected) {
                        // changes may have been missed while away: every part again
                        ALL_PARTS.forEach(p -> send(p, "changed"));
                    }
                }
                case "changed" -> {
                    JsonNode views = json.readTree(data).path("views");
                    List<String> names =
                            views.valueStream().map(JsonNode::asString).toList();
                    parts(names.isEmpty() ? List.of("forum") : names).forEach(p -> send(p, "changed"));
                }
                case "expired" -> stop();
                case "closed" -> {
                    send("closed", "404");
                    stop();
                }
                default -> {}
            }
        }

        private void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("alive"));
            } catch (IOException | IllegalStateException e) {
                stop();
            }
        }

        private void send(String name, String data) {
            try {
                emitter.send(SseEmitter.event()
                        .id(Long.toString(sequence.incrementAndGet()))
                        .name(name)
                        .data(data)
                        .reconnectTime(2000));
            } catch (IOException | IllegalStateException e) {
                stop();
            }
        }

        void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            close();
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // already completed
            }
        }

        private void close() {
            InputStream in = upstream.get();
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // closing a dropped connection
                }
            }
        }
    }
}
