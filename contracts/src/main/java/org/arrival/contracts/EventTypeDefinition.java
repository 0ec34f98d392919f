package org.arrival.contracts;

/**
 * One versioned event type: the CloudEvents type, the topic it travels on, its JSON Schema
 * (a class-path resource under {@code arrival/contracts/}) and the Java record of its payload.
 */
public record EventTypeDefinition(
        String type, String topic, String schema, String examples, Class<?> payload, String description) {

    /** The version suffix of the type, e.g. {@code 1} for {@code ...StakeholderRegistered.v1}. */
    public int version() {
        int dot = type.lastIndexOf(".v");
        return Integer.parseInt(type.substring(dot + 2));
    }

    /** The type name without namespace and version, e.g. {@code StakeholderRegistered}. */
    public String simpleName() {
        String withoutVersion = type.substring(0, type.lastIndexOf(".v"));
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }
}
