package org.arrival.platform.messaging;

import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

/** The messaging library depends on contracts and the platform only, never on a service. */
class ArchitectureTest {

    @Test
    void dependsOnNoService() {
        ArrivalArchitecture.verifyLibrary("platform.messaging");
    }
}
