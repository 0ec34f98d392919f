package org.arrival.notifications.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.junit.jupiter.api.Test;

/**
 * Needs and estimates shared with forums reach those forums' members; older events without forums reach the owner;
 * flags are records of their forum; every id a payload names is found.
 */
class EventInterpreterTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID forum = UUID.randomUUID();
    private final Jurisdiction kampala = new Jurisdiction("UG", "UG-C", null, "Kampala");

    @Test
    void aNeedCarriesTheForumsItIsSharedWith() {
        Need need = new Need(
                UUID.randomUUID(),
                1,
                owner,
                "Refugee children are out of school",
                Sector.EDUCATION,
                List.of(PopulationGroup.REFUGEES),
                kampala,
                Severity.HIGH,
                null,
                null,
                null,
                NeedStatus.IDENTIFIED,
                null,
                List.of(forum));
        KnownRecord record = EventInterpreter.interpret(event(
                        "org.arrival.assessments.NeedIdentified.v1",
                        need.needId(),
                        new NeedIdentified(need, new Actor("u", owner))))
                .record();
        assertThat(record.forums()).containsExactly(forum);
        assertThat(record.classification()).isEqualTo(DataClassification.FORUM);
    }

    @Test
    void anEstimateWithoutForumsIsSharedWithNone() {
        PopulationEstimate estimate = new PopulationEstimate(
                UUID.randomUUID(),
                1,
                owner,
                null,
                kampala,
                PopulationGroup.REFUGEES,
                Count.of(100_000),
                Count.of(300_000),
                null,
                "registration",
                null,
                java.time.LocalDate.of(2026, 6, 30),
                null);
        KnownRecord record = EventInterpreter.interpret(event(
                        "org.arrival.assessments.PopulationEstimateRecorded.v1",
                        estimate.estimateId(),
                        new PopulationEstimateRecorded(estimate, new Actor("u", owner))))
                .record();
        assertThat(record.forums()).isEmpty();
    }

    @Test
    void aCoherenceFlagIsARecordOfItsForumThatRelatesToTheRecordsItNames() {
        UUID flagId = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        RecordEvent read = EventInterpreter.interpret(event(
                "org.arrival.forum.CoherenceFlagRaised.v1",
                flagId,
                new CoherenceFlagRaised(
                        new CoherenceFlag(
                                flagId,
                                1,
                                forum,
                                CoherenceCheckCode.NEED_WITHOUT_ACTION,
                                List.of(need),
                                "Validated need 'Safe shelter' has no action addressing it.",
                                FlagStatus.OPEN,
                                null),
                        null)));
        assertThat(read.record().kind()).isEqualTo("FLAG");
        assertThat(read.record().ownerId()).isEqualTo(owner);
        assertThat(read.record().forums()).containsExactly(forum);
        assertThat(read.relatedIds()).contains(flagId, forum, need);
    }

    @Test
    void everyIdThePayloadNamesIsFoundAtAnyDepth() {
        UUID participant = UUID.randomUUID();
        UUID actionId = UUID.randomUUID();
        Action action = new Action(
                actionId,
                1,
                owner,
                null,
                "Health escorts",
                null,
                ActionKind.SERVICE,
                List.of(),
                List.of(),
                List.of(kampala),
                null,
                null,
                null,
                List.of(new Participant(participant, ParticipantRole.IMPLEMENTING)),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(forum),
                ActionStatus.PROPOSED,
                null);
        RecordEvent read = EventInterpreter.interpret(event(
                "org.arrival.actionplans.ActionProposed.v1",
                actionId,
                new ActionProposed(action, new Actor("u", owner))));
        assertThat(read.namedIds()).containsExactlyInAnyOrder(actionId, owner, participant, forum);
    }

    private InboundEvent event(String type, UUID subject, Object payload) {
        return new InboundEvent(
                UUID.randomUUID().toString(),
                type,
                "/arrival/assessments",
                subject.toString(),
                Instant.now(),
                owner,
                DataClassification.FORUM,
                "t",
                0,
                0,
                subject.toString(),
                EventJson.write(payload));
    }
}
