package org.arrival.web.meetings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.ServiceUnavailable;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.api.forum.ForumApi;
import org.arrival.web.layout.Page;
import org.arrival.web.problems.Choice;

/**
 * The forum's records an agenda item can name, grouped by kind, each by its title: the actions of its tracker, the
 * needs its coverage counts (named by their statements as the assessments service shows them to the reader), its open
 * coherence flags, the checklist rounds its readiness is scored on, and its decisions. A service that does not answer
 * leaves its kind out. Plans are not offered: no service lists a forum's plans.
 */
public final class RecordChoices {

    /** The records of one kind, as {@code KIND:id} values. */
    public record Group(String kind, String label, List<Choice> choices) {}

    private static final int LONGEST = 90;

    private RecordChoices() {}

    static List<Group> of(Page page, UUID forumId, ForumApi forums, AssessmentsApi assessments, MeetingsApi meetings) {
        List<Group> groups = new ArrayList<>();
        try {
            groups.add(group(
                    page,
                    "ACTION",
                    forums.allActions(forumId).stream()
                            .map(a -> new Choice("ACTION:" + a.actionId(), shortened(a.title())))
                            .toList()));
        } catch (ServiceProblem | ServiceUnavailable e) {
            // the forum service cannot say: no actions to choose
        }
        try {
            Set<UUID> ofForum = new HashSet<>();
            forums.needsCoverage(forumId).forEach(cell -> ofForum.addAll(cell.needIds()));
            groups.add(group(
                    page,
                    "NEED",
                    ofForum.isEmpty()
                            ? List.of()
                            : assessments.needs().stream()
                                    .filter(n -> ofForum.contains(n.id()))
                                    .map(n -> new Choice("NEED:" + n.id(), shortened(n.statement())))
                                    .toList()));
        } catch (ServiceProblem | ServiceUnavailable e) {
            // no needs to choose
        }
        try {
            groups.add(group(
                    page,
                    "FLAG",
                    forums.allFlags(forumId, ForumApi.FlagQuery.WAITING).stream()
                            .map(f -> new Choice(
                                    "FLAG:" + f.flagId(), shortened(org.arrival.web.wording.Wording.finding(page, f))))
                            .toList()));
        } catch (ServiceProblem | ServiceUnavailable e) {
            // no flags to choose
        }
        try {
            ForumApi.Readiness readiness = forums.readiness(forumId);
            List<ForumApi.RoundScore> scored = new ArrayList<>(readiness.trend());
            if (readiness.latest() != null) {
                scored.addFirst(readiness.latest());
            }
            Set<UUID> seen = new HashSet<>();
            groups.add(group(
                    page,
                    "ROUND",
                    scored.stream()
                            .filter(r -> r.roundId() != null && seen.add(r.roundId()))
                            .map(r -> new Choice("ROUND:" + r.roundId(), shortened(r.title())))
                            .toList()));
        } catch (ServiceProblem | ServiceUnavailable e) {
            // no rounds to choose
        }
        try {
            groups.add(group(
                    page,
                    "DECISION",
                    meetings.decisions(forumId).stream()
                            .map(d -> new Choice(
                                    "DECISION:" + d.decisionId(),
                                    (d.decidedOn() == null ? "" : page.format().date(d.decidedOn()) + ": ")
                                            + shortened(d.text())))
                            .toList()));
        } catch (ServiceProblem | ServiceUnavailable e) {
            // no decisions to choose
        }
        return groups.stream().filter(g -> !g.choices().isEmpty()).toList();
    }

    private static Group group(Page page, String kind, List<Choice> choices) {
        return new Group(kind, page.label("ReferencedRecordKind", kind), choices);
    }

    static String shortened(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= LONGEST ? line : line.substring(0, LONGEST - 1) + "…";
    }
}
