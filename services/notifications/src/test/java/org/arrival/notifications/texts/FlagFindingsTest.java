package org.arrival.notifications.texts;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.notifications.records.KnownRecord;
import org.arrival.notifications.routing.Wording;
import org.junit.jupiter.api.Test;

/**
 * The findings of the forum's checks of policy coherence, worded in every language from the parameters the checks
 * send (as {@code PolicyChecks} builds them), not from the English summary.
 */
class FlagFindingsTest {

    static final Texts TEXTS = TextsBundlesTest.TEXTS;
    static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));
    static final String SUMMARY = "The English summary.";

    static FlaggedRecord record(FlaggedRecordKind kind, String title) {
        return new FlaggedRecord(UUID.randomUUID(), kind, title);
    }

    static Notice raised(CoherenceCheckCode check, CoherenceFlagParameters parameters, FlagSeverity severity) {
        UUID flagId = UUID.randomUUID();
        CoherenceFlag flag = new CoherenceFlag(
                flagId,
                1,
                UUID.randomUUID(),
                check,
                parameters.records() == null
                        ? List.of()
                        : parameters.records().stream()
                                .map(FlaggedRecord::recordId)
                                .toList(),
                SUMMARY,
                FlagStatus.OPEN,
                null,
                parameters,
                severity);
        return Wording.describe(
                new CoherenceFlagRaised(flag, null),
                KnownRecord.stub(flagId, "FLAG", null, DataClassification.FORUM),
                null,
                id -> null);
    }

    static String number(Locale locale, long n) {
        return NumberFormat.getInstance(ULocale.forLocale(locale)).format(n);
    }

    @Test
    void anUndercountIsWordedWithItsNumbersInEnglishAndFrench() {
        Notice undercount = raised(
                CoherenceCheckCode.UNDERCOUNT,
                CoherenceFlagParameters.naming(
                                List.of(record(FlaggedRecordKind.POPULATION_ESTIMATE, "REFUGEES, Kampala, 2026-03-31")))
                        .withPlace(null, List.of(PopulationGroup.REFUGEES), List.of("Kampala"))
                        .withCounts(4000L, 12500L),
                FlagSeverity.HIGH);
        assertThat(undercount.parameters())
                .containsEntry("check", "UNDERCOUNT")
                .containsEntry("flagSeverity", "HIGH")
                .containsEntry("registered", 4000L)
                .containsEntry("estimated", 12500L);

        assertThat(TEXTS.title(Locale.ENGLISH, undercount)).isEqualTo("A coherence check raised a flag: Undercount");
        assertThat(TEXTS.body(Locale.ENGLISH, undercount))
                .isEqualTo("Refugees in Kampala: 12,500 estimated against 4,000 registered; services sized on the "
                        + "registered figure would fall short.\nSeverity: High.");

        assertThat(TEXTS.title(Locale.FRENCH, undercount))
                .isEqualTo("Un contrôle de cohérence a émis un signalement : Sous-dénombrement");
        assertThat(TEXTS.body(Locale.FRENCH, undercount))
                .startsWith("Réfugiés à Kampala : " + number(Locale.FRENCH, 12500) + " selon les estimations, contre "
                        + number(Locale.FRENCH, 4000) + " enregistrés ;")
                .endsWith("\nGravité : Élevée.")
                .doesNotContain(SUMMARY);
    }

    @Test
    void everyCheckOfPolicyCoherenceIsWordedInEveryLanguageFromItsParameters() {
        FlaggedRecord action = record(FlaggedRecordKind.ACTION, "Cash for new arrivals");
        FlaggedRecord need = record(FlaggedRecordKind.NEED, "Clinic hours for host families");
        FlaggedRecord plan = record(FlaggedRecordKind.PLAN, "Kampala health strategy");
        FlaggedRecord estimate = record(FlaggedRecordKind.POPULATION_ESTIMATE, "REFUGEES, Arua, 2026-01-31");
        FlaggedRecord earlier = record(FlaggedRecordKind.ROUND, "Kampala 2025");
        FlaggedRecord later = record(FlaggedRecordKind.ROUND, "Kampala 2026");
        FlaggedRecord forum = record(FlaggedRecordKind.FORUM, "Kampala coordination forum");
        Map<CoherenceCheckCode, CoherenceFlagParameters> found = new EnumMap<>(CoherenceCheckCode.class);
        found.put(
                CoherenceCheckCode.GAP_WITHOUT_ACTION,
                new CoherenceFlagParameters(
                                List.of(record(FlaggedRecordKind.GAP, "3.3.1"), record(FlaggedRecordKind.GAP, "3.3.4")),
                                null,
                                null,
                                List.of("Kampala"),
                                null,
                                null,
                                null,
                                null,
                                null)
                        .withChecklist("3.3", List.of("3.3.1", "3.3.4"), "R3"));
        found.put(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE, CoherenceFlagParameters.naming(List.of(action)));
        found.put(
                CoherenceCheckCode.PARALLEL_HUMANITARIAN_STRUCTURE,
                CoherenceFlagParameters.naming(List.of(action, plan)).withPlace(null, null, List.of("Kisenyi")));
        found.put(
                CoherenceCheckCode.HOST_COMMUNITY_LEFT_OUT,
                CoherenceFlagParameters.naming(List.of(action, need))
                        .withPlace(
                                List.of(Sector.HEALTH),
                                List.of(PopulationGroup.REFUGEES, PopulationGroup.ASYLUM_SEEKERS),
                                List.of("Kisenyi")));
        found.put(
                CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN,
                CoherenceFlagParameters.naming(List.of(plan))
                        .withPlace(null, null, List.of("Kampala"))
                        .withMissing(List.of("MIGRANTS_BUDGETED", "STAFF_TRAINED")));
        found.put(
                CoherenceCheckCode.SMALL_CITY_LEFT_OUT,
                CoherenceFlagParameters.naming(List.of(estimate))
                        .withPlace(null, null, List.of("Arua", "Kampala"))
                        .withCounts(null, 3200L));
        found.put(
                CoherenceCheckCode.UNDERCOUNT,
                CoherenceFlagParameters.naming(List.of(estimate))
                        .withPlace(null, List.of(PopulationGroup.REFUGEES), List.of("Arua"))
                        .withCounts(1000L, 3200L));
        found.put(
                CoherenceCheckCode.STALE_EVIDENCE,
                CoherenceFlagParameters.naming(List.of(estimate))
                        .withPlace(null, List.of(PopulationGroup.REFUGEES), List.of("Arua"))
                        .withDates(LocalDate.of(2023, 1, 31), 730));
        found.put(
                CoherenceCheckCode.DISAGGREGATION_GAP,
                CoherenceFlagParameters.naming(List.of(estimate))
                        .withPlace(null, List.of(PopulationGroup.REFUGEES), List.of("Arua"))
                        .withMissing(List.of("SEX", "AGE_BAND")));
        found.put(
                CoherenceCheckCode.TRANSITION_GAP,
                new CoherenceFlagParameters(
                                List.of(action, need),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                LocalDate.of(2026, 9, 30),
                                null)
                        .withDates(null, 90));
        found.put(
                CoherenceCheckCode.FRAMEWORK_COVERAGE_GAP,
                CoherenceFlagParameters.naming(List.of(forum)).withFrameworkItem("GCM-15"));
        found.put(
                CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED,
                CoherenceFlagParameters.naming(List.of(
                                record(FlaggedRecordKind.ASSIGNMENT, "Open a night shelter in Kisenyi"),
                                record(FlaggedRecordKind.ORGANISATION, "Refugee Law Project")))
                        .withReport(null, null, LocalDate.of(2026, 11, 30), 6));
        found.put(
                CoherenceCheckCode.CHECKLIST_REGRESSION,
                CoherenceFlagParameters.naming(List.of(earlier, later))
                        .withPlace(null, null, List.of("Kampala"))
                        .withChecklist(null, null, "R2")
                        .withPercents(80, 55));

        for (Map.Entry<CoherenceCheckCode, CoherenceFlagParameters> f : found.entrySet()) {
            Notice notice = raised(f.getKey(), f.getValue(), FlagSeverity.MEDIUM);
            for (Locale language : LANGUAGES) {
                String body = TEXTS.body(language, notice);
                assertThat(body)
                        .as("%s in %s", f.getKey(), language)
                        .doesNotContain(SUMMARY)
                        .doesNotContain("{")
                        .contains(TEXTS.label(language, "FlagSeverity", "MEDIUM"));
                assertThat(TEXTS.title(language, notice))
                        .as("%s in %s", f.getKey(), language)
                        .contains(TEXTS.label(
                                language, "CoherenceCheckCode", f.getKey().name()));
            }
        }

        assertThat(TEXTS.body(
                        Locale.ENGLISH,
                        raised(
                                CoherenceCheckCode.GAP_WITHOUT_ACTION,
                                found.get(CoherenceCheckCode.GAP_WITHOUT_ACTION),
                                FlagSeverity.MEDIUM)))
                .startsWith("Checklist action 3.3 (Kampala) has gaps no action answers, at questions 3.3.1 and 3.3.4.");
        assertThat(TEXTS.body(
                        Locale.ENGLISH,
                        raised(
                                CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN,
                                found.get(CoherenceCheckCode.MIGRANTS_MISSING_FROM_PLAN),
                                FlagSeverity.HIGH)))
                .startsWith(
                        "Plan “Kampala health strategy” (Kampala) lacks a budget line for migrants and staff trained "
                                + "to serve migrants.");
        assertThat(TEXTS.body(
                        Locale.FRENCH,
                        raised(
                                CoherenceCheckCode.DISAGGREGATION_GAP,
                                found.get(CoherenceCheckCode.DISAGGREGATION_GAP),
                                FlagSeverity.LOW)))
                .startsWith(
                        "L’estimation de population (Réfugiés, Arua) n’est pas ventilée par sexe et tranche d’âge.");
        assertThat(TEXTS.body(
                        Locale.ENGLISH,
                        raised(
                                CoherenceCheckCode.CHECKLIST_REGRESSION,
                                found.get(CoherenceCheckCode.CHECKLIST_REGRESSION),
                                FlagSeverity.MEDIUM)))
                .startsWith("The score of checklist recommendation R2 fell from 80% to 55% between the rounds "
                        + "“Kampala 2025” and “Kampala 2026” (Kampala).");
    }

    @Test
    void assignedWorkNotTakenOnIsWordedWithTheAssigneeAndTheWork() {
        Notice notice = raised(
                CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED,
                CoherenceFlagParameters.naming(List.of(
                        record(FlaggedRecordKind.ASSIGNMENT, "Open a night shelter"),
                        record(FlaggedRecordKind.ORGANISATION, "Refugee Law Project"))),
                FlagSeverity.MEDIUM);
        assertThat(TEXTS.title(Locale.ENGLISH, notice))
                .isEqualTo("A coherence check raised a flag: Assigned work not taken on");
        assertThat(TEXTS.body(Locale.ENGLISH, notice))
                .startsWith("Refugee Law Project has neither accepted nor declined the work “Open a night shelter” a "
                        + "decision of the forum gave it, and its due date has passed.");
        assertThat(TEXTS.body(Locale.FRENCH, notice))
                .startsWith("Refugee Law Project n’a ni accepté ni refusé la tâche « Open a night shelter »");
    }

    @Test
    void staleEvidenceIsWordedForAnEstimateAndForAChecklistRound() {
        Notice round = raised(
                CoherenceCheckCode.STALE_EVIDENCE,
                CoherenceFlagParameters.naming(List.of(record(FlaggedRecordKind.ROUND, "Kampala 2023")))
                        .withPlace(null, null, List.of("Kampala"))
                        .withDates(LocalDate.of(2023, 3, 1), 730),
                FlagSeverity.LOW);
        assertThat(TEXTS.body(Locale.ENGLISH, round))
                .startsWith("The latest checklist round of Kampala, “Kampala 2023”, was published on Mar 1, 2023, "
                        + "more than 730 days ago.");
        Notice estimate = raised(
                CoherenceCheckCode.STALE_EVIDENCE,
                CoherenceFlagParameters.naming(
                                List.of(record(FlaggedRecordKind.POPULATION_ESTIMATE, "REFUGEES, Arua, 2023-01-31")))
                        .withPlace(null, List.of(PopulationGroup.REFUGEES), List.of("Arua"))
                        .withDates(LocalDate.of(2023, 1, 31), 365),
                FlagSeverity.LOW);
        assertThat(TEXTS.body(Locale.FRENCH, estimate))
                .startsWith("La dernière estimation de population pour Arua date du 31 janv. 2023, il y a plus de 365 "
                        + "jours.");
    }

    @Test
    void aGapOfOneQuestionAndAFlagWithoutSeverityAreWordedToo() {
        Notice one = raised(
                CoherenceCheckCode.GAP_WITHOUT_ACTION,
                new CoherenceFlagParameters(
                                List.of(record(FlaggedRecordKind.GAP, "1.2.3")),
                                null,
                                null,
                                List.of("Kampala"),
                                "1.2.3",
                                null,
                                null,
                                null,
                                null)
                        .withChecklist("1.2", List.of("1.2.3"), "R1"),
                FlagSeverity.MEDIUM);
        assertThat(TEXTS.body(Locale.forLanguageTag("es"), one))
                .startsWith(
                        "La acción 1.2 de la lista de verificación (Kampala) tiene brechas a las que ninguna acción "
                                + "responde, en la pregunta 1.2.3.");
        // a flag raised before severities: no severity line
        Notice old = new Notice(
                "CoherenceFlagRaised",
                Map.of("check", "ACTION_WITHOUT_FUNDING", "flagStatus", "OPEN", "title", "Clinic", "summary", "x"));
        assertThat(TEXTS.body(Locale.ENGLISH, old)).isEqualTo("Action “Clinic” has no committed funding.");
    }
}
