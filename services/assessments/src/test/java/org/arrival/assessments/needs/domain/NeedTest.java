package org.arrival.assessments.needs.domain;

import static org.arrival.contracts.assessments.NeedStatus.ADDRESSED;
import static org.arrival.contracts.assessments.NeedStatus.DEPRIORITISED;
import static org.arrival.contracts.assessments.NeedStatus.IDENTIFIED;
import static org.arrival.contracts.assessments.NeedStatus.PRIORITISED;
import static org.arrival.contracts.assessments.NeedStatus.RESOLVED;
import static org.arrival.contracts.assessments.NeedStatus.VALIDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RuleViolation;
import org.junit.jupiter.api.Test;

class NeedTest {

    static Need need() {
        return Need.identify(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new NeedDetails(
                                "Refugee children in Kisenyi are not enrolled for lack of documents",
                                Sector.EDUCATION,
                                List.of(PopulationGroup.REFUGEES),
                                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                                Severity.HIGH,
                                null,
                                null,
                                null,
                                null,
                                null)
                        .validated());
    }

    @Test
    void followsTheLifecycleToResolvedOnceAnActionAddressesIt() {
        Need n = need().moveTo(VALIDATED, null, 0).moveTo(PRIORITISED, "top of the education group's list", 0);
        assertThat(n.status()).isEqualTo(PRIORITISED);
        assertThat(n.version()).isEqualTo(3);
        assertThatThrownBy(() -> n.moveTo(ADDRESSED, null, 0))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("action");
        Need addressed = n.moveTo(ADDRESSED, null, 1);
        assertThat(addressed.moveTo(RESOLVED, "enrolled", 1).status()).isEqualTo(RESOLVED);
    }

    @Test
    void resolvesStraightFromValidatedOrPrioritisedButNotFromIdentified() {
        Need validated = need().moveTo(VALIDATED, null, 0);
        assertThat(validated.moveTo(RESOLVED, null, 0).status()).isEqualTo(RESOLVED);
        assertThat(validated
                        .moveTo(PRIORITISED, null, 0)
                        .moveTo(RESOLVED, null, 0)
                        .status())
                .isEqualTo(RESOLVED);
        assertThatThrownBy(() -> need().moveTo(RESOLVED, null, 0)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> need().moveTo(PRIORITISED, null, 0)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void deprioritisesFromEveryOpenStateOnlyWithAReasonAndClosedNeedsStayClosed() {
        for (NeedStatus open : List.of(IDENTIFIED, VALIDATED, PRIORITISED, ADDRESSED)) {
            Need n = new Need(UUID.randomUUID(), 1, UUID.randomUUID(), need().details(), open, null);
            assertThatThrownBy(() -> n.moveTo(DEPRIORITISED, "  ", 1))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("reason");
            assertThat(n.moveTo(DEPRIORITISED, "funding moved to shelter", 1).statusReason())
                    .isEqualTo("funding moved to shelter");
        }
        for (NeedStatus closed : List.of(RESOLVED, DEPRIORITISED)) {
            Need n = new Need(UUID.randomUUID(), 1, UUID.randomUUID(), need().details(), closed, "x");
            for (NeedStatus any : NeedStatus.values()) {
                assertThatThrownBy(() -> n.moveTo(any, "why", 1)).isInstanceOf(RuntimeException.class);
            }
            assertThatThrownBy(() -> n.revise(need().details())).isInstanceOf(RuleViolation.class);
            assertThatThrownBy(n::linked).isInstanceOf(RuleViolation.class);
        }
    }

    @Test
    void aReasonLongerThan2000IsRefused() {
        assertThatThrownBy(() -> need().moveTo(VALIDATED, "x".repeat(2001), 0)).isInstanceOf(InvalidInput.class);
    }
}
