package org.arrival.platform.spreadsheets.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.arrival.platform.spreadsheets.SpreadsheetFormat;
import org.arrival.platform.spreadsheets.SpreadsheetLimits;
import org.arrival.platform.spreadsheets.SpreadsheetRefused;
import org.arrival.platform.web.ETags;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** What the spreadsheet endpoints of every service do alike: read the request's parts and send a file. */
public final class SpreadsheetEndpoints {

    private SpreadsheetEndpoints() {}

    /**
     * The kind of records the {@code records} parameter names, as {@code named} reads it; 400 naming the allowed
     * values (the message of the IllegalArgumentException {@code named} throws) when it names none.
     */
    public static <K> K records(@Nullable String records, Function<@Nullable String, K> named) {
        try {
            return named.apply(records);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("records", String.valueOf(e.getMessage()));
        }
    }

    /** The format the {@code format} parameter names (xlsx when it is absent); 400 when it names none. */
    public static SpreadsheetFormat format(@Nullable String format) {
        try {
            return SpreadsheetFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("format", String.valueOf(e.getMessage()));
        }
    }

    /** The uploaded file's content; 413 before it is read when it is larger than the most that is read. */
    public static byte[] content(MultipartFile file) throws IOException {
        if (file.getSize() > SpreadsheetLimits.DEFAULT_MAX_BYTES) {
            throw new SpreadsheetProblem(new SpreadsheetRefused(
                    SpreadsheetRefused.Reason.TOO_LARGE,
                    "The file is larger than " + SpreadsheetLimits.DEFAULT_MAX_BYTES + " bytes (5 MB), the most"
                            + " that is read"));
        }
        return file.getBytes();
    }

    /** What {@code preview} makes of an upload; a file it refuses as a whole answered as a SpreadsheetProblem. */
    public static <I> I previewed(Supplier<I> preview) {
        try {
            return preview.get();
        } catch (SpreadsheetRefused e) {
            throw new SpreadsheetProblem(e);
        }
    }

    /** 201 for a new import: its address, its version as the ETag, and its view. */
    public static <V> ResponseEntity<V> created(UUID importId, long version, V view) {
        return ResponseEntity.created(URI.create("/spreadsheet-imports/" + importId))
                .eTag(ETags.of(version))
                .body(view);
    }

    /** 200 with an import's view, its version as the ETag. */
    public static <V> ResponseEntity<V> shown(long version, V view) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(view);
    }

    /** A file sent as an attachment of its name and content type. */
    public static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(contentType))
                .body(content);
    }
}
