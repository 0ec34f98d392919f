package org.arrival.assessments.inputs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

class ContributionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Contribution with(String summary, LocalDate on) {
        return new Contribution(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SubjectType.NEED,
                UUID.randomUUID(),
                InputKind.COMMUNITY_CONSULTATION,
                summary,
                "Focus groups run by the association in Kisenyi",
                on,
                12,
                null,
                null);
    }

    /** Personal data is refused before, by the platform's screen of the request: see PersonalDataRefusalTest. */
    @Test
    void acceptsASummaryDefaultsToForumAndRefusesFutureDates() {
        assertThat(with("Parents said schools ask for documents they cannot get, 2019-2023", TODAY)
                        .validated(TODAY)
                        .classification())
                .isEqualTo(DataClassification.FORUM);
        assertThatThrownBy(() -> with(" ", TODAY).validated(TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("summary");
        assertThatThrownBy(() -> with("Later", TODAY.plusDays(1)).validated(TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("collectedOn");
    }
}
