package org.arrival.web.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.web.api.Service;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.layout.Page;
import org.arrival.web.meetings.MeetingsApi.Reference;
import org.arrival.web.problems.Choice;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * "Record a decision" as typed: text, type, method, the votes (sent only for a vote), dissent rows, the records it
 * concerns and assignment rows. Fields carry the registry's JSON names; rows left empty are not sent, and a refusal
 * naming the n-th row sent is shown at the row it came from.
 */
record DecisionForm(
        Map<String, String> typed,
        int rows,
        List<Integer> dissentSent,
        List<Integer> assignmentsSent,
        Map<String, Object> body) {

    static final int ROWS = 2;
    static final int DISSENT_ROWS = 2;
    static final List<String> VOTES = List.of("votes.inFavour", "votes.against", "votes.abstaining");

    static DecisionForm read(MultiValueMap<String, String> sent) {
        int rows = Runners.rows(Runners.typed(sent, "rows"), ROWS);
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : List.of("text", "type", "method")) {
            typed.put(field, Runners.typed(sent, field));
        }
        for (String field : VOTES) {
            typed.put(field, Runners.typed(sent, field));
        }
        for (int i = 0; i < DISSENT_ROWS; i++) {
            for (String part : List.of("stakeholderId", "reason")) {
                typed.put("dissent[" + i + "]." + part, Runners.typed(sent, "dissent[" + i + "]." + part));
            }
        }
        for (int i = 0; i < rows; i++) {
            for (String part : List.of("assigneeId", "expected", "dueOn")) {
                typed.put("assignments[" + i + "]." + part, Runners.typed(sent, "assignments[" + i + "]." + part));
            }
        }
        typed.put("concerns", String.join(",", sent.getOrDefault("concerns", List.of())));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", at(typed, "text").strip());
        body.put("type", at(typed, "type"));
        body.put("method", at(typed, "method"));
        // votes go only with a vote, and only when counted: the registry says they are missing otherwise
        if ("VOTE".equals(at(typed, "method"))
                && VOTES.stream().anyMatch(f -> !at(typed, f).isBlank())) {
            Map<String, Object> votes = new LinkedHashMap<>();
            for (String field : VOTES) {
                votes.put(field.substring("votes.".length()), count(at(typed, field)));
            }
            body.put("votes", votes);
        }
        List<Integer> dissentSent = new ArrayList<>();
        List<Map<String, Object>> dissent = new ArrayList<>();
        for (int i = 0; i < DISSENT_ROWS; i++) {
            String who = at(typed, "dissent[" + i + "].stakeholderId");
            String why = at(typed, "dissent[" + i + "].reason").strip();
            if (who.isBlank() && why.isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stakeholderId", who);
            row.put("reason", why.isEmpty() ? null : why);
            dissent.add(row);
            dissentSent.add(i);
        }
        body.put("dissent", dissent);
        List<Reference> concerns = new ArrayList<>();
        for (String chosen : sent.getOrDefault("concerns", List.of())) {
            Reference r = MeetingsPage.reference(chosen == null ? "" : chosen);
            if (r != null) {
                concerns.add(r);
            }
        }
        body.put("concerns", concerns);
        List<Integer> assignmentsSent = new ArrayList<>();
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String who = at(typed, "assignments[" + i + "].assigneeId");
            String expected = at(typed, "assignments[" + i + "].expected").strip();
            String due = at(typed, "assignments[" + i + "].dueOn").strip();
            if (who.isBlank() && expected.isEmpty() && due.isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("assigneeId", who);
            row.put("expected", expected);
            row.put("dueOn", due);
            assignments.add(row);
            assignmentsSent.add(i);
        }
        body.put("assignments", assignments);
        return new DecisionForm(typed, rows, dissentSent, assignmentsSent, body);
    }

    /** A number of votes typed, or the text itself for the registry to refuse. */
    private static Object count(String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }

    Set<String> fields() {
        Set<String> fields = new java.util.HashSet<>(typed.keySet());
        fields.add("votes");
        fields.add("dissent");
        fields.add("assignments");
        return fields;
    }

    /** What cannot be sent as it is (a vote count or a due date that is none), refused here at its field. */
    @Nullable
    ServiceProblem unreadable(Page page) {
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        if ("VOTE".equals(at(typed, "method"))) {
            for (String field : VOTES) {
                String t = at(typed, field).strip();
                if (!t.isEmpty() && !t.matches("\\d{1,6}")) {
                    errors.add(new ServiceProblem.FieldError(field, page.t("meeting.decision.votes.number")));
                }
            }
        }
        for (int i : assignmentsSent) {
            String due = at(typed, "assignments[" + i + "].dueOn").strip();
            try {
                LocalDate.parse(due);
            } catch (DateTimeParseException e) {
                errors.add(
                        new ServiceProblem.FieldError("assignments[" + i + "].dueOn", page.t("meetings.date.invalid")));
            }
        }
        return errors.isEmpty() ? null : new ServiceProblem(Service.REGISTRY, 400, null, null, errors);
    }

    /** The registry's refusal with its rows named as the form's rows; {@code concerns[i]} at the concerns. */
    ServiceProblem atRows(ServiceProblem problem) {
        ServiceProblem named = Runners.atRows(problem, "dissent", dissentSent, "dissent", rest -> rest);
        named = Runners.atRows(named, "assignments", assignmentsSent, "assignments", rest -> rest);
        return Runners.atRows(named, "concerns", List.of(), "concerns", rest -> rest);
    }

    private static String at(Map<String, String> typed, String field) {
        return typed.getOrDefault(field, "");
    }

    static List<Choice> typeChoices(Page page) {
        List<Choice> choices = new ArrayList<>();
        for (DecisionType t : DecisionType.values()) {
            choices.add(new Choice(t.name(), page.label("DecisionType", t.name())));
        }
        return choices;
    }

    static List<Choice> methodChoices(Page page) {
        List<Choice> choices = new ArrayList<>();
        for (DecisionMethod m : DecisionMethod.values()) {
            choices.add(new Choice(m.name(), page.label("DecisionMethod", m.name())));
        }
        return choices;
    }
}
