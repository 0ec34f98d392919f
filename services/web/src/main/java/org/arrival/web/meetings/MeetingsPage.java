package org.arrival.web.meetings;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.meetings.MeetingsApi.Meeting;
import org.arrival.web.meetings.MeetingsApi.Proposal;
import org.arrival.web.meetings.MeetingsApi.Reference;
import org.arrival.web.problems.Choice;
import org.arrival.web.problems.FormResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A forum's meetings, newest first, by status and 20 a page, and for the people who run the forum the form to
 * schedule one: title, date, time, place or online link, agenda items each with a record of the forum chosen by
 * kind, and the agenda items nested forums proposed. Agenda rows grow with "Add an agenda item", a submit that posts
 * the form back with one more row and sends nothing.
 */
@Controller
public class MeetingsPage {

    static final int PAGE_SIZE = 20;
    static final int AGENDA_ROWS = 3;
    static final String PROPOSALS = "proposalId";
    static final List<String> DETAILS = List.of("title", "date", "startTime", "place", "onlineLink");

    private final MeetingsApi meetings;
    private final RegistryApi registry;
    private final ForumApi forums;
    private final AssessmentsApi assessments;

    public MeetingsPage(MeetingsApi meetings, RegistryApi registry, ForumApi forums, AssessmentsApi assessments) {
        this.meetings = meetings;
        this.registry = registry;
        this.forums = forums;
        this.assessments = assessments;
    }

    @GetMapping("/forums/{forumId}/meetings")
    public String list(
            @PathVariable UUID forumId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            @ModelAttribute("page") Page reader,
            Model model) {
        return show(model, reader, forumId, status, page, FormResult.empty(), AGENDA_ROWS);
    }

    @PostMapping("/forums/{forumId}/meetings")
    public String schedule(
            @PathVariable UUID forumId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        int rows = Runners.rows(Runners.typed(sent, "rows"), AGENDA_ROWS);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : DETAILS) {
            typed.put(field, Runners.typed(sent, field));
        }
        for (int i = 0; i < rows; i++) {
            for (String part : List.of("title", "note", "record")) {
                String field = "agenda[" + i + "]." + part;
                typed.put(field, Runners.typed(sent, field));
            }
        }
        typed.put(PROPOSALS, String.join(",", sent.getOrDefault(PROPOSALS, List.of())));
        Set<String> fields = new HashSet<>(typed.keySet());
        fields.add("agenda");
        if (sent.containsKey("more")) {
            return show(model, page, forumId, null, 0, FormResult.of(typed), rows + 1);
        }
        if (!validDate(typed.get("date"))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            ServiceProblem refused = new ServiceProblem(
                    Service.REGISTRY,
                    400,
                    null,
                    null,
                    List.of(new ServiceProblem.FieldError("date", page.t("meetings.date.invalid"))));
            return show(model, page, forumId, null, 0, FormResult.refused(typed, fields, refused), rows);
        }
        List<Integer> sentRows = new ArrayList<>();
        Map<String, Object> body = body(typed, rows, sentRows, proposalsChosen(forumId, typed.get(PROPOSALS)));
        Meeting created;
        try {
            created = meetings.schedule(forumId, body);
        } catch (ServiceProblem problem) {
            if (!(problem.invalidInput() || problem.staleVersion())) {
                throw problem;
            }
            ServiceProblem named = Runners.atRows(
                    problem, "agenda", sentRows, PROPOSALS, rest -> rest.startsWith(".records") ? ".record" : rest);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(
                    model, page, forumId, null, 0, FormResult.refused(typed, fields, named, page::fieldError), rows);
        }
        redirect.addFlashAttribute("notice", page.t("meetings.scheduled", "title", created.title()));
        return "redirect:/forums/" + forumId + "/meetings/" + created.meetingId();
    }

    static boolean validDate(@Nullable String date) {
        try {
            LocalDate.parse(date == null ? "" : date.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The registry's MeetingInput from what was typed: agenda rows with nothing in them are left out ({@code
     * sentRows} gets the row each sent item came from), the chosen proposals follow as items of their own.
     */
    static Map<String, Object> body(
            Map<String, String> typed, int rows, List<Integer> sentRows, List<Proposal> proposals) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", typed.getOrDefault("title", "").strip());
        body.put("date", typed.getOrDefault("date", "").strip());
        body.put("startTime", blankToNull(typed.get("startTime")));
        body.put("place", blankToNull(typed.get("place")));
        body.put("onlineLink", blankToNull(typed.get("onlineLink")));
        List<Map<String, Object>> agenda = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String title = typed.getOrDefault("agenda[" + i + "].title", "").strip();
            String note = typed.getOrDefault("agenda[" + i + "].note", "").strip();
            Reference record = reference(typed.getOrDefault("agenda[" + i + "].record", ""));
            if (title.isEmpty() && note.isEmpty() && record == null) {
                continue;
            }
            List<Reference> records = new ArrayList<>();
            if (record != null) {
                records.add(record);
            }
            // an edited item keeps the records beyond the one its select shows, and the proposal it took up
            for (String more : typed.getOrDefault("agenda[" + i + "].more", "").split(",")) {
                Reference kept = reference(more);
                if (kept != null && !records.contains(kept)) {
                    records.add(kept);
                }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", title);
            item.put("note", note.isEmpty() ? null : note);
            item.put("records", records);
            item.put("proposalId", proposalId(typed.getOrDefault("agenda[" + i + "].proposalId", "")));
            agenda.add(item);
            sentRows.add(i);
        }
        for (Proposal p : proposals) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", p.title());
            item.put("note", p.fromForumName() == null ? null : p.fromForumName());
            item.put("records", p.records());
            item.put("proposalId", p.proposalId());
            agenda.add(item);
        }
        body.put("agenda", agenda);
        return body;
    }

    /** A record chosen in a select as {@code KIND:id}; null when none or not one. */
    static @Nullable Reference reference(String chosen) {
        int colon = chosen.indexOf(':');
        if (colon < 1) {
            return null;
        }
        try {
            return new Reference(
                    chosen.substring(0, colon),
                    UUID.fromString(chosen.substring(colon + 1).strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable UUID proposalId(String typed) {
        try {
            return typed.isBlank() ? null : UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    List<Proposal> proposalsChosen(UUID forumId, String chosen) {
        if (chosen.isBlank()) {
            return List.of();
        }
        Set<String> ids = Set.of(chosen.split(","));
        return proposals(forumId).stream()
                .filter(p -> ids.contains(p.proposalId().toString()))
                .toList();
    }

    List<Proposal> proposals(UUID forumId) {
        try {
            return meetings.proposals(forumId).stream()
                    .filter(p -> p.takenUpByMeetingId() == null)
                    .toList();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return List.of();
        }
    }

    private String show(
            Model model, Page page, UUID forumId, @Nullable String status, int pageNumber, FormResult form, int rows) {
        ForumRecord forum = registry.forum(forumId);
        String filter = status != null && isStatus(status) ? status : null;
        Listing<Meeting> listing = meetings.meetings(forumId, filter, Math.max(0, pageNumber), PAGE_SIZE);
        boolean runs = Runners.runs(page, forum);
        List<Choice> statuses = new ArrayList<>();
        for (MeetingStatus s : MeetingStatus.values()) {
            statuses.add(new Choice(s.name(), page.label("MeetingStatus", s.name())));
        }
        model.addAttribute(
                "meetings",
                new ListView(
                        forum,
                        listing,
                        filter,
                        statuses,
                        runs,
                        form,
                        rows,
                        runs ? RecordChoices.of(page, forumId, forums, assessments, meetings) : List.of(),
                        runs ? proposals(forumId) : List.of()));
        return "meetings/list";
    }

    private static boolean isStatus(String status) {
        for (MeetingStatus s : MeetingStatus.values()) {
            if (s.name().equals(status)) {
                return true;
            }
        }
        return false;
    }

    /** The list, its filter and paging, and the schedule form with its choices for those who run the forum. */
    public record ListView(
            ForumRecord forum,
            Listing<Meeting> listing,
            @Nullable String status,
            List<Choice> statuses,
            boolean runs,
            FormResult form,
            int rows,
            List<RecordChoices.Group> records,
            List<Proposal> proposals) {

        public String path() {
            return "/forums/" + forum.id() + "/meetings";
        }

        public String pagePath(int number) {
            return path() + "?" + (status == null ? "" : "status=" + status + "&") + "page=" + number;
        }

        public boolean proposalChosen(UUID proposalId) {
            return List.of(form.value(PROPOSALS).split(",")).contains(proposalId.toString());
        }
    }
}
