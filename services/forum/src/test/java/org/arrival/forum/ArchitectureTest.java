package org.arrival.forum;

import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void dependsOnlyOnContractsAndPlatformAndKeepsItsDomainFreeOfFrameworks() {
        ArrivalArchitecture.verifyService("forum");
    }
}
