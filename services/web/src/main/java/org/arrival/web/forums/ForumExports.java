package org.arrival.web.forums;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The forum's 3W and IATI exports, fetched with the person's token and handed over as downloads. */
@Controller
public class ForumExports {

    private final ForumApi forums;

    public ForumExports(ForumApi forums) {
        this.forums = forums;
    }

    @GetMapping("/forums/{forumId}/exports/3w.csv")
    public void threeW(@PathVariable UUID forumId, HttpServletResponse response) {
        download(forumId, ForumApi.Export.THREE_W, "3w-" + forumId + ".csv", response);
    }

    @GetMapping("/forums/{forumId}/exports/iati.xml")
    public void iati(@PathVariable UUID forumId, HttpServletResponse response) {
        download(forumId, ForumApi.Export.IATI, "iati-activities-" + forumId + ".xml", response);
    }

    private void download(UUID forumId, ForumApi.Export export, String filename, HttpServletResponse response) {
        forums.export(forumId, export, in -> {
            response.setContentType(export.mediaType + ";charset=UTF-8");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            try {
                in.transferTo(response.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
