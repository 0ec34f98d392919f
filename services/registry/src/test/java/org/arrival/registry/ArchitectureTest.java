package org.arrival.registry;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void registryDependsOnlyOnContractsAndPlatformAndItsDomainIsFrameworkFree() {
        assertThatCode(() -> ArrivalArchitecture.verifyService("registry")).doesNotThrowAnyException();
    }
}
