package org.arrival.actionplans.contributions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.arrival.contracts.actionplans.ContributionKind;
import org.junit.jupiter.api.Test;

class ContributionTest {

    private static Contribution of(ContributionKind kind, String text) {
        return new Contribution(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), kind, text);
    }

    @Test
    void commentsAndObjectionsSaySomethingEndorsementsMayStandAlone() {
        assertThat(of(ContributionKind.ENDORSEMENT, " ").validated().text()).isNull();
        assertThat(of(ContributionKind.COMMENT, " Good ").validated().text()).isEqualTo("Good");
        assertThatThrownBy(() -> of(ContributionKind.COMMENT, null).validated()).hasMessageContaining("text");
        assertThatThrownBy(() -> of(ContributionKind.OBJECTION, "  ").validated())
                .hasMessageContaining("text");
        assertThatThrownBy(() -> of(ContributionKind.COMMENT, "x".repeat(4001)).validated())
                .hasMessageContaining("4000");
        assertThatThrownBy(() -> of(null, "x").validated()).hasMessageContaining("kind");
    }
}
