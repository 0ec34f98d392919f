package org.arrival.assessments.spreadsheets.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.arrival.assessments.spreadsheets.application.SpreadsheetService;
import org.arrival.assessments.spreadsheets.application.SpreadsheetService.SpreadsheetFile;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.platform.security.Caller;
import org.arrival.platform.spreadsheets.SpreadsheetFormat;
import org.arrival.platform.spreadsheets.imports.SpreadsheetImport;
import org.arrival.platform.spreadsheets.web.SpreadsheetEndpoints;
import org.arrival.platform.spreadsheets.web.SpreadsheetImportView;
import org.arrival.platform.web.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(
        name = "Spreadsheets",
        description = "An organisation's needs or population estimates in a forum as a spreadsheet (XLSX or CSV):"
                + " export, upload and preview, confirmation in one transaction, report, discard")
public class SpreadsheetController {

    private static final String RECORDS = "needs (default) or population-estimates";

    private final SpreadsheetService service;

    public SpreadsheetController(SpreadsheetService service) {
        this.service = service;
    }

    @Operation(
            summary = "The caller's organisation's needs (open ones) or population estimates (exact counts) shared with"
                    + " the forum as a spreadsheet to edit and upload again: headings in the Accept-Language (en, fr,"
                    + " es, ar), keys in row 2; format xlsx (default) or csv; the organisation's editors and"
                    + " administrators")
    @GetMapping(
            path = "/forums/{forumId}/spreadsheet",
            produces = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "*/*"})
    public ResponseEntity<byte[]> export(
            Caller caller,
            @PathVariable UUID forumId,
            @RequestParam(required = false) String format,
            @Parameter(description = RECORDS, schema = @Schema(allowableValues = {"needs", "population-estimates"}))
                    @RequestParam(required = false)
                    String records,
            Locale locale) {
        SpreadsheetFormat chosen = SpreadsheetEndpoints.format(format);
        return download(service.export(caller, forumId, records(records), chosen, locale));
    }

    @Operation(
            summary = "Upload a spreadsheet of needs or population estimates (multipart part \"file\", .xlsx or .csv by"
                    + " its content, at most 5 MB and 10,000 rows) and preview what each row would do: CREATE, UPDATE,"
                    + " UNCHANGED or REFUSED with its problems by cell; stored, nothing else is written; the"
                    + " organisation's editors and administrators")
    @PostMapping(
            path = "/forums/{forumId}/spreadsheet-imports",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SpreadsheetImportView<Object>> preview(
            Caller caller,
            @PathVariable UUID forumId,
            @Parameter(description = RECORDS, schema = @Schema(allowableValues = {"needs", "population-estimates"}))
                    @RequestParam(required = false)
                    String records,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        SheetRecords kind = records(records);
        byte[] content = SpreadsheetEndpoints.content(file);
        SpreadsheetImport<?> imported = SpreadsheetEndpoints.previewed(
                () -> service.preview(caller, forumId, kind, file.getOriginalFilename(), content));
        return SpreadsheetEndpoints.created(imported.id(), imported.version(), SpreadsheetImportView.of(imported));
    }

    @Operation(summary = "An uploaded spreadsheet's preview and where it stands (its organisation's editors)")
    @GetMapping(path = "/spreadsheet-imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SpreadsheetImportView<Object>> get(Caller caller, @PathVariable UUID id) {
        return respond(service.get(caller, id));
    }

    @Operation(
            summary = "Apply every accepted row of a previewed spreadsheet in one transaction (needs or estimates"
                    + " recorded and revised, with their events); 409 and nothing applied if a record changed since"
                    + " the preview or a row is refused now, or if it was already applied; If-Match optional")
    @PostMapping(path = "/spreadsheet-imports/{id}/confirmation", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SpreadsheetImportView<Object>> confirm(
            Caller caller, @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(service.confirm(caller, id, optionalVersion(ifMatch)));
    }

    @Operation(
            summary = "The outcome of every row of an uploaded spreadsheet as CSV: row, outcome, record id, title,"
                    + " problems")
    @GetMapping(
            path = "/spreadsheet-imports/{id}/report",
            produces = {"text/csv", "*/*"})
    public ResponseEntity<byte[]> report(Caller caller, @PathVariable UUID id) {
        return download(service.report(caller, id));
    }

    @Operation(summary = "Discard a previewed spreadsheet: nothing of it is applied (its organisation's editors)")
    @DeleteMapping("/spreadsheet-imports/{id}")
    public ResponseEntity<Void> discard(Caller caller, @PathVariable UUID id) {
        service.discard(caller, id);
        return ResponseEntity.noContent().build();
    }

    private static SheetRecords records(@Nullable String records) {
        return SpreadsheetEndpoints.records(records, SheetRecords::named);
    }

    private static ResponseEntity<SpreadsheetImportView<Object>> respond(SpreadsheetImport<?> i) {
        return SpreadsheetEndpoints.shown(i.version(), SpreadsheetImportView.of(i));
    }

    private static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    private static ResponseEntity<byte[]> download(SpreadsheetFile file) {
        return SpreadsheetEndpoints.download(file.fileName(), file.contentType(), file.content());
    }
}
