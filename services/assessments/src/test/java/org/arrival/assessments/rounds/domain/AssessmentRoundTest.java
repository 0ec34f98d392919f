package org.arrival.assessments.rounds.domain;

import static org.arrival.assessments.checklist.domain.Answer.Y;
import static org.arrival.assessments.rounds.domain.Fixtures.ASSOCIATION;
import static org.arrival.assessments.rounds.domain.Fixtures.MINISTRY;
import static org.arrival.assessments.rounds.domain.Fixtures.NGO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class AssessmentRoundTest {

    private final AssessmentRound draft =
            AssessmentRound.draft(UUID.randomUUID(), Fixtures.profile(List.of(MINISTRY, NGO)), "test-checklist", 1);

    @Test
    void goesFromDraftToOpenToClosedToPublishedAndNoOtherWay() {
        assertThat(draft.status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(draft.version()).isEqualTo(1);
        AssessmentRound open = draft.open();
        assertThat(open.status()).isEqualTo(RoundStatus.OPEN);
        assertThat(open.version()).isEqualTo(2);
        AssessmentRound closed = open.close();
        AssessmentRound published = closed.publish();
        assertThat(published.status()).isEqualTo(RoundStatus.PUBLISHED);
        assertThat(published.version()).isEqualTo(4);

        assertThatThrownBy(draft::close).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(draft::publish).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(open::publish).isInstanceOf(RuleViolation.class).hasMessageContaining("only a CLOSED");
        assertThatThrownBy(open::open).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(closed::open).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(published::close).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(published::publish).isInstanceOf(RuleViolation.class);
    }

    @Test
    void takesAnswersOnlyWhileOpen() {
        draft.open().requireAcceptsAnswers();
        assertThatThrownBy(draft::requireAcceptsAnswers).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> draft.open().close().requireAcceptsAnswers())
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("CLOSED");
    }

    @Test
    void onlyADraftIsEditedAndItsConvenorStays() {
        AssessmentRound edited = draft.revise(Fixtures.profile(List.of(MINISTRY, NGO, ASSOCIATION)));
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.profile().respondentIds()).containsExactly(MINISTRY, NGO, ASSOCIATION);
        assertThat(edited.profile().changedFrom(draft.profile())).containsExactly("respondentIds");
        assertThatThrownBy(() -> draft.open().revise(Fixtures.profile(List.of(MINISTRY))))
                .isInstanceOf(RuleViolation.class);
        RoundProfile otherConvenor =
                new RoundProfile("x", new Jurisdiction("UG", null, null, null), NGO, List.of(MINISTRY), null, null);
        assertThatThrownBy(() -> draft.revise(otherConvenor)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void respondentsAreOneToFiftyDistinctOrganisations() {
        assertThatThrownBy(() -> Fixtures.profile(List.of()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("respondentIds");
        assertThatThrownBy(() -> Fixtures.profile(List.of(MINISTRY, NGO, MINISTRY)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("twice");
        List<UUID> fifty = new ArrayList<>(
                IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList());
        assertThat(Fixtures.profile(fifty).respondentIds()).hasSize(50);
        fifty.add(UUID.randomUUID());
        assertThatThrownBy(() -> Fixtures.profile(fifty)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void titleAndCountryAreChecked() {
        Jurisdiction ug = new Jurisdiction("UG", null, null, null);
        assertThatThrownBy(() -> new RoundProfile("  ", ug, Fixtures.CITY, List.of(NGO), null, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RoundProfile("t".repeat(301), ug, Fixtures.CITY, List.of(NGO), null, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RoundProfile(
                        "t", new Jurisdiction("Uganda", null, null, null), Fixtures.CITY, List.of(NGO), null, null))
                .isInstanceOf(InvalidInput.class);
        assertThat(new RoundProfile(" t ", ug, Fixtures.CITY, List.of(NGO), null, null).title())
                .isEqualTo("t");
    }

    @Test
    void aResponseNamesUnknownAndRepeatedQuestions() {
        UUID round = UUID.randomUUID();
        Response ok =
                Response.of(round, NGO, List.of(new GivenAnswer("1.1.a", Y, "  census 2024 ")), Fixtures.instrument());
        assertThat(ok.answered()).isEqualTo(1);
        assertThat(ok.answers().get(0).evidence()).isEqualTo("census 2024");
        assertThatThrownBy(() -> Response.of(
                        round,
                        NGO,
                        List.of(
                                new GivenAnswer("1.1.a", Y, null),
                                new GivenAnswer("9.9.z", Y, null),
                                new GivenAnswer("R1", Y, null)),
                        Fixtures.instrument()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("9.9.z, R1");
        assertThatThrownBy(() -> Response.of(
                        round,
                        NGO,
                        List.of(new GivenAnswer("1.1.a", Y, null), new GivenAnswer("1.1.a", Y, null)),
                        Fixtures.instrument()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> new GivenAnswer("1.1.a", Y, "e".repeat(2001))).isInstanceOf(InvalidInput.class);
    }
}
