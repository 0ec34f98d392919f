package org.arrival.benchmarks.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One page of each kind is measured: the ids and query values of a path do not make another kind of page. */
class PageScenarioTest {

    @Test
    void idsAndValuesAreTakenOutOfAPagesKind() {
        assertThat(PageScenario.kind("/actions/3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f"))
                .isEqualTo(PageScenario.kind("/actions/9d0f3c55-2a8e-4d7b-9a51-3c6e1f0b7a42"))
                .isEqualTo("/actions/{id}");
        assertThat(PageScenario.kind("/forums/3f2b8c4d-1e6a-4f7b-9c0d-2a1b3c4d5e6f/as-of?at=2026-01-01"))
                .isEqualTo("/forums/{id}/as-of?at=…");
        assertThat(PageScenario.kind("/needs")).isEqualTo("/needs");
        assertThat(PageScenario.kind("/rounds/12/answers")).isEqualTo("/rounds/{n}/answers");
    }
}
