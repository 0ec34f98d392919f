package org.arrival.platform;

import org.arrival.platform.testing.ArrivalArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void securityKnowsNoService() {
        ArrivalArchitecture.verifyLibrary("platform.security");
    }

    @Test
    void webKnowsNoService() {
        ArrivalArchitecture.verifyLibrary("platform.web");
    }
}
