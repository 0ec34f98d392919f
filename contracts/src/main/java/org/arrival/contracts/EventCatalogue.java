package org.arrival.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topic catalogue and event types of the platform, read from {@code arrival/contracts/catalogue.yaml}.
 * Producers find an event's type and topic from its payload class; services create their topics from it.
 */
public final class EventCatalogue {

    public static final String RESOURCE_ROOT = "arrival/contracts/";
    private static final EventCatalogue INSTANCE = load();

    private final Map<String, TopicDefinition> topics;
    private final Map<String, EventTypeDefinition> types;
    private final Map<Class<?>, EventTypeDefinition> byPayload;

    private EventCatalogue(Map<String, TopicDefinition> topics, Map<String, EventTypeDefinition> types) {
        this.topics = topics;
        this.types = types;
        this.byPayload = new LinkedHashMap<>();
        types.values().forEach(t -> {
            if (byPayload.put(t.payload(), t) != null) {
                throw new IllegalStateException("payload " + t.payload().getName() + " has two event types");
            }
        });
    }

    public static EventCatalogue instance() {
        return INSTANCE;
    }

    public List<TopicDefinition> topics() {
        return List.copyOf(topics.values());
    }

    public List<EventTypeDefinition> eventTypes() {
        return List.copyOf(types.values());
    }

    public TopicDefinition topic(String name) {
        TopicDefinition topic = topics.get(name);
        if (topic == null) {
            throw new IllegalArgumentException("no topic " + name + " in the catalogue");
        }
        return topic;
    }

    public Optional<EventTypeDefinition> findType(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public EventTypeDefinition type(String type) {
        return findType(type)
                .orElseThrow(() -> new IllegalArgumentException("no event type " + type + " in the catalogue"));
    }

    public EventTypeDefinition typeOf(Class<?> payload) {
        EventTypeDefinition type = byPayload.get(payload);
        if (type == null) {
            throw new IllegalArgumentException(payload.getName() + " is not an event payload of the catalogue");
        }
        return type;
    }

    public List<TopicDefinition> topicsOwnedBy(String owner) {
        return topics.values().stream().filter(t -> t.owner().equals(owner)).toList();
    }

    private static EventCatalogue load() {
        JsonNode root;
        try (InputStream in = resource("catalogue.yaml")) {
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, EventTypeDefinition> types = new LinkedHashMap<>();
        for (JsonNode t : root.path("eventTypes")) {
            String name = t.path("type").asString();
            EventTypeDefinition def = new EventTypeDefinition(
                    name,
                    t.path("topic").asString(),
                    t.path("schema").asString(),
                    t.path("examples").asString(),
                    payloadClass(t.path("payload").asString()),
                    t.path("description").asString());
            if (types.put(name, def) != null) {
                throw new IllegalStateException("event type " + name + " listed twice");
            }
        }
        Map<String, TopicDefinition> topics = new LinkedHashMap<>();
        for (JsonNode t : root.path("topics")) {
            String name = t.path("name").asString();
            List<String> onTopic = types.values().stream()
                    .filter(e -> e.topic().equals(name))
                    .map(EventTypeDefinition::type)
                    .toList();
            topics.put(
                    name,
                    new TopicDefinition(
                            name,
                            t.path("owner").asString(),
                            t.path("key").asString(),
                            t.path("partitions").asInt(),
                            t.path("retentionMs").asLong(),
                            t.path("cleanupPolicy").asString(),
                            t.path("description").asString(),
                            onTopic));
        }
        types.values().forEach(e -> {
            if (!topics.containsKey(e.topic())) {
                throw new IllegalStateException(e.type() + " travels on unknown topic " + e.topic());
            }
        });
        return new EventCatalogue(topics, types);
    }

    private static Class<?> payloadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("payload class " + name + " not found", e);
        }
    }

    /** Opens a contract resource (schema, example, catalogue) relative to {@link #RESOURCE_ROOT}. */
    public static InputStream resource(String relativePath) {
        InputStream in = EventCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + relativePath);
        if (in == null) {
            throw new IllegalArgumentException("no contract resource " + relativePath);
        }
        return in;
    }
}
