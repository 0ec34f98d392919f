package org.arrival.web.spreadsheets;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.actionplans.ActionPlansApi.Download;
import org.arrival.web.api.actionplans.ActionPlansApi.SpreadsheetImport;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.FormResult;
import org.arrival.web.signin.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The spreadsheet round trip's pages. The upload page explains the three steps, hands over the organisation's actions
 * in the forum as XLSX or CSV (fetched with the person's token, headings in their language) and takes the filled-in
 * file back; the preview page shows what each row would do, refused rows first, and applies or discards the import.
 * Plain forms (POST, redirect, GET) so everything works without scripts; a script only adds an upload progress bar.
 * The service's refusals of a file (too large, not a spreadsheet, too many rows) are said at the file field; its 409
 * on confirmation (changed since the preview, already applied) is said on the preview page.
 */
@Controller
public class SpreadsheetPages {

    /** The form field (and the service's multipart part) holding the file. */
    public static final String FILE = "file";

    /** The largest file the service reads; a larger one is refused here without sending it. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    static final Set<String> FORMATS = Set.of("xlsx", "csv");
    static final String APPLIED = "spreadsheetApplied";
    static final String DISCARDED = "spreadsheetDiscarded";

    private final ActionPlansApi actions;
    private final ForumApi forums;

    public SpreadsheetPages(ActionPlansApi actions, ForumApi forums) {
        this.actions = actions;
        this.forums = forums;
    }

    /** Those who may edit their organisation's actions and report their progress: its editors and administrators. */
    public static boolean mayReportInASpreadsheet(@Nullable SignedInUser user) {
        return user != null && user.editsForOrganisation();
    }

    @GetMapping("/forums/{forumId}/spreadsheet")
    public String upload(@PathVariable UUID forumId, @ModelAttribute("page") Page page, Model model) {
        allowed(page);
        return uploadPage(model, page, forum(forumId), FormResult.empty());
    }

    /** The organisation's actions in the forum as a file, named as the service names it. */
    @GetMapping("/forums/{forumId}/spreadsheet/download")
    public void download(
            @PathVariable UUID forumId,
            @RequestParam(defaultValue = "xlsx") String format,
            @ModelAttribute("page") Page page,
            HttpServletResponse response) {
        allowed(page);
        if (!FORMATS.contains(format)) {
            throw new ServiceProblem(Service.ACTION_PLANS, 404, null, null, List.of());
        }
        handOver(actions.spreadsheet(forumId, format, page.locale()), response);
    }

    @PostMapping("/forums/{forumId}/spreadsheet")
    public String send(
            @PathVariable UUID forumId,
            @RequestParam(name = FILE, required = false) @Nullable MultipartFile file,
            @ModelAttribute("page") Page page,
            Model model) {
        allowed(page);
        if (file == null || file.isEmpty()) {
            return refused(model, page, forumId, List.of(page.t("spreadsheets.error.noFile")));
        }
        if (file.getSize() > MAX_BYTES) {
            return refused(model, page, forumId, List.of(page.t("spreadsheets.error.413")));
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "spreadsheet"
                        : file.getOriginalFilename();
        SpreadsheetImport read;
        try {
            read = actions.importSpreadsheet(forumId, name, file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServiceProblem problem) {
            if (fileRefusal(problem)) {
                return refused(model, page, forumId, messages(page, problem));
            }
            throw problem;
        }
        return "redirect:/spreadsheet-imports/" + read.id();
    }

    @GetMapping("/spreadsheet-imports/{id}")
    public String preview(@PathVariable UUID id, @ModelAttribute("page") Page page, Model model) {
        allowed(page);
        return previewPage(model, page, actions.spreadsheetImport(id), null);
    }

    @PostMapping("/spreadsheet-imports/{id}/confirmation")
    public String confirm(
            @PathVariable UUID id, @ModelAttribute("page") Page page, Model model, RedirectAttributes redirect) {
        allowed(page);
        try {
            actions.confirmImport(id);
        } catch (ServiceProblem problem) {
            if (problem.status() == 409) {
                // nothing was applied: the preview again (as it stands now), with the service's reason
                SpreadsheetImport now = actions.spreadsheetImport(id);
                List<String> reasons = new ArrayList<>();
                reasons.add(
                        "APPLIED".equals(now.status())
                                ? page.t("spreadsheets.conflict.applied")
                                : page.t("spreadsheets.conflict.changed"));
                reasons.addAll(serviceWords(page, problem));
                return previewPage(model, page, now, reasons);
            }
            throw problem;
        }
        redirect.addFlashAttribute(APPLIED, Boolean.TRUE);
        return "redirect:/spreadsheet-imports/" + id;
    }

    @PostMapping("/spreadsheet-imports/{id}/discard")
    public String discard(@PathVariable UUID id, @ModelAttribute("page") Page page, RedirectAttributes redirect) {
        allowed(page);
        SpreadsheetImport read = actions.spreadsheetImport(id);
        actions.discardImport(id);
        redirect.addFlashAttribute(DISCARDED, read.fileName() == null ? "" : read.fileName());
        return "redirect:/forums/" + read.forumId() + "/spreadsheet";
    }

    @GetMapping("/spreadsheet-imports/{id}/report")
    public void report(@PathVariable UUID id, @ModelAttribute("page") Page page, HttpServletResponse response) {
        allowed(page);
        handOver(actions.importReport(id), response);
    }

    // ----

    private static void allowed(Page page) {
        if (!mayReportInASpreadsheet(page.user())) {
            throw new ServiceProblem(Service.ACTION_PLANS, 403, null, null, List.of());
        }
    }

    /** The forum, if the person's organisation sits in it; otherwise 404. */
    private ForumSummary forum(UUID forumId) {
        return forums.myForums().stream()
                .filter(f -> forumId.equals(f.forumId()))
                .findFirst()
                .orElseThrow(() -> new ServiceProblem(Service.FORUM, 404, null, null, List.of()));
    }

    /** The refusals that are about the file itself: said at the file field, not on an error page. */
    static boolean fileRefusal(ServiceProblem problem) {
        return problem.invalidInput() || problem.status() == 413 || problem.status() == 415;
    }

    /** What to say about a refused file: the reason in the reader's words, then what the service said. */
    static List<String> messages(Page page, ServiceProblem problem) {
        List<String> said = new ArrayList<>();
        said.add(
                switch (problem.status()) {
                    case 413 -> page.t("spreadsheets.error.413");
                    case 415 -> page.t("spreadsheets.error.415");
                    default -> page.t("spreadsheets.error.400");
                });
        said.addAll(serviceWords(page, problem));
        return said;
    }

    private static List<String> serviceWords(Page page, ServiceProblem problem) {
        List<String> said = new ArrayList<>();
        for (ServiceProblem.FieldError e : problem.errors()) {
            said.add(page.fieldError(e));
        }
        if (said.isEmpty() && problem.detail() != null && !problem.detail().isBlank()) {
            said.add(problem.detail());
        }
        return said;
    }

    private String refused(Model model, Page page, UUID forumId, List<String> messages) {
        List<ServiceProblem.FieldError> errors = messages.stream()
                .map(m -> new ServiceProblem.FieldError(FILE, m))
                .toList();
        FormResult result = FormResult.refused(
                Map.of(),
                Set.of(FILE),
                new ServiceProblem(Service.ACTION_PLANS, 400, null, null, errors),
                e -> e.message() == null ? "" : e.message());
        return uploadPage(model, page, forum(forumId), result);
    }

    private String uploadPage(Model model, Page page, ForumSummary forum, FormResult result) {
        model.addAttribute(
                "view",
                new UploadView(
                        forum,
                        result,
                        Map.of(FILE, page.t("spreadsheets.upload.file")),
                        model.getAttribute(DISCARDED) instanceof String name ? name : null));
        return "spreadsheets/upload";
    }

    private String previewPage(Model model, Page page, SpreadsheetImport read, @Nullable List<String> conflict) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> read.forumId().equals(f.forumId()))
                .findFirst()
                .orElse(null);
        model.addAttribute(
                "view",
                new PreviewView(
                        read,
                        forum,
                        conflict == null ? List.of() : conflict,
                        Boolean.TRUE.equals(model.getAttribute(APPLIED))));
        return "spreadsheets/preview";
    }

    private static void handOver(Download file, HttpServletResponse response) {
        response.setContentType(file.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(file.bytes().length);
        try {
            response.getOutputStream().write(file.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
