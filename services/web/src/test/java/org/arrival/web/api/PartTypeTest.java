package org.arrival.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The type a browser gives an uploaded file is passed on when it is one, and never fails the upload. */
class PartTypeTest {

    @Test
    void aFilesTypeIsPassedOnAndAnythingElseIsSentAsBytes() {
        assertThat(SpreadsheetImports.partType("text/csv")).isEqualTo(MediaType.parseMediaType("text/csv"));
        assertThat(SpreadsheetImports.partType(null)).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(SpreadsheetImports.partType(" ")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(SpreadsheetImports.partType("foo")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }
}
