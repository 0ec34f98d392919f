package org.arrival.forum.projection.domain;

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
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.assessments.ActionScore;
import org.arrival.contracts.assessments.AssessmentRound;
import org.arrival.contracts.assessments.ChecklistScoresPublished;
import org.arrival.contracts.assessments.RecommendationScore;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.contracts.assessments.Score;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.forum.projection.domain.Rows.ScorePart;
import org.arrival.forum.views.ForumViews;
import org.arrival.forum.views.ForumViews.Readiness;
import org.junit.jupiter.api.Test;

/**
 * Published scores are projected with their coverage (how much of the checklist was assessed), and readiness judges
 * a score out of what was assessed; scores published before they carried coverage are read as before.
 */
class ScoresProjectorTest {

    private static final EventTypeDefinition TYPE = EventCatalogue.instance().typeOf(ChecklistScoresPublished.class);
    private static final Jurisdiction KAMPALA = new Jurisdiction("UG", "UG-C", "UG102", "Kampala");

    private final InMemoryStore store = new InMemoryStore();
    private final UUID forum = UUID.randomUUID();
    private final UUID city = UUID.randomUUID();
    private long offset;

    private UUID publish(Score overall, Score r1, Score r2) {
        UUID id = UUID.randomUUID();
        AssessmentRound round = new AssessmentRound(
                id,
                4,
                "Kampala readiness",
                KAMPALA,
                city,
                List.of(city),
                "checklist",
                1,
                null,
                List.of(forum),
                RoundStatus.PUBLISHED);
        ChecklistScoresPublished published = new ChecklistScoresPublished(
                round,
                overall,
                List.of(
                        new RecommendationScore("R1", r1, List.of(new ActionScore("1.1", r1))),
                        new RecommendationScore("R2", r2, List.of(new ActionScore("2.1", r2)))),
                List.of(),
                2,
                new Actor("u", city));
        apply(id, EventJson.write(published));
        return id;
    }

    private void apply(UUID id, byte[] payload) {
        Projector.apply(
                store,
                new ProjectedEvent(
                        UUID.randomUUID().toString(),
                        TYPE.type(),
                        id.toString(),
                        id.toString(),
                        city,
                        DataClassification.FORUM,
                        Instant.parse("2026-06-01T10:00:00Z"),
                        TYPE.topic(),
                        0,
                        offset++,
                        payload));
    }

    private Readiness readiness(RoundScoreRow row) {
        return new ForumViews(store, null, null, LocalDate.of(2026, 6, 2)).readiness(List.of(row), r -> List.of());
    }

    @Test
    void theCoverageOfEachScoreIsProjectedAndReadinessIsOutOfWhatWasAssessed() {
        UUID id = publish(new Score(84, 190, 120, 60, 95), new Score(10, 20, 12, 6, 10), new Score(0, 18, 0, 0, 9));
        RoundScoreRow row = store.round(id).orElseThrow();
        assertThat(row.overallPoints).isEqualTo(84.0);
        assertThat(row.overallMax).isEqualTo(190);
        assertThat(row.overallAssessedMax).isEqualTo(120);
        assertThat(row.overallQuestionsAssessed).isEqualTo(60);
        assertThat(row.overallQuestions).isEqualTo(95);
        ScorePart r1 = row.recommendations.get(0);
        assertThat(r1.code).isEqualTo("R1");
        assertThat(r1.assessedMax).isEqualTo(12);
        assertThat(r1.questionsAssessed).isEqualTo(6);
        assertThat(r1.questions).isEqualTo(10);
        assertThat(row.recommendations.get(1).questionsAssessed).isZero();

        Readiness readiness = readiness(row);
        assertThat(readiness.latest()).isNotNull();
        assertThat(readiness.latest().percent()).as("84 of the 120 assessed").isEqualTo(70.0);
        assertThat(readiness.latest().max()).isEqualTo(190);
        assertThat(readiness.latest().assessedMax()).isEqualTo(120);
        assertThat(readiness.latest().questionsAssessed()).isEqualTo(60);
        assertThat(readiness.latest().questions()).isEqualTo(95);
        assertThat(readiness.recommendations().get(0))
                .containsEntry("code", "R1")
                .containsEntry("points", 10.0)
                .containsEntry("max", 20)
                .containsEntry("assessedMax", 12)
                .containsEntry("questionsAssessed", 6)
                .containsEntry("questions", 10);
        assertThat(readiness.recommendations().get(1)).containsEntry("assessedMax", 0);
    }

    @Test
    void aRoundWithNothingAssessedHasNoPercent() {
        UUID id = publish(new Score(0, 190, 0, 0, 95), new Score(0, 20, 0, 0, 10), new Score(0, 18, 0, 0, 9));
        assertThat(readiness(store.round(id).orElseThrow()).latest().percent()).isNull();
    }

    @Test
    void scoresPublishedBeforeTheyCarriedCoverageReadAsBefore() {
        UUID id = UUID.randomUUID();
        String older = """
                {"round":{"roundId":"%s","version":4,"title":"Kampala readiness 2025",
                  "jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},"convenorId":"%s",
                  "respondentIds":["%s"],"instrumentId":"checklist","instrumentVersion":1,"sharedWithForums":["%s"],
                  "status":"PUBLISHED"},
                 "overall":{"points":95.0,"max":190},
                 "recommendations":[{"code":"R1","score":{"points":10.0,"max":20},
                   "actions":[{"code":"1.1","score":{"points":10.0,"max":20}}]}],
                 "divergentQuestions":[],"respondents":1,"actor":{"userId":"u","organisationId":"%s"}}""".formatted(id, city, city, forum, city);
        apply(id, older.getBytes(StandardCharsets.UTF_8));
        RoundScoreRow row = store.round(id).orElseThrow();
        assertThat(row.overallMax).isEqualTo(190);
        assertThat(row.overallAssessedMax).isNull();
        assertThat(row.overallQuestionsAssessed).isNull();
        assertThat(row.recommendations.get(0).assessedMax).isNull();
        Readiness readiness = readiness(row);
        assertThat(readiness.latest().percent()).as("out of the maximum").isEqualTo(50.0);
        assertThat(readiness.latest().assessedMax()).isNull();
        Map<String, Object> r1 = readiness.recommendations().get(0);
        assertThat(r1).containsEntry("max", 20).containsEntry("assessedMax", null);
    }
}
