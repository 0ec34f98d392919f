package org.arrival.platform.idempotency;

import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theLibraryKnowsNoService() {
        ArrivalArchitecture.verifyLibrary("platform.idempotency");
    }
}
