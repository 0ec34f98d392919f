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
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.api.registry.OrganisationNames;
import org.arrival.web.api.registry.RegistryApi;
import org.arrival.web.api.registry.RegistryApi.ForumRecord;
import org.arrival.web.layout.Page;
import org.arrival.web.meetings.MeetingsApi.Meeting;
import org.arrival.web.meetings.MeetingsApi.PackItem;
import org.arrival.web.meetings.MeetingsApi.PackRecord;
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
 * A meeting of a forum: its details, its agenda with each record's title (from the forum view's pack, so records the
 * reader may not see are not named), who attended, the minutes, and the decisions taken there with their
 * assignments. Those who run the forum also get the attendance form (one row per seated organisation), the minutes
 * form, the next steps (held, minutes approved, cancelled with a reason) and "Record a decision"; every edit carries
 * the version read, and after someone else changed the meeting (412) the form comes back with what was typed. They are
 * also linked to the meeting's history and, while it is scheduled or held, to editing its details and agenda.
 */
@Controller
public class MeetingPage {

    static final String ATTENDANCE = "attendance";
    static final String MINUTES = "minutes";
    static final String MOVE = "status";
    static final String DECISION = "decision";
    static final Set<String> STEPS = Set.of("HELD", "MINUTES_APPROVED", "CANCELLED");

    private final MeetingsApi meetings;
    private final RegistryApi registry;
    private final OrganisationNames names;
    private final ForumApi forums;

    public MeetingPage(MeetingsApi meetings, RegistryApi registry, OrganisationNames names, ForumApi forums) {
        this.meetings = meetings;
        this.registry = registry;
        this.names = names;
        this.forums = forums;
    }

    @GetMapping("/forums/{forumId}/meetings/{meetingId}")
    public String meeting(
            @PathVariable UUID forumId, @PathVariable UUID meetingId, @ModelAttribute("page") Page page, Model model) {
        return show(model, page, forumId, meetings.meeting(forumId, meetingId), Map.of(), DecisionForm.ROWS);
    }

    @PostMapping("/forums/{forumId}/meetings/{meetingId}/attendance")
    public String attendance(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("version", Runners.typed(sent, "version"));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Integer> sentRows = new ArrayList<>();
        for (int i = 0; sent.containsKey("attendance[" + i + "].stakeholderId"); i++) {
            String who = Runners.typed(sent, "attendance[" + i + "].stakeholderId");
            String status = Runners.typed(sent, "attendance[" + i + "].status");
            typed.put("attendance[" + i + "].stakeholderId", who);
            typed.put("attendance[" + i + "].status", status);
            if (!status.isBlank()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("stakeholderId", who);
                row.put("status", status);
                rows.add(row);
                sentRows.add(i);
            }
        }
        return edit(
                model,
                page,
                redirect,
                response,
                forumId,
                meetingId,
                ATTENDANCE,
                typed,
                sentRows,
                read -> meetings.replaceAttendance(forumId, meetingId, read, rows));
    }

    @PostMapping("/forums/{forumId}/meetings/{meetingId}/minutes")
    public String minutes(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("version", Runners.typed(sent, "version"));
        typed.put("minutes", Runners.typed(sent, "minutes"));
        return edit(
                model,
                page,
                redirect,
                response,
                forumId,
                meetingId,
                MINUTES,
                typed,
                List.of(),
                read -> meetings.replaceMinutes(forumId, meetingId, read, typed.get("minutes")));
    }

    @PostMapping("/forums/{forumId}/meetings/{meetingId}/status")
    public String move(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("version", Runners.typed(sent, "version"));
        typed.put("status", Runners.typed(sent, "status"));
        typed.put("reason", Runners.typed(sent, "reason"));
        String status = typed.get("status");
        String reason =
                typed.get("reason").isBlank() ? null : typed.get("reason").strip();
        if (!STEPS.contains(status) || ("CANCELLED".equals(status) && reason == null)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String field = STEPS.contains(status) ? "reason" : "status";
            String words =
                    STEPS.contains(status) ? page.t("meeting.cancel.reasonRequired") : page.t("meeting.step.choose");
            ServiceProblem refused = new ServiceProblem(
                    Service.REGISTRY, 400, null, null, List.of(new ServiceProblem.FieldError(field, words)));
            Meeting now = meetings.meeting(forumId, meetingId);
            return show(
                    model,
                    page,
                    forumId,
                    now,
                    Map.of(MOVE, FormResult.refused(typed, Set.of("status", "reason"), refused)),
                    DecisionForm.ROWS);
        }
        return edit(
                model,
                page,
                redirect,
                response,
                forumId,
                meetingId,
                MOVE,
                typed,
                List.of(),
                read -> meetings.move(forumId, meetingId, read, status, "CANCELLED".equals(status) ? reason : null));
    }

    @PostMapping("/forums/{forumId}/meetings/{meetingId}/decisions")
    public String decide(
            @PathVariable UUID forumId,
            @PathVariable UUID meetingId,
            @RequestParam MultiValueMap<String, String> sent,
            @ModelAttribute("page") Page page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        DecisionForm decision = DecisionForm.read(sent);
        if (sent.containsKey("more")) {
            return show(
                    model,
                    page,
                    forumId,
                    meetings.meeting(forumId, meetingId),
                    Map.of(DECISION, FormResult.of(decision.typed())),
                    decision.rows() + 1);
        }
        ServiceProblem wrong = decision.unreadable(page);
        if (wrong == null) {
            try {
                meetings.decide(forumId, meetingId, decision.body());
                redirect.addFlashAttribute("notice", page.t("meeting.decision.recorded"));
                return "redirect:/forums/" + forumId + "/meetings/" + meetingId + "#decisions";
            } catch (ServiceProblem problem) {
                if (!problem.invalidInput()) {
                    throw problem;
                }
                wrong = decision.atRows(problem);
            }
        }
        response.setStatus(wrong.status());
        return show(
                model,
                page,
                forumId,
                meetings.meeting(forumId, meetingId),
                Map.of(DECISION, FormResult.refused(decision.typed(), decision.fields(), wrong, page::fieldError)),
                decision.rows());
    }

    /** A change made with If-Match at the version the form was read at; on refusal the form comes back as typed. */
    private String edit(
            Model model,
            Page page,
            RedirectAttributes redirect,
            HttpServletResponse response,
            UUID forumId,
            UUID meetingId,
            String form,
            Map<String, String> typed,
            List<Integer> sentRows,
            java.util.function.LongConsumer call) {
        long read = Runners.version(typed.getOrDefault("version", ""), -1);
        try {
            if (read < 0) {
                throw new ServiceProblem(Service.REGISTRY, 412, null, null, List.of());
            }
            call.accept(read);
        } catch (ServiceProblem problem) {
            if (!(problem.invalidInput() || problem.staleVersion())) {
                throw problem;
            }
            Meeting now = meetings.meeting(forumId, meetingId);
            ServiceProblem named = Runners.atRows(problem, "attendance", sentRows, null, rest -> rest);
            FormResult refused = FormResult.refused(typed, new HashSet<>(typed.keySet()), named, page::fieldError);
            if (refused.conflict()) {
                refused.values().put("version", String.valueOf(now.version()));
            }
            response.setStatus(refused.conflict() ? HttpStatus.PRECONDITION_FAILED.value() : problem.status());
            return show(model, page, forumId, now, Map.of(form, refused), DecisionForm.ROWS);
        }
        redirect.addFlashAttribute("notice", page.t("meeting.saved." + form));
        return "redirect:/forums/" + forumId + "/meetings/" + meetingId;
    }

    private String show(
            Model model, Page page, UUID forumId, Meeting meeting, Map<String, FormResult> forms, int decisionRows) {
        ForumRecord forum = registry.forum(forumId);
        boolean runs = Runners.runs(page, forum);
        List<PackItem> agenda = agenda(forumId, meeting);
        Map<UUID, String> titles = new HashMap<>();
        for (PackItem item : agenda) {
            for (PackRecord r : item.records()) {
                if (r.title() != null) {
                    titles.put(r.recordId(), r.title());
                }
            }
        }
        List<Choice> seated = List.of();
        if (runs) {
            List<UUID> ids = registry.memberships(forumId, false).stream()
                    .filter(m -> "ACTIVE".equals(m.status()))
                    .map(RegistryApi.Membership::stakeholderId)
                    .distinct()
                    .toList();
            Map<UUID, String> named = names.of(ids);
            seated = ids.stream()
                    .map(id -> new Choice(id.toString(), named.getOrDefault(id, page.t("meeting.organisation.hidden"))))
                    .sorted(java.util.Comparator.comparing(Choice::label))
                    .toList();
        }
        model.addAttribute(
                "view",
                new MeetingView(
                        forum,
                        meeting,
                        runs,
                        agenda,
                        titles,
                        seated,
                        forms.getOrDefault(ATTENDANCE, FormResult.of(attendanceValues(meeting, seated))),
                        forms.getOrDefault(
                                MINUTES,
                                FormResult.of(Map.of(
                                        "version",
                                        String.valueOf(meeting.version()),
                                        "minutes",
                                        meeting.minutes() == null ? "" : meeting.minutes()))),
                        forms.getOrDefault(MOVE, FormResult.of(Map.of("version", String.valueOf(meeting.version())))),
                        forms.getOrDefault(DECISION, FormResult.empty()),
                        decisionRows,
                        runs && "HELD".equals(meeting.status()) ? openFlags(page, forumId) : List.of(),
                        DecisionForm.typeChoices(page),
                        DecisionForm.methodChoices(page)));
        return "meetings/meeting";
    }

    /**
     * The agenda as the forum view's pack names its records; when the forum service cannot say, the registry's items
     * with their titles and notes only (records unnamed rather than shown by id).
     */
    private List<PackItem> agenda(UUID forumId, Meeting meeting) {
        try {
            return meetings.pack(forumId, meeting.meetingId()).meeting().agenda();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return meeting.agenda().stream()
                    .map(i -> new PackItem(i.itemId(), i.title(), i.note(), List.of()))
                    .toList();
        }
    }

    /** The forum's open flags a decision may resolve, each by its finding; none when the forum service cannot say. */
    private List<Choice> openFlags(Page page, UUID forumId) {
        try {
            return forums.allFlags(forumId, ForumApi.FlagQuery.WAITING).stream()
                    .map(f -> new Choice(
                            "FLAG:" + f.flagId(),
                            RecordChoices.shortened(org.arrival.web.wording.Wording.finding(page, f)),
                            "FLAG"))
                    .toList();
        } catch (ServiceProblem | ServiceUnavailable e) {
            return List.of();
        }
    }

    /** One row per seated organisation, with the status the meeting has for it. */
    private static Map<String, String> attendanceValues(Meeting meeting, List<Choice> seated) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", String.valueOf(meeting.version()));
        for (int i = 0; i < seated.size(); i++) {
            String id = seated.get(i).value();
            values.put("attendance[" + i + "].stakeholderId", id);
            values.put(
                    "attendance[" + i + "].status",
                    meeting.attendance().stream()
                            .filter(a -> a.stakeholderId().toString().equals(id))
                            .map(MeetingsApi.Attendance::status)
                            .findFirst()
                            .orElse(""));
        }
        return values;
    }

    /** The meeting as the page shows it, and its forms for those who run the forum. */
    public record MeetingView(
            ForumRecord forum,
            Meeting meeting,
            boolean runs,
            List<PackItem> agenda,
            Map<UUID, String> titles,
            List<Choice> seated,
            FormResult attendanceForm,
            FormResult minutesForm,
            FormResult statusForm,
            FormResult decisionForm,
            int decisionRows,
            List<Choice> flags,
            List<Choice> types,
            List<Choice> methods) {

        public String path() {
            return "/forums/" + forum.id() + "/meetings/" + meeting.meetingId();
        }

        /** What a decision may concern: every record the pack's agenda names, then the forum's open flags. */
        public List<Choice> concernChoices() {
            List<Choice> choices = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (PackItem item : agenda) {
                for (PackRecord r : item.records()) {
                    if (r.title() != null && seen.add(r.kind() + ":" + r.recordId())) {
                        choices.add(new Choice(r.kind() + ":" + r.recordId(), r.title(), r.kind()));
                    }
                }
            }
            for (Choice flag : flags) {
                if (seen.add(flag.value())) {
                    choices.add(flag);
                }
            }
            return choices;
        }

        public boolean concernChosen(String value) {
            return List.of(decisionForm.value("concerns").split(",")).contains(value);
        }

        /** Where a record's page is, when it has one here. */
        public static @Nullable String link(UUID forumId, String kind, UUID recordId) {
            return switch (kind) {
                case "ACTION" -> "/actions/" + recordId;
                case "NEED" -> "/needs/" + recordId;
                case "FLAG" -> "/forums/" + forumId + "/flags/" + recordId;
                case "PLAN" -> "/plans/" + recordId;
                case "ROUND" -> "/rounds/" + recordId;
                default -> null;
            };
        }

        /** The kind of status a record of this kind has, for its label. */
        public static String statusKind(String kind) {
            return switch (kind) {
                case "ACTION" -> "ActionStatus";
                case "NEED" -> "NeedStatus";
                case "FLAG" -> "FlagStatus";
                case "PLAN" -> "PlanStatus";
                case "ROUND" -> "RoundStatus";
                default -> "Status";
            };
        }

        public boolean editable() {
            return "SCHEDULED".equals(meeting.status()) || "HELD".equals(meeting.status());
        }
    }
}
