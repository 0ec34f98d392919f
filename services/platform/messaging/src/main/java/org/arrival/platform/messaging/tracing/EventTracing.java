package org.arrival.platform.messaging.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Carries a request's trace through the outbox and Kafka, in W3C trace context form ({@code traceparent}).
 * <ul>
 * <li>{@link #currentTraceparent()}: what the outbox stores with an event written while a request (or any other
 * traced work) runs.</li>
 * <li>{@link #publishing}: the relay's span for sending a row, a child of the stored context; its own
 * {@code traceparent} goes on the Kafka record next to the CloudEvents headers.</li>
 * <li>{@link #handling}: a consumer's span for an event's effect, a child of the record's {@code traceparent}; it is
 * the current span (and so in the logs' MDC) while the effect runs.</li>
 * </ul>
 * Without a tracer ({@link #none()}) nothing is traced and a stored {@code traceparent} is passed on as it is.
 */
public final class EventTracing {

    /** The W3C trace context header, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern W3C = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "00000000000000000000000000000000";
    private static final String INVALID_SPAN = "0000000000000000";
    /** Links a poll's span keeps to the other traces it handled. */
    private static final int MAX_LINKS = 32;

    private static final EventTracing NONE = new EventTracing(null);

    private final @Nullable Tracer tracer;

    private EventTracing(@Nullable Tracer tracer) {
        this.tracer = tracer;
    }

    public static EventTracing with(Tracer tracer) {
        return tracer == Tracer.NOOP ? NONE : new EventTracing(tracer);
    }

    public static EventTracing none() {
        return NONE;
    }

    /** The {@code traceparent} of the span current on this thread; null outside traced work. */
    public @Nullable String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? null : traceparent(span.context());
    }

    /** Starts the span of sending an outbox row to the topic, continuing the trace that wrote it (if any). */
    public Publishing publishing(@Nullable String storedTraceparent, String topic) {
        if (tracer == null || storedTraceparent == null) {
            return new Publishing(null, storedTraceparent);
        }
        TraceContext parent = parse(tracer, storedTraceparent);
        if (parent == null) {
            return new Publishing(null, null);
        }
        Span span = tracer.spanBuilder()
                .setParent(parent)
                .name(topic + " publish")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .start();
        return new Publishing(span, traceparent(span.context()));
    }

    /**
     * Starts the span of a consumer's handling of a record, a child of the record's {@code traceparent}, and makes it
     * current; close the returned handling when the effect is done.
     */
    public Handling handling(String consumer, ConsumerRecord<?, ?> record) {
        if (tracer == null) {
            return Handling.NONE;
        }
        Span.Builder builder = tracer.spanBuilder();
        TraceContext parent = parse(tracer, headerOf(record));
        if (parent != null) {
            builder.setParent(parent);
        }
        return start(builder.name(consumer + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.consumer.group.name", consumer));
    }

    /**
     * Starts the span of handling a whole poll in one transaction: a child of the first record's trace, linked to
     * the other traces of the poll.
     */
    public Handling handlingAll(String consumer, List<? extends ConsumerRecord<?, ?>> records) {
        if (tracer == null) {
            return Handling.NONE;
        }
        Span.Builder builder = tracer.spanBuilder();
        Set<String> traces = new LinkedHashSet<>();
        boolean parented = false;
        for (ConsumerRecord<?, ?> record : records) {
            TraceContext context = parse(tracer, headerOf(record));
            if (context == null || !traces.add(context.traceId())) {
                continue;
            }
            if (!parented) {
                builder.setParent(context);
                parented = true;
            } else if (traces.size() <= MAX_LINKS + 1) {
                builder.addLink(new Link(context));
            }
        }
        return start(builder.name(consumer + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.batch.message_count", Integer.toString(records.size()))
                .tag("messaging.consumer.group.name", consumer));
    }

    private Handling start(Span.Builder builder) {
        Tracer t = tracer;
        if (t == null) {
            return Handling.NONE;
        }
        Span span = builder.start();
        Tracer.SpanInScope scope = t.withSpan(span);
        return new Handling(span, scope);
    }

    /** The record's {@code traceparent} header; null when it has none. */
    public static @Nullable String traceparentOf(ConsumerRecord<?, ?> record) {
        return headerOf(record);
    }

    private static @Nullable String headerOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String traceparent(TraceContext context) {
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    static @Nullable TraceContext parse(Tracer tracer, @Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var m = W3C.matcher(traceparent.trim());
        if (!m.matches() || INVALID_TRACE.equals(m.group(1)) || INVALID_SPAN.equals(m.group(2))) {
            return null;
        }
        boolean sampled = (Integer.parseInt(m.group(3), 16) & 1) == 1;
        return tracer.traceContextBuilder()
                .traceId(m.group(1))
                .spanId(m.group(2))
                .sampled(sampled)
                .build();
    }

    /** The span of sending one row, and the {@code traceparent} to put on its record (null: none). */
    public static final class Publishing {

        private final @Nullable Span span;
        private final @Nullable String traceparent;

        Publishing(@Nullable Span span, @Nullable String traceparent) {
            this.span = span;
            this.traceparent = traceparent;
        }

        public @Nullable String traceparent() {
            return traceparent;
        }

        public void acknowledged() {
            if (span != null) {
                span.end();
            }
        }

        public void failed(@Nullable Throwable cause) {
            if (span != null) {
                span.error(cause != null ? cause : new IllegalStateException("not acknowledged by the broker"));
                span.end();
            }
        }
    }

    /** A consumer's span, current until closed. */
    public static final class Handling implements AutoCloseable {

        static final Handling NONE = new Handling(null, null);

        private final @Nullable Span span;
        private final Tracer.@Nullable SpanInScope scope;

        Handling(@Nullable Span span, Tracer.@Nullable SpanInScope scope) {
            this.span = span;
            this.scope = scope;
        }

        public void failed(Throwable cause) {
            if (span != null) {
                span.error(cause);
            }
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            if (span != null) {
                span.end();
            }
        }
    }
}
