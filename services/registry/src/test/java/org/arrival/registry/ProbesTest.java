package org.arrival.registry;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The probes answer without a token: liveness is the process only, readiness includes the database and the event flow. */
class ProbesTest extends RegistryIntegrationTest {

    @Test
    void livenessAndReadinessAnswerWithoutATokenAndReadinessShowsTheEventFlow() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.eventFlow.components.broker.status")
                        .value("UP"))
                .andExpect(jsonPath("$.components.eventFlow.components.outbox.status")
                        .value("UP"))
                // the registry reads no topic: no consumer-lag indicator
                .andExpect(jsonPath("$.components.eventFlow.components.consumerLag")
                        .doesNotExist());
    }
}
