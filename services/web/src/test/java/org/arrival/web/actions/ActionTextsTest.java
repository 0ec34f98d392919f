package org.arrival.web.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.web.layout.Messages;
import org.junit.jupiter.api.Test;

/**
 * The texts the action pages build from codes (a lifecycle step's button, a classification's explanation, a
 * contribution's hint, an order, a field's label) exist in every language: the bundles test checks only the texts a
 * template names in full.
 */
class ActionTextsTest {

    static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

    final Messages messages = new Messages();

    @Test
    void everyKeyBuiltFromACodeHasATextInEveryLanguage() {
        List<String> keys = new ArrayList<>();
        for (ActionStatus from : ActionStatus.values()) {
            for (String to : Lifecycle.next(from.name())) {
                keys.add(Lifecycle.stepKey(from.name(), to));
            }
        }
        for (DataClassification level : DataClassification.values()) {
            keys.add("actions.classification.explain." + level.name());
        }
        for (ContributionKind kind : ContributionKind.values()) {
            keys.add("actions.contribution.hint." + kind.name());
            keys.add("actions.contribution.symbol." + kind.name());
            keys.add("actions.contribution.done." + kind.name());
        }
        for (String step : List.of("reach", "miss", "cancel", "scheduled", "saved")) {
            keys.add("actions.milestone.done." + step);
        }
        for (String sort : OurActions.SORTS) {
            keys.add("actions.ours.sort." + sort);
        }
        for (String field : ActionFieldText.FIELDS) {
            keys.add("actions.form.field." + field);
        }
        keys.add("actions.form.field.status");
        for (String part : List.of("areaName", "country", "subdivision", "areaCode")) {
            keys.add("actions.form.field.areas." + part);
        }
        for (Locale language : LANGUAGES) {
            for (String key : keys) {
                assertThat(messages.has(language, key))
                        .as("%s in %s", key, language)
                        .isTrue();
            }
        }
    }

    @Test
    void theStepsOfferedAreTheServicesTransitions() {
        assertThat(Lifecycle.next("PROPOSED")).containsExactly("COMMITTED", "CANCELLED");
        assertThat(Lifecycle.next("IN_PROGRESS")).containsExactly("ON_HOLD", "COMPLETED", "CANCELLED");
        assertThat(Lifecycle.next("COMPLETED")).containsExactly("EVALUATED");
        assertThat(Lifecycle.next("CANCELLED")).isEmpty();
        assertThat(Lifecycle.stepKey("ON_HOLD", "IN_PROGRESS")).isEqualTo("actions.lifecycle.step.RESUME");
        assertThat(Lifecycle.open("EVALUATED")).isFalse();
        assertThat(Lifecycle.reportable("PROPOSED")).isFalse();
        assertThat(Lifecycle.reportable("COMPLETED")).isTrue();
    }

    @Test
    void aPlannedMilestoneIsLateFromTheDayAfterItsDueDateUnlessTheServiceSaysOtherwise() {
        var today = java.time.LocalDate.of(2026, 12, 6);
        var planned = new org.arrival.web.api.actionplans.ActionPlansApi.Milestone(
                null, 1, null, "m", java.time.LocalDate.of(2026, 12, 5), null, "PLANNED", null, null);
        assertThat(ActionViews.daysLate(planned, today)).isEqualTo(1L);
        var dueToday = new org.arrival.web.api.actionplans.ActionPlansApi.Milestone(
                null, 1, null, "m", today, null, "PLANNED", null, null);
        assertThat(ActionViews.daysLate(dueToday, today)).isNull();
        var reached = new org.arrival.web.api.actionplans.ActionPlansApi.Milestone(
                null, 1, null, "m", java.time.LocalDate.of(2026, 11, 1), today, "REACHED", null, null);
        assertThat(ActionViews.daysLate(reached, today)).isNull();
        // the service's own reading wins: it knows when an action has ended
        var saidNotLate = new org.arrival.web.api.actionplans.ActionPlansApi.Milestone(
                null, 1, null, "m", java.time.LocalDate.of(2026, 11, 1), null, "PLANNED", false, null);
        assertThat(ActionViews.daysLate(saidNotLate, today)).isNull();
        var saidLate = new org.arrival.web.api.actionplans.ActionPlansApi.Milestone(
                null, 1, null, "m", java.time.LocalDate.of(2026, 11, 1), null, "PLANNED", true, 35L);
        assertThat(ActionViews.daysLate(saidLate, today)).isEqualTo(35L);
    }
}
