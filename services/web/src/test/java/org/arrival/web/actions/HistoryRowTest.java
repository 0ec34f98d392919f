package org.arrival.web.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.arrival.web.api.actionplans.ActionPlansApi.Revision;
import org.junit.jupiter.api.Test;

/** A version made through an organisation's API client names the client; a person's does not. */
class HistoryRowTest {

    private static ActionView.HistoryRow by(String userId) {
        return new ActionView.HistoryRow(
                new Revision(2, "ActionUpdated", Instant.parse("2026-12-01T09:30:00Z"), userId, null, List.of(), null),
                false,
                "Kampala Capital City Authority");
    }

    @Test
    void aClientsChangeNamesTheClient() {
        assertThat(by("client:org-5b91a581-m-e-database").apiClient()).isEqualTo("org-5b91a581-m-e-database");
    }

    @Test
    void aPersonsChangeNamesNoClient() {
        assertThat(by("5b0c6f8e-2f7e-4b43-9d7a-1f1c0e6a2b11").apiClient()).isNull();
        assertThat(by("client:").apiClient()).isNull();
    }
}
