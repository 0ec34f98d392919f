package org.arrival.web.api.actionplans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The type a browser gives an uploaded file is passed on when it is one, and never fails the upload. */
class PartTypeTest {

    @Test
    void aFilesTypeIsPassedOnAndAnythingElseIsSentAsBytes() {
        assertThat(ActionPlansApi.partType("text/csv")).isEqualTo(MediaType.parseMediaType("text/csv"));
        assertThat(ActionPlansApi.partType(null)).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(ActionPlansApi.partType(" ")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(ActionPlansApi.partType("foo")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }
}
