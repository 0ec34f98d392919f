package org.arrival.platform.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderActivated;
import org.arrival.contracts.registry.StakeholderArchived;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.contracts.registry.StakeholderVerified;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the local copy of organisations and forum memberships up to date from the registry's events. Each event
 * carries the record's full state and version, so an older or repeated event never overwrites a newer one.
 */
public class RegistryReplica {

    static final String CONSUMER = "registry-replica";

    private final IdempotentHandling handling;
    private final JdbcTemplate jdbc;

    public RegistryReplica(IdempotentHandling handling, JdbcTemplate jdbc) {
        this.handling = handling;
        this.jdbc = jdbc;
    }

    @KafkaListener(
            topics = {"arrival.registry.stakeholders.v1", "arrival.registry.forums.v1"},
            groupId = "${spring.kafka.consumer.group-id:${spring.application.name}}")
    public void on(ConsumerRecord<String, byte[]> record) {
        handling.handleOnce(CONSUMER, record, this::apply);
    }

    void apply(InboundEvent event) {
        String name = event.type().substring(0, event.type().lastIndexOf(".v"));
        switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "StakeholderRegistered" ->
                upsert(event.payloadAs(StakeholderRegistered.class).stakeholder());
            case "StakeholderUpdated" ->
                upsert(event.payloadAs(StakeholderUpdated.class).stakeholder());
            case "StakeholderVerified" ->
                upsert(event.payloadAs(StakeholderVerified.class).stakeholder());
            case "StakeholderActivated" ->
                upsert(event.payloadAs(StakeholderActivated.class).stakeholder());
            case "StakeholderSuspended" ->
                upsert(event.payloadAs(StakeholderSuspended.class).stakeholder());
            case "StakeholderArchived" ->
                upsert(event.payloadAs(StakeholderArchived.class).stakeholder());
            case "MembershipGranted" ->
                upsert(event.payloadAs(MembershipGranted.class).membership());
            case "MembershipChanged" ->
                upsert(event.payloadAs(MembershipChanged.class).membership());
            case "MembershipEnded" ->
                upsert(event.payloadAs(MembershipEnded.class).membership());
            default -> {
                // forum profile events and types added later are not needed here
            }
        }
    }

    private void upsert(Stakeholder s) {
        jdbc.update(
                """
                INSERT INTO organisation (id, version, name, type, enforcement_body, hidden, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, type = EXCLUDED.type,
                    enforcement_body = EXCLUDED.enforcement_body, hidden = EXCLUDED.hidden, status = EXCLUDED.status,
                    updated_at = now()
                WHERE organisation.version < EXCLUDED.version""",
                s.stakeholderId(),
                s.version(),
                s.name(),
                s.type() == null ? null : s.type().name(),
                s.enforcementBody(),
                s.hiddenFromEnforcementBodies(),
                s.status() == null ? "UNKNOWN" : s.status().name());
    }

    private void upsert(Membership m) {
        jdbc.update(
                """
                INSERT INTO forum_membership (membership_id, version, forum_id, stakeholder_id, active)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (membership_id) DO UPDATE SET version = EXCLUDED.version, active = EXCLUDED.active
                WHERE forum_membership.version < EXCLUDED.version""",
                m.membershipId(),
                m.version(),
                m.forumId(),
                m.stakeholderId(),
                m.status() == MembershipStatus.ACTIVE);
    }
}
