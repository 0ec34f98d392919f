package org.arrival.web.meetings;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.meetings.MeetingsApi.AgendaItem;
import org.arrival.web.meetings.MeetingsApi.Meeting;
import org.arrival.web.meetings.MeetingsApi.PackItem;
import org.arrival.web.meetings.MeetingsApi.PackRecord;
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
 * Editing a meeting while it is scheduled or held, for those who run the forum: its details and agenda, prefilled
 * from the meeting, with the record choices and proposals of the schedule form. An item keeps its identity in the
 * registry when its title is kept. The change is sent at the version read; after someone else changed the meeting
 * (412) the form comes back with what was typed.
 */
@Controller
public class MeetingEditPage {

    private final MeetingsApi meetings;
    private final RegistryApi registry;
    private final ForumApi forums;
    private final AssessmentsApi assessments;
    private final MeetingsPage scheduling;

    public MeetingEditPage(
            MeetingsApi meetings,
            RegistryApi registry,
            ForumApi forums,
            AssessmentsApi assessments,
            MeetingsPage scheduling) {
        this.meetings = meetings;
        this.registry = registry;
        this.forums = forums;
        this.assessments = assessments;
        this.scheduling = scheduling;
    }

    @GetMapping("/forums/{forumId}/meetings/{meetingId}/edit")
    public String form(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @ModelAttribute("page") Page page,
            Model model,
            HttpServletResponse response) {
        Meeting meeting = meetings.meeting(forumId, meetingId);
        int rows = Math.max(MeetingsPage.AGENDA_ROWS, meeting.agenda().size() + 1);
        return show(model, page, response, forumId, meeting, FormResult.of(values(meeting)), rows);
    }

    @PostMapping("/forums/{forumId}/meetings/{meetingId}/edit")
    public String save(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        int rows = Runners.rows(Runners.typed(sent, "rows"), MeetingsPage.AGENDA_ROWS);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("version", Runners.typed(sent, "version"));
        for (String field : MeetingsPage.DETAILS) {
            typed.put(field, Runners.typed(sent, field));
        }
        for (int i = 0; i < rows; i++) {
            for (String part : List.of("title", "note", "record", "more", "proposalId")) {
                String field = "agenda[" + i + "]." + part;
                typed.put(field, Runners.typed(sent, field));
            }
        }
        typed.put(MeetingsPage.PROPOSALS, String.join(",", sent.getOrDefault(MeetingsPage.PROPOSALS, List.of())));
        Set<String> fields = new HashSet<>(typed.keySet());
        fields.add("agenda");
        if (sent.containsKey("more")) {
            return show(
                    model,
                    page,
                    response,
                    forumId,
                    meetings.meeting(forumId, meetingId),
                    FormResult.of(typed),
                    rows + 1);
        }
        if (!MeetingsPage.validDate(typed.get("date"))) {
            ServiceProblem refused = new ServiceProblem(
                    Service.REGISTRY,
                    400,
                    null,
                    null,
                    List.of(new ServiceProblem.FieldError("date", page.t("meetings.date.invalid"))));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(
                    model,
                    page,
                    response,
                    forumId,
                    meetings.meeting(forumId, meetingId),
                    FormResult.refused(typed, fields, refused),
                    rows);
        }
        long read = Runners.version(typed.get("version"), -1);
        List<Integer> sentRows = new ArrayList<>();
        Map<String, Object> body = MeetingsPage.body(
                typed, rows, sentRows, scheduling.proposalsChosen(forumId, typed.get(MeetingsPage.PROPOSALS)));
        Meeting saved;
        try {
            if (read < 0) {
                throw new ServiceProblem(Service.REGISTRY, 412, null, null, List.of());
            }
            saved = meetings.update(forumId, meetingId, read, body);
        } catch (ServiceProblem problem) {
            if (!(problem.invalidInput() || problem.staleVersion())) {
                throw problem;
            }
            Meeting now = meetings.meeting(forumId, meetingId);
            ServiceProblem named = Runners.atRows(
                    problem,
                    "agenda",
                    sentRows,
                    MeetingsPage.PROPOSALS,
                    rest -> rest.startsWith(".records") ? ".record" : rest);
            FormResult refused = FormResult.refused(typed, fields, named, page::fieldError);
            if (refused.conflict()) {
                // saving again applies what was typed over the meeting as it is now
                refused.values().put("version", String.valueOf(now.version()));
            }
            response.setStatus(refused.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : problem.status());
            return show(model, page, response, forumId, now, refused, rows);
        }
        redirect.addFlashAttribute("notice", page.t("meeting.saved.details", "title", saved.title()));
        return "redirect:/forums/" + forumId + "/meetings/" + meetingId;
    }

    /** The form's values from the meeting as the registry has it: one row per agenda item. */
    static Map<String, String> values(Meeting meeting) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", String.valueOf(meeting.version()));
        values.put("title", meeting.title());
        values.put("date", meeting.date().toString());
        values.put("startTime", orEmpty(meeting.startTime()));
        values.put("place", orEmpty(meeting.place()));
        values.put("onlineLink", orEmpty(meeting.onlineLink()));
        for (int i = 0; i < meeting.agenda().size(); i++) {
            AgendaItem item = meeting.agenda().get(i);
            String row = "agenda[" + i + "].";
            values.put(row + "title", item.title());
            values.put(row + "note", orEmpty(item.note()));
            List<String> records = item.records().stream()
                    .map(r -> r.kind() + ":" + r.recordId())
                    .toList();
            values.put(row + "record", records.isEmpty() ? "" : records.getFirst());
            values.put(row + "more", records.size() < 2 ? "" : String.join(",", records.subList(1, records.size())));
            values.put(
                    row + "proposalId",
                    item.proposalId() == null ? "" : item.proposalId().toString());
        }
        return values;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private String show(
            Model model,
            Page page,
            HttpServletResponse response,
            UUID forumId,
            Meeting meeting,
            FormResult form,
            int rows) {
        ForumRecord forum = registry.forum(forumId);
        boolean runs = Runners.runs(page, forum);
        boolean editable = "SCHEDULED".equals(meeting.status()) || "HELD".equals(meeting.status());
        String refused = null;
        if (!runs) {
            refused = page.t("meeting.edit.refused");
            response.setStatus(HttpStatus.FORBIDDEN.value());
        } else if (!editable) {
            refused = page.t("meeting.edit.final", "status", page.label("MeetingStatus", meeting.status()));
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        boolean withForm = refused == null;
        model.addAttribute(
                "edit",
                new EditView(
                        forum,
                        meeting,
                        refused,
                        form,
                        rows,
                        withForm ? choices(page, forumId, meeting, form, rows) : List.of(),
                        withForm ? scheduling.proposals(forumId) : List.of()));
        return "meetings/edit";
    }

    /**
     * The schedule form's record choices, and the records the agenda names now when they are not among them (a
     * resolved flag, a need), named as the forum view's pack names them.
     */
    private List<RecordChoices.Group> choices(Page page, UUID forumId, Meeting meeting, FormResult form, int rows) {
        List<RecordChoices.Group> groups =
                new ArrayList<>(RecordChoices.of(page, forumId, forums, assessments, meetings));
        Set<String> offered = new HashSet<>();
        groups.forEach(g -> g.choices().forEach(c -> offered.add(c.value())));
        Map<String, String> titles = new HashMap<>();
        try {
            for (PackItem item :
                    meetings.pack(forumId, meeting.meetingId()).meeting().agenda()) {
                for (PackRecord r : item.records()) {
                    if (r.title() != null) {
                        titles.put(r.kind() + ":" + r.recordId(), r.title());
                    }
                }
            }
        } catch (ServiceProblem | ServiceUnavailable e) {
            // the records are then offered by their kind only
        }
        Map<String, List<Choice>> missing = new LinkedHashMap<>();
        for (int i = 0; i < rows; i++) {
            String chosen = form.value("agenda[" + i + "].record");
            Reference r = MeetingsPage.reference(chosen);
            if (r != null && offered.add(chosen)) {
                String label = titles.getOrDefault(chosen, page.label("ReferencedRecordKind", r.kind()));
                missing.computeIfAbsent(r.kind(), k -> new ArrayList<>())
                        .add(new Choice(chosen, RecordChoices.shortened(label)));
            }
        }
        for (Map.Entry<String, List<Choice>> kind : missing.entrySet()) {
            int at = -1;
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).kind().equals(kind.getKey())) {
                    at = g;
                }
            }
            if (at < 0) {
                groups.add(new RecordChoices.Group(
                        kind.getKey(), page.label("ReferencedRecordKind", kind.getKey()), kind.getValue()));
            } else {
                RecordChoices.Group group = groups.get(at);
                List<Choice> all = new ArrayList<>(group.choices());
                all.addAll(kind.getValue());
                groups.set(at, new RecordChoices.Group(group.kind(), group.label(), all));
            }
        }
        return groups;
    }

    /** The edit form, or why there is none ({@code refused}). */
    public record EditView(
            ForumRecord forum,
            Meeting meeting,
            @Nullable String refused,
            FormResult form,
            int rows,
            List<RecordChoices.Group> records,
            List<Proposal> proposals) {

        public String path() {
            return "/forums/" + forum.id() + "/meetings/" + meeting.meetingId();
        }

        /** Whether a proposal not yet taken up was ticked in the form. */
        public boolean proposalChosen(UUID proposalId) {
            return List.of(form.value(MeetingsPage.PROPOSALS).split(",")).contains(proposalId.toString());
        }
    }
}
