package org.arrival.web.spreadsheets;

import java.util.Map;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;

/** The upload page: the forum, the file field's refusals, and the labels the error summary links to, and
 * the name of the file whose import was discarded just now (if one was). */
public record UploadView(
        ForumSummary forum,
        FormResult result,
        Map<String, String> labels,
        @Nullable String discarded) {

    public String path() {
        return "/forums/" + forum.forumId() + "/spreadsheet";
    }

    public String download(String format) {
        return path() + "/download?format=" + format;
    }

    public String fileField() {
        return SpreadsheetPages.FILE;
    }

    public long maxBytes() {
        return SpreadsheetPages.MAX_BYTES;
    }
}
