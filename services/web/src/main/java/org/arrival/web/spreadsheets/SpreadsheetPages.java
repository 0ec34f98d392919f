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
import org.arrival.web.api.SpreadsheetImports;
import org.arrival.web.api.SpreadsheetImports.Download;
import org.arrival.web.api.SpreadsheetImports.SpreadsheetImport;
import org.arrival.web.api.actionplans.ActionPlansApi;
import org.arrival.web.api.assessments.AssessmentsApi;
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
 * The spreadsheet round trip's pages, for every kind of records an organisation reports ({@link RecordKind}: actions
 * with their progress reports, milestones and funding lines in the action-plans service; needs and population
 * estimates in the assessments service). The upload page lets the person choose the kind, explains the three steps,
 * hands over the organisation's records of that kind in the forum as XLSX or CSV (fetched with the person's token,
 * headings in their language) and takes the filled-in file back; the preview page shows what each row would do,
 * refused rows first, and applies or discards the import. An import is shown at {@code /spreadsheet-imports/{id}}
 * when the action-plans service holds it, at {@code /assessment-imports/{id}} when the assessments service does.
 * Plain forms (GET to choose, POST, redirect, GET) so everything works without scripts; a script only adds an upload
 * progress bar. The service's refusals of a file (too large, not a spreadsheet, too many rows, another kind's) are
 * said at the file field; its 409 on confirmation (changed since the preview, already applied) on the preview page.
 */
@Controller
public class SpreadsheetPages {

    /** The form field (and the service's multipart part) holding the file. */
    public static final String FILE = SpreadsheetImports.FILE;

    /** The largest file the services read; a larger one is refused here without sending it. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    static final Set<String> FORMATS = Set.of("xlsx", "csv");
    static final String APPLIED = "spreadsheetApplied";
    static final String DISCARDED = "spreadsheetDiscarded";

    /** The two places an import is shown, by the service that holds it. */
    static final String IMPORTS =
            "/{imports:" + RecordKind.PLANS_IMPORTS + "|" + RecordKind.ASSESSMENT_IMPORTS + "}/{id}";

    private final ActionPlansApi actions;
    private final AssessmentsApi assessments;
    private final ForumApi forums;

    public SpreadsheetPages(ActionPlansApi actions, AssessmentsApi assessments, ForumApi forums) {
        this.actions = actions;
        this.assessments = assessments;
        this.forums = forums;
    }

    /**
     * Those who may edit their organisation's records and report their progress: its editors and administrators,
     * unless it is an enforcement body (the services refuse those anyway).
     */
    public static boolean mayReportInASpreadsheet(Page page) {
        SignedInUser user = page.user();
        return user != null && user.editsForOrganisation() && !page.enforcementBody();
    }

    @GetMapping("/forums/{forumId}/spreadsheet")
    public String upload(
            @PathVariable UUID forumId,
            @RequestParam(name = UploadView.RECORDS, required = false) @Nullable String records,
            @ModelAttribute("page") Page page,
            Model model) {
        allowed(page);
        RecordKind kind = kind(records);
        return uploadPage(model, page, forum(forumId), kind, FormResult.empty());
    }

    /** The organisation's records of the kind in the forum as a file, named as the service names it. */
    @GetMapping("/forums/{forumId}/spreadsheet/download")
    public void download(
            @PathVariable UUID forumId,
            @RequestParam(name = UploadView.RECORDS, required = false) @Nullable String records,
            @RequestParam(defaultValue = "xlsx") String format,
            @ModelAttribute("page") Page page,
            HttpServletResponse response) {
        allowed(page);
        RecordKind kind = kind(records);
        if (!FORMATS.contains(format)) {
            throw new ServiceProblem(kind.service(), 404, null, null, List.of());
        }
        handOver(service(kind.service()).export(forumId, kind.key(), format, page.locale()), response);
    }

    @PostMapping("/forums/{forumId}/spreadsheet")
    public String send(
            @PathVariable UUID forumId,
            @RequestParam(name = UploadView.RECORDS, required = false) @Nullable String records,
            @RequestParam(name = FILE, required = false) @Nullable MultipartFile file,
            @ModelAttribute("page") Page page,
            Model model) {
        allowed(page);
        RecordKind kind = kind(records);
        if (file == null || file.isEmpty()) {
            return refused(model, page, forumId, kind, List.of(page.t("spreadsheets.error.noFile")));
        }
        if (file.getSize() > MAX_BYTES) {
            return refused(model, page, forumId, kind, List.of(page.t("spreadsheets.error.413")));
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "spreadsheet"
                        : file.getOriginalFilename();
        SpreadsheetImport read;
        try {
            read = service(kind.service()).upload(forumId, kind.key(), name, file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServiceProblem problem) {
            if (fileRefusal(problem)) {
                return refused(model, page, forumId, kind, messages(page, kind, problem));
            }
            throw problem;
        }
        return "redirect:" + kind.importPath(read.id());
    }

    @GetMapping(IMPORTS)
    public String preview(
            @PathVariable String imports, @PathVariable UUID id, @ModelAttribute("page") Page page, Model model) {
        allowed(page);
        Service holder = holder(imports);
        return previewPage(model, page, holder, service(holder).get(id), null);
    }

    @PostMapping(IMPORTS + "/confirmation")
    public String confirm(
            @PathVariable String imports,
            @PathVariable UUID id,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect) {
        allowed(page);
        Service holder = holder(imports);
        SpreadsheetImports service = service(holder);
        try {
            service.confirm(id);
        } catch (ServiceProblem problem) {
            if (problem.status() == 409 || problem.status() == 412) {
                // nothing was applied: the preview again (as it stands now), with the service's reason
                SpreadsheetImport now = service.get(id);
                List<String> reasons = new ArrayList<>();
                reasons.add(
                        "APPLIED".equals(now.status())
                                ? page.t("spreadsheets.conflict.applied")
                                : page.t("spreadsheets.conflict.changed"));
                reasons.addAll(serviceWords(page, problem));
                return previewPage(model, page, holder, now, reasons);
            }
            throw problem;
        }
        redirect.addFlashAttribute(APPLIED, Boolean.TRUE);
        return "redirect:/" + imports + "/" + id;
    }

    @PostMapping(IMPORTS + "/discard")
    public String discard(
            @PathVariable String imports,
            @PathVariable UUID id,
            @ModelAttribute("page") Page page,
            RedirectAttributes redirect) {
        allowed(page);
        Service holder = holder(imports);
        SpreadsheetImports service = service(holder);
        SpreadsheetImport read = service.get(id);
        service.discard(id);
        redirect.addFlashAttribute(DISCARDED, read.fileName() == null ? "" : read.fileName());
        return "redirect:" + UploadView.path(read.forumId(), RecordKind.of(read.records(), holder));
    }

    @GetMapping(IMPORTS + "/report")
    public void report(
            @PathVariable String imports,
            @PathVariable UUID id,
            @ModelAttribute("page") Page page,
            HttpServletResponse response) {
        allowed(page);
        handOver(service(holder(imports)).report(id), response);
    }

    // ----

    private static void allowed(Page page) {
        if (!mayReportInASpreadsheet(page)) {
            throw new ServiceProblem(Service.ACTION_PLANS, 403, null, null, List.of());
        }
    }

    /** The kind of records asked for (actions when none is named); another word is no page. */
    private static RecordKind kind(@Nullable String records) {
        return RecordKind.named(records)
                .orElseThrow(() -> new ServiceProblem(Service.ACTION_PLANS, 404, null, null, List.of()));
    }

    private static Service holder(String imports) {
        return RecordKind.serviceOf(imports)
                .orElseThrow(() -> new ServiceProblem(Service.ACTION_PLANS, 404, null, null, List.of()));
    }

    private SpreadsheetImports service(Service holder) {
        return holder == Service.ASSESSMENTS ? assessments.spreadsheets() : actions.spreadsheets();
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
    static List<String> messages(Page page, RecordKind kind, ServiceProblem problem) {
        List<String> said = new ArrayList<>();
        said.add(
                switch (problem.status()) {
                    case 413 -> page.t("spreadsheets.error.413");
                    case 415 -> page.t("spreadsheets.error.415");
                    default -> page.t("spreadsheets.error.400." + kind.key());
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

    private String refused(Model model, Page page, UUID forumId, RecordKind kind, List<String> messages) {
        List<ServiceProblem.FieldError> errors = messages.stream()
                .map(m -> new ServiceProblem.FieldError(FILE, m))
                .toList();
        FormResult result = FormResult.refused(
                Map.of(),
                Set.of(FILE),
                new ServiceProblem(kind.service(), 400, null, null, errors),
                e -> e.message() == null ? "" : e.message());
        return uploadPage(model, page, forum(forumId), kind, result);
    }

    private String uploadPage(Model model, Page page, ForumSummary forum, RecordKind kind, FormResult result) {
        model.addAttribute(
                "view",
                new UploadView(
                        forum,
                        kind,
                        result,
                        Map.of(FILE, page.t("spreadsheets.upload.file")),
                        model.getAttribute(DISCARDED) instanceof String name ? name : null));
        return "spreadsheets/upload";
    }

    private String previewPage(
            Model model, Page page, Service holder, SpreadsheetImport read, @Nullable List<String> conflict) {
        ForumSummary forum = forums.myForums().stream()
                .filter(f -> read.forumId().equals(f.forumId()))
                .findFirst()
                .orElse(null);
        model.addAttribute(
                "view",
                new PreviewView(
                        read,
                        RecordKind.of(read.records(), holder),
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
