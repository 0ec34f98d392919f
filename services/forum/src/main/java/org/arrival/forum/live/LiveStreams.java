package org.arrival.forum.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.JdbcStore;
import org.arrival.forum.projection.ProjectionChanged;
import org.arrival.forum.projection.domain.Touch;
import org.arrival.forum.views.ForumViews;
import org.arrival.forum.web.ForumMembers;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-update streams, and what they are told: when the projection has committed an event, each stream of a
 * forum the event concerns gets a {@code changed} hint naming the views to fetch again, if the record is one its
 * viewer may see (the same read policy and firewall as the views). Hints carry no record data.
 *
 * <p>Changes arrive through the {@link ChangeChannel} once committed. Hints are worked out and sent on one worker
 * thread, in batches, so neither the projection's consumer nor the channel ever waits for a client. A stream ends when its client goes away, when its token expires, when its viewer loses the forum, or after
 * the longest duration; every end removes it.
 */
@Component
public class LiveStreams implements MeterBinder {

    public static final String CHANGED = "changed";
    public static final String READY = "ready";
    public static final String EXPIRED = "expired";
    public static final String CLOSED = "closed";

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    private final StreamSettings settings;
    private final ForumMembers members;
    private final Organisations organisations;
    private final Generations generations;
    private final Map<String, Stream> open = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final ConcurrentLinkedQueue<ProjectionChanged> pending = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("forum-live-hints").factory());

    public LiveStreams(
            StreamSettings settings, ForumMembers members, Organisations organisations, Generations generations) {
        this.settings = settings;
        this.members = members;
        this.organisations = organisations;
        this.generations = generations;
    }

    /** One open stream: whose, for which forum, until when. */
    record Stream(String id, Caller caller, UUID forumId, SseEmitter emitter, Instant expiresAt, AtomicLong sequence) {}

    /**
     * Opens a stream for a caller who may see the forum (404 otherwise), until their token expires; 429 when the
     * caller or the instance holds too many.
     */
    public SseEmitter open(Caller caller, UUID forumId, @Nullable Instant tokenExpiresAt) {
        members.viewer(caller, forumId);
        Instant now = Instant.now();
        Instant until = tokenExpiresAt == null
                ? now.plus(settings.maxDuration())
                : min(tokenExpiresAt, now.plus(settings.maxDuration()));
        // the container's timeout is a backstop: the heartbeat ends the stream at expiry first
        long timeout = Math.max(
                1000,
                Duration.between(now, until).toMillis() + settings.heartbeat().toMillis() * 2);
        SseEmitter emitter = new SseEmitter(timeout);
        Stream stream = new Stream(UUID.randomUUID().toString(), caller, forumId, emitter, until, new AtomicLong());
        synchronized (open) {
            if (open.size() >= settings.maxStreams()) {
                throw new TooManyStreams("The service holds as many live streams as it may; try again in a minute");
            }
            long mine = open.values().stream()
                    .filter(s -> s.caller().userId().equals(caller.userId()))
                    .count();
            if (mine >= settings.maxPerCaller()) {
                throw new TooManyStreams("You already have " + mine + " live streams open (at most "
                        + settings.maxPerCaller() + "): close another page of the forum");
            }
            open.put(stream.id(), stream);
            opened.incrementAndGet();
        }
        emitter.onCompletion(() -> open.remove(stream.id()));
        emitter.onTimeout(() -> {
            open.remove(stream.id());
            emitter.complete();
        });
        emitter.onError(e -> open.remove(stream.id()));
        Map<String, Object> ready = new HashMap<>();
        ready.put("forumId", forumId);
        ready.put("heartbeatSeconds", settings.heartbeat().toSeconds());
        ready.put("expiresAt", until.toString());
        send(
                stream,
                SseEmitter.event()
                        .name(READY)
                        .id(Long.toString(stream.sequence().incrementAndGet()))
                        .reconnectTime(3000)
                        .data(ready, MediaType.APPLICATION_JSON));
        return emitter;
    }

    /** How many streams are open, for a forum or (with null) in all. */
    public int openStreams(UUID forumId) {
        return (int) open.values().stream()
                .filter(s -> forumId == null || s.forumId().equals(forumId))
                .count();
    }

    /** {@code arrival.forum.streams}: the live streams open on this instance. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("arrival.forum.streams", open, Map::size)
                .description("Live-update (SSE) streams open on this instance")
                .register(registry);
    }

    /** How many streams were opened since the service started. */
    public long openedSinceStart() {
        return opened.get();
    }

    /** A change the projection committed (on this instance or another, through the {@link ChangeChannel}). */
    public void committed(ProjectionChanged change) {
        if (open.isEmpty()) {
            return;
        }
        pending.add(change);
        worker.execute(this::hint);
    }

    /** Sends the hints of every change committed since the last run, one message per stream. */
    private void hint() {
        List<ProjectionChanged> batch = new ArrayList<>();
        for (ProjectionChanged c = pending.poll(); c != null; c = pending.poll()) {
            batch.add(c);
        }
        if (batch.isEmpty() || open.isEmpty()) {
            return;
        }
        try {
            JdbcStore store = generations.activeStore();
            Map<UUID, List<RecordScope>> sources = sources(batch, store);
            Map<String, Optional<Viewer>> viewers = new HashMap<>();
            for (Stream stream : List.copyOf(open.values())) {
                Optional<Viewer> viewer = viewers.computeIfAbsent(
                        stream.caller().userId() + "/" + stream.forumId(), k -> viewerOf(stream));
                if (viewer.isEmpty()) {
                    end(stream, CLOSED, "You no longer sit in this forum");
                    continue;
                }
                Set<String> views = views(
                        batch,
                        stream.forumId(),
                        store,
                        new ForumViews(store, organisations, viewer.get(), LocalDate.now(ZoneOffset.UTC)),
                        sources);
                if (!views.isEmpty()) {
                    Map<String, Object> data = Map.of("forumId", stream.forumId(), "views", views);
                    send(
                            stream,
                            SseEmitter.event()
                                    .name(CHANGED)
                                    .id(Long.toString(stream.sequence().incrementAndGet()))
                                    .data(data, MediaType.APPLICATION_JSON));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("live hints of {} changes could not be sent", batch.size(), e);
        }
    }

    private Optional<Viewer> viewerOf(Stream stream) {
        try {
            return Optional.of(members.viewer(stream.caller(), stream.forumId()));
        } catch (RecordNotFound e) {
            return Optional.empty();
        }
    }

    /** The scopes of the records the batch's derived records (flags) come from, looked up once for every stream. */
    public static Map<UUID, List<RecordScope>> sources(List<ProjectionChanged> batch, JdbcStore store) {
        Set<UUID> ids = new HashSet<>();
        batch.forEach(c -> c.touches().forEach(t -> ids.addAll(t.sources())));
        return ids.isEmpty() ? Map.of() : store.scopes(ids);
    }

    /**
     * The views of the forum the batch changed for this viewer: only records the viewer may see count, and a derived
     * record (a flag) only if the viewer may read every record it comes from.
     */
    public static Set<String> views(
            List<ProjectionChanged> batch,
            UUID forumId,
            JdbcStore store,
            ForumViews views,
            Map<UUID, List<RecordScope>> sources) {
        Set<String> changed = new TreeSet<>();
        for (ProjectionChanged change : batch) {
            if (change.wholeView()) {
                changed.addAll(Touch.ALL);
                continue;
            }
            for (Touch t : change.touches()) {
                if (!changed.containsAll(t.views())
                        && t.concerns(forumId, store)
                        && views.visible(t.owner(), t.classification(), t.sharedWithForums())
                        && views.mayReadAll(t.sources(), id -> sources.getOrDefault(id, List.of()))) {
                    changed.addAll(t.views());
                }
            }
        }
        return changed;
    }

    /**
     * As each day begins (UTC), reports fall overdue and milestones late without any event: every stream is told to
     * fetch its tracker again. The hint names a view every member sees, and no record.
     */
    @Scheduled(cron = "${arrival.forum.stream.new-day-cron:1 0 0 * * *}", zone = "UTC")
    public void newDay() {
        for (Stream stream : List.copyOf(open.values())) {
            send(
                    stream,
                    SseEmitter.event()
                            .name(CHANGED)
                            .id(Long.toString(stream.sequence().incrementAndGet()))
                            .data(
                                    Map.of("forumId", stream.forumId(), "views", List.of("tracker")),
                                    MediaType.APPLICATION_JSON));
        }
    }

    /** Keeps idle streams open, notices clients that went away and ends streams whose token expired. */
    @Scheduled(
            fixedDelayString = "${arrival.forum.stream.heartbeat:PT15S}",
            initialDelayString = "${arrival.forum.stream.heartbeat:PT15S}")
    public void heartbeat() {
        Instant now = Instant.now();
        for (Stream stream : List.copyOf(open.values())) {
            if (!now.isBefore(stream.expiresAt())) {
                end(stream, EXPIRED, "The sign-in behind this stream has expired: reconnect with a fresh token");
            } else {
                send(stream, SseEmitter.event().comment("keep-alive"));
            }
        }
    }

    private void end(Stream stream, String event, String reason) {
        send(stream, SseEmitter.event().name(event).data(Map.of("reason", reason), MediaType.APPLICATION_JSON));
        open.remove(stream.id());
        try {
            stream.emitter().complete();
        } catch (RuntimeException e) {
            // already completed by the container
        }
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the stream just ended): the container completes the request
            open.remove(stream.id());
        }
    }

    /** Ends every stream as the service shuts down, so the web server's graceful shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    public void closeAll() {
        worker.shutdownNow();
        for (Stream stream : List.copyOf(open.values())) {
            open.remove(stream.id());
            try {
                stream.emitter().complete();
            } catch (RuntimeException e) {
                // shutting down anyway
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
