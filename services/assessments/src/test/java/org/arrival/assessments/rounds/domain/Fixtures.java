package org.arrival.assessments.rounds.domain;

import java.util.List;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.ChecklistAction;
import org.arrival.assessments.checklist.domain.Citation;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.domain.Question;
import org.arrival.assessments.checklist.domain.Recommendation;
import org.arrival.assessments.checklist.domain.Theme;
import org.arrival.contracts.common.Jurisdiction;

/**
 * A small instrument for hand-computed scores: R1 = 1.1 (1.1.a, 1.1.b) + 1.2 (1.2.a), max 6; R2 = 2.1 (2.1.a,
 * 2.1.b, 2.1.c), max 6; overall max 12.
 */
final class Fixtures {

    static final UUID MINISTRY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID NGO = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID ASSOCIATION = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    static final UUID CITY = UUID.fromString("00000000-0000-0000-0000-0000000000d4");

    private Fixtures() {}

    static Instrument instrument() {
        return new Instrument(
                "test-checklist",
                1,
                "Test checklist",
                new Citation("Test", 2024, "Test", "T/1"),
                List.of(
                        new Recommendation(
                                "R1",
                                1,
                                "Evidence",
                                Theme.DATA_MANAGEMENT_AND_PLANNING,
                                null,
                                List.of(action("1.1", "1.1.a", "1.1.b"), action("1.2", "1.2.a"))),
                        new Recommendation(
                                "R2",
                                2,
                                "Planning",
                                Theme.DATA_MANAGEMENT_AND_PLANNING,
                                null,
                                List.of(action("2.1", "2.1.a", "2.1.b", "2.1.c")))));
    }

    private static ChecklistAction action(String code, String... questions) {
        return new ChecklistAction(
                code,
                "Action " + code,
                List.of(),
                null,
                java.util.Arrays.stream(questions)
                        .map(q -> new Question(q, "Question " + q + "?"))
                        .toList());
    }

    static RoundProfile profile(List<UUID> respondents) {
        return new RoundProfile(
                "Kampala readiness 2026",
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                CITY,
                respondents,
                null,
                List.of());
    }
}
