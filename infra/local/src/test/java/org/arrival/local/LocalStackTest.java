package org.arrival.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** How the stack describes a part that failed to start alongside the rest (Keycloak). */
class LocalStackTest {

    @Test
    void aFailureIsDescribedByItsCausesMessage() {
        assertThat(LocalStack.failure(new ExecutionException(new IllegalStateException("Keycloak did not start"))))
                .isEqualTo("Keycloak did not start");
    }

    @Test
    void aCauseWithoutAMessageIsStillAFailure() {
        assertThat(LocalStack.failure(new ExecutionException(new NullPointerException())))
                .isEqualTo("java.lang.NullPointerException");
        assertThat(LocalStack.failure(new ExecutionException("no cause", null))).contains("no cause");
    }
}
