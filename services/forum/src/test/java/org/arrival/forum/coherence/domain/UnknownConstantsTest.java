package org.arrival.forum.coherence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.exports.IatiXml;
import org.arrival.forum.projection.domain.InMemoryStore;
import org.arrival.forum.projection.domain.Lateness;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.Projector;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.views.ForumViews;
import org.junit.jupiter.api.Test;

/**
 * Events are read tolerantly: a status, kind or sector this service does not know yet (a newer producer's constant)
 * reads as null. The record is still projected, and the checks, the tracker, the coverage and the exports read it
 * as "none of the known ones" instead of failing on it.
 */
class UnknownConstantsTest {

    static final Jurisdiction KAMPALA = new Jurisdiction("UG", "UG-C", "UG102", "Kampala");
    static final LocalDate TODAY = LocalDate.of(2025, 4, 27);

    final InMemoryStore store = new InMemoryStore();
    final UUID forum = UUID.randomUUID();
    final UUID city = UUID.randomUUID();
    long offset;

    @Test
    void anActionWithAnUnknownStatusIsProjectedAndReadAsNoKnownStatus() {
        seat(city);
        UUID action = UUID.randomUUID();
        apply(
                withUnknown(
                        new ActionProposed(
                                new Action(
                                        action,
                                        1,
                                        city,
                                        null,
                                        "Shelter",
                                        null,
                                        ActionKind.SERVICE,
                                        List.of(Sector.HOUSING),
                                        List.of(PopulationGroup.REFUGEES),
                                        List.of(KAMPALA),
                                        null,
                                        null,
                                        ReportingCadence.QUARTERLY,
                                        List.of(),
                                        null,
                                        false,
                                        List.of(),
                                        null,
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        List.of(forum),
                                        ActionStatus.IN_PROGRESS,
                                        null),
                                new Actor("u", city)),
                        "IN_PROGRESS"),
                ActionProposed.class,
                action);
        apply(
                EventJson.write(new ReportDue(
                        action, city, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 14))),
                ReportDue.class,
                action);
        ActionRow row = store.action(action).orElseThrow();
        assertThat(row.status).isNull();

        assertThat(Lateness.overdueReport(row, TODAY))
                .as("only actions under way report")
                .isNull();
        assertThat(CoherenceChecks.run(store, forum, ActionLinks.NONE, TODAY))
                .extracting(Finding::check)
                .as("an unknown status is not an ended one")
                .containsExactly(
                        org.arrival.contracts.forum.CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                        org.arrival.contracts.forum.CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE);
        assertThat(IatiXml.write(
                        List.of(new IatiXml.Activity(
                                row, new IatiXml.Org("XM-OWN-1", "90", "City"), "Shelter", List.of(), null)),
                        Instant.parse("2025-04-27T00:00:00Z")))
                .as("an unknown status is exported as IATI's pipeline")
                .contains("<activity-status code=\"1\"");
    }

    @Test
    void aNeedWithAnUnknownSectorAndStatusIsProjectedAndShownInTheCoverage() {
        seat(city);
        UUID need = UUID.randomUUID();
        apply(
                withUnknown(
                        withUnknown(
                                new NeedIdentified(
                                        new Need(
                                                need,
                                                1,
                                                city,
                                                "Beds",
                                                Sector.HOUSING,
                                                List.of(PopulationGroup.REFUGEES),
                                                KAMPALA,
                                                Severity.HIGH,
                                                List.of(),
                                                List.of(),
                                                null,
                                                NeedStatus.VALIDATED,
                                                null,
                                                List.of(forum)),
                                        new Actor("u", city)),
                                "HOUSING"),
                        "VALIDATED"),
                NeedIdentified.class,
                need);
        NeedRow row = store.need(need).orElseThrow();
        assertThat(row.sector).isNull();
        assertThat(row.status).isNull();

        assertThat(CoherenceChecks.run(store, forum, ActionLinks.NONE, TODAY))
                .as("not a validated need")
                .isEmpty();
        assertThat(new ForumViews(store, null, null, TODAY).needsCoverage(List.of(row), List.of(), Map.of()))
                .singleElement()
                .satisfies(cell -> {
                    assertThat(cell.sector()).isNull();
                    assertThat(cell.coverage()).isEqualTo("UNCOVERED");
                });
    }

    /** The payload as a newer producer would write it: the constant replaced by one this service does not know. */
    static byte[] withUnknown(Object payload, String constant) {
        return withUnknown(EventJson.write(payload), constant);
    }

    static byte[] withUnknown(byte[] json, String constant) {
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"" + constant + "\"");
        return text.replace("\"" + constant + "\"", "\"SOMETHING_NEWER\"").getBytes(StandardCharsets.UTF_8);
    }

    void apply(byte[] payload, Class<?> type, UUID key) {
        var definition = EventCatalogue.instance().typeOf(type);
        Projector.apply(
                store,
                new ProjectedEvent(
                        UUID.randomUUID().toString(),
                        definition.type(),
                        key.toString(),
                        key.toString(),
                        city,
                        DataClassification.FORUM,
                        Instant.now(),
                        definition.topic(),
                        0,
                        offset++,
                        payload));
    }

    void seat(UUID organisation) {
        ForumRow f = new ForumRow();
        f.id = forum;
        f.version = 1;
        f.name = "Kampala forum";
        f.geographicScope = KAMPALA;
        f.status = "ACTIVE";
        store.save(f);
        MembershipRow m = new MembershipRow();
        m.id = UUID.randomUUID();
        m.version = 1;
        m.forumId = forum;
        m.stakeholderId = organisation;
        m.seat = "MEMBER";
        m.status = "ACTIVE";
        store.save(m);
    }
}
