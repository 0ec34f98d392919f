package org.arrival.web.api;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The spreadsheet round trip of a service that offers it (action plans: actions, milestones, funding lines;
 * assessments: needs, population estimates): the same paths and shapes on each, the kind of records named by
 * {@code records}. The export, the upload read into a preview, the preview, its confirmation, its report, discarding it.
 */
public final class SpreadsheetImports {

    /** The form field and multipart part holding the file. */
    public static final String FILE = "file";

    /** The version of a previewed import, which a confirmation names in If-Match. */
    static final String PREVIEWED_VERSION = "\"1\"";

    private final RestClient client;

    public SpreadsheetImports(RestClient client) {
        this.client = client;
    }

    /** A file the service handed over: its bytes, its content type and the name it suggests. */
    public record Download(byte[] bytes, String contentType, String fileName) {}

    /** What the service found in an uploaded spreadsheet, row by row, before (or after) it is applied. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SpreadsheetImport(
            UUID id,
            UUID forumId,
            @Nullable UUID organisationId,
            @Nullable String records,
            @Nullable String fileName,
            String status,
            @Nullable Instant createdAt,
            @Nullable String createdBy,
            @Nullable Instant appliedAt,
            ImportCounts counts,
            List<ImportRow> rows) {

        public SpreadsheetImport {
            counts = counts == null ? new ImportCounts(0, 0, 0, 0, 0) : counts;
            rows = rows == null ? List.of() : rows;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportCounts(int create, int update, int unchanged, int refused, int reports) {}

    /**
     * One data row of the sheet: the record it is about ({@code recordId}, null for a new one), the action it
     * belongs to (actions, milestones and funding lines), what it would change, the progress report it adds (actions
     * only) and why it is refused.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportRow(
            int row,
            @Nullable UUID recordId,
            @Nullable UUID actionId,
            @Nullable String title,
            String outcome,
            List<FieldChange> changes,
            @Nullable RowReport report,
            List<CellProblem> problems) {

        public ImportRow {
            changes = changes == null ? List.of() : changes;
            problems = problems == null ? List.of() : problems;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldChange(
            String field, @Nullable String from, @Nullable String to) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowReport(
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            @Nullable Integer percentComplete,
            @Nullable String rag) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CellProblem(
            @Nullable String column,
            @Nullable String cell,
            @Nullable String message) {}

    /**
     * The organisation's records of the kind in the forum as a spreadsheet ({@code xlsx} or {@code csv}), its
     * headings in the reader's language.
     */
    public Download export(UUID forumId, String records, String format, Locale language) {
        ResponseEntity<byte[]> answer = client.get()
                .uri(b -> b.path("/forums/{id}/spreadsheet")
                        .queryParam("format", format)
                        .queryParam("records", records)
                        .build(forumId))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language.toLanguageTag())
                .accept(MediaType.ALL)
                .retrieve()
                .toEntity(byte[].class);
        return download(answer, records + "." + format);
    }

    /** The type the browser gave the file, or bytes when it gave none or one that is no media type. */
    public static MediaType partType(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            // the service decides the file's kind by its content anyway
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** Sends a spreadsheet to be read; nothing is written to the records until the import is confirmed. */
    public SpreadsheetImport upload(
            UUID forumId, String records, String fileName, @Nullable String contentType, byte[] bytes) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(partType(contentType));
        part.setContentDisposition(
                ContentDisposition.formData().name(FILE).filename(fileName).build());
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(
                FILE,
                new HttpEntity<>(
                        new ByteArrayResource(bytes) {
                            @Override
                            public String getFilename() {
                                return fileName;
                            }
                        },
                        part));
        return required(client.post()
                .uri(b -> b.path("/forums/{id}/spreadsheet-imports")
                        .queryParam("records", records)
                        .build(forumId))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .body(SpreadsheetImport.class));
    }

    public SpreadsheetImport get(UUID id) {
        return required(
                client.get().uri("/spreadsheet-imports/{id}", id).retrieve().body(SpreadsheetImport.class));
    }

    /**
     * Applies the import's accepted rows, all or none, at the previewed version (409 when a record changed since the
     * preview or the import was applied already).
     */
    public SpreadsheetImport confirm(UUID id) {
        return required(client.post()
                .uri("/spreadsheet-imports/{id}/confirmation", id)
                .header(HttpHeaders.IF_MATCH, PREVIEWED_VERSION)
                .retrieve()
                .body(SpreadsheetImport.class));
    }

    /** The import's outcome row by row, as CSV. */
    public Download report(UUID id) {
        ResponseEntity<byte[]> answer = client.get()
                .uri("/spreadsheet-imports/{id}/report", id)
                .accept(MediaType.ALL)
                .retrieve()
                .toEntity(byte[].class);
        return download(answer, "import-" + id + ".csv");
    }

    public void discard(UUID id) {
        client.delete().uri("/spreadsheet-imports/{id}", id).retrieve().toBodilessEntity();
    }

    private static Download download(ResponseEntity<byte[]> answer, String fallbackName) {
        byte[] bytes = answer.getBody() == null ? new byte[0] : answer.getBody();
        MediaType type = answer.getHeaders().getContentType();
        String name = fallbackName;
        String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            try {
                String given = ContentDisposition.parse(disposition).getFilename();
                if (given != null && !given.isBlank()) {
                    // a name, never a path
                    name = given.replaceAll(".*[/\\\\]", "");
                }
            } catch (IllegalArgumentException e) {
                name = fallbackName;
            }
        }
        return new Download(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString(), name);
    }
}
