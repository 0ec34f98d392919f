package org.arrival.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;

/** Realistic payloads from the contracts' golden examples, varied by stakeholder id, version and reason. */
public final class Payloads {

    public static final String REGISTERED_EXAMPLE =
            "examples/registry/StakeholderRegistered.v1/001-city-authority.json";
    public static final String SUSPENDED_EXAMPLE =
            "examples/registry/StakeholderSuspended.v1/001-international-ngo.json";

    private static final StakeholderRegistered REGISTERED =
            EventJson.read(bytes(REGISTERED_EXAMPLE), StakeholderRegistered.class);
    private static final StakeholderSuspended SUSPENDED =
            EventJson.read(bytes(SUSPENDED_EXAMPLE), StakeholderSuspended.class);

    private Payloads() {}

    public static byte[] bytes(String example) {
        try (InputStream in = EventCatalogue.resource(example)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StakeholderRegistered registered(UUID stakeholderId) {
        return new StakeholderRegistered(
                stakeholder(REGISTERED.stakeholder(), stakeholderId, 1), REGISTERED.actor(), REGISTERED.reason());
    }

    public static StakeholderRegistered registeredExample() {
        return REGISTERED;
    }

    /** A suspension carrying a sequence number as the stakeholder's version and in the reason. */
    public static StakeholderSuspended suspended(UUID stakeholderId, long sequence) {
        return new StakeholderSuspended(
                stakeholder(SUSPENDED.stakeholder(), stakeholderId, sequence), SUSPENDED.actor(), "seq=" + sequence);
    }

    /** The sequence number of a payload made by {@link #suspended(UUID, long)}. */
    public static long sequenceOf(byte[] payload) {
        return EventJson.read(payload, StakeholderSuspended.class).stakeholder().version();
    }

    public static Stakeholder stakeholder(Stakeholder s, UUID id, long version) {
        return new Stakeholder(
                id,
                version,
                s.name(),
                s.acronym(),
                s.type(),
                s.governmentLevel(),
                s.jurisdiction(),
                s.sectors(),
                s.externalIdentifiers(),
                s.enforcementBody(),
                s.formalStatus(),
                s.hiddenFromEnforcementBodies(),
                s.contact(),
                s.status());
    }
}
