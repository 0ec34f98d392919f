package org.arrival.web.spreadsheets;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;

/**
 * The upload page: the forum, the kind of records chosen, the file field's refusals, the labels the error summary
 * links to, and the name of the file whose import was discarded just now (if one was).
 */
public record UploadView(
        ForumSummary forum,
        RecordKind kind,
        FormResult result,
        Map<String, String> labels,
        @Nullable String discarded) {

    /** The field naming the kind of records, in the chooser, the download's address and the upload form. */
    public static final String RECORDS = "records";

    /** The upload page of a forum for a kind of records (actions without the parameter, as it is the default). */
    public static String path(UUID forumId, RecordKind kind) {
        String page = "/forums/" + forumId + "/spreadsheet";
        return kind == RecordKind.ACTIONS ? page : page + "?" + RECORDS + "=" + kind.key();
    }

    public String path() {
        return "/forums/" + forum.forumId() + "/spreadsheet";
    }

    public String download(String format) {
        return path() + "/download?" + RECORDS + "=" + kind.key() + "&format=" + format;
    }

    public List<RecordKind> kinds() {
        return List.of(RecordKind.values());
    }

    /** The id of a kind's choice in the chooser. */
    public static String choiceId(RecordKind kind) {
        return RECORDS + "-" + kind.key();
    }

    public String fileField() {
        return SpreadsheetPages.FILE;
    }

    public long maxBytes() {
        return SpreadsheetPages.MAX_BYTES;
    }
}
