package org.arrival.registry;

import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

class ArchitectureTest {

    @Test
    void registryDependsOnlyOnContractsAndPlatformAndItsDomainIsFrameworkFree() {
        assertThatCode(() -> ArrivalArchitecture.verifyService("registry")).doesNotThrowAnyException();
    }
}
