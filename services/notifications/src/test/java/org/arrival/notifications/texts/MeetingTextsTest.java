package org.arrival.notifications.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.contracts.registry.Meeting;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.notifications.records.KnownRecord;
import org.arrival.notifications.routing.Wording;
import org.junit.jupiter.api.Test;

/** What the forum's meetings and assigned work tell people, in each of the four languages, from their parameters. */
class MeetingTextsTest {

    static final Texts TEXTS = TextsBundlesTest.TEXTS;
    static final List<Locale> LANGUAGES = FlagFindingsTest.LANGUAGES;
    static final UUID FORUM = UUID.randomUUID();
    static final UUID ASSIGNEE = UUID.randomUUID();

    static Notice describe(Object payload, String kind) {
        return Wording.describe(
                payload,
                KnownRecord.stub(UUID.randomUUID(), kind, null, DataClassification.FORUM),
                null,
                id -> ASSIGNEE.equals(id) ? "Refugee Law Project" : null,
                id -> FORUM.equals(id) ? "Kampala coordination forum" : null);
    }

    static Assignment assignment(AssignmentStatus status, String reason) {
        return new Assignment(
                UUID.randomUUID(),
                1,
                FORUM,
                UUID.randomUUID(),
                ASSIGNEE,
                "Open a night shelter",
                LocalDate.of(2026, 12, 15),
                status,
                null,
                reason);
    }

    @Test
    void meetingsAndAssignedWorkAreWordedInEveryLanguageWithTheirNamesDatesAndReasons() {
        Actor actor = new Actor("secretary", UUID.randomUUID());
        Map<String, Notice> notices = Map.of(
                "AssignmentMade",
                describe(new AssignmentMade(assignment(AssignmentStatus.OPEN, null), actor), "ASSIGNMENT"),
                "AssignmentDeclined",
                describe(
                        new AssignmentDeclined(assignment(AssignmentStatus.DECLINED, "No staff there."), actor),
                        "ASSIGNMENT"),
                "AssignmentOverdue",
                describe(new AssignmentOverdue(assignment(AssignmentStatus.OPEN, null), 2), "ASSIGNMENT"),
                "MeetingScheduled",
                describe(
                        new MeetingScheduled(
                                new Meeting(
                                        UUID.randomUUID(),
                                        1,
                                        FORUM,
                                        "Quarterly review",
                                        LocalDate.of(2027, 1, 14),
                                        "10:00",
                                        "City Hall",
                                        null,
                                        List.of(new AgendaItem(UUID.randomUUID(), "Shelter", null, List.of(), null)),
                                        List.of(),
                                        null,
                                        MeetingStatus.SCHEDULED,
                                        null),
                                actor),
                        "MEETING"));
        for (Map.Entry<String, Notice> e : notices.entrySet()) {
            Notice notice = e.getValue();
            assertThat(notice.code()).isEqualTo(e.getKey());
            for (Locale language : LANGUAGES) {
                String title = TEXTS.title(language, notice);
                String body = TEXTS.body(language, notice);
                assertThat(title)
                        .as("%s in %s", e.getKey(), language)
                        .contains("Kampala coordination forum")
                        .doesNotContain("{");
                assertThat(body).as("%s in %s", e.getKey(), language).doesNotContain("{");
                if (e.getKey().startsWith("Assignment")) {
                    assertThat(title).as("%s in %s", e.getKey(), language).contains("Refugee Law Project");
                    assertThat(body).contains("Open a night shelter");
                }
                if (!language.equals(Locale.ENGLISH)) {
                    assertThat(title).isNotEqualTo(TEXTS.title(Locale.ENGLISH, notice));
                }
            }
        }
        Notice declined = notices.get("AssignmentDeclined");
        assertThat(TEXTS.body(Locale.forLanguageTag("es"), declined)).endsWith("Motivo: No staff there.");
        assertThat(TEXTS.title(Locale.FRENCH, notices.get("MeetingScheduled")))
                .isEqualTo(
                        "« Kampala coordination forum » a prévu une réunion le 14 janv. 2027 : « Quarterly review »");
        assertThat(TEXTS.body(Locale.forLanguageTag("ar"), notices.get("AssignmentOverdue")))
                .contains("يومان");
    }
}
