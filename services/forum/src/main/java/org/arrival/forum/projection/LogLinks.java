package org.arrival.forum.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.arrival.contracts.EventJson;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What an event of the log says about the forums it can matter to, so that a forum's history is read without the
 * rest of the platform's: the forums its record is linked to (by sharing, by being the forum's own, or by being named
 * in the forum's meetings, decisions, assignments or flags), the places its record lies in (a forum's views show
 * needs, estimates and rounds of its area) and the record it is part of (a checklist gap of its round).
 *
 * <p>A link is made from one event and kept: a record shared with a forum and later unshared still matters to that
 * forum's view of the past. V10__event_log_by_forum.sql fills the same links from the events logged before, with the
 * same rules in SQL.
 */
public record LogLinks(
        List<ForumKey> forums, List<Place> places, @Nullable String wholeKey) {

    /** The forum the links of the registry's organisations name: every forum's view shows organisations' names. */
    public static final UUID EVERY_FORUM = new UUID(0, 0);

    private static final LogLinks NONE = new LogLinks(List.of(), List.of(), null);

    /** The only text the log's SQL reads as a forum's id. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** Topics keyed by the forum: the forum and its memberships, its meetings and decisions, its flags. */
    private static final Set<String> FORUM_TOPICS =
            Set.of("arrival.registry.forums.v1", "arrival.registry.meetings.v1", "arrival.forum.flags.v1");

    private static final String STAKEHOLDERS = "arrival.registry.stakeholders.v1";

    /** The events whose payload says which forums, places or whole their record is linked to. */
    private static final Set<String> READ = Set.of(
            "ForumEstablished",
            "ForumUpdated",
            "MembershipGranted",
            "MembershipChanged",
            "MembershipEnded",
            "MeetingScheduled",
            "MeetingUpdated",
            "MeetingHeld",
            "MinutesApproved",
            "MeetingCancelled",
            "DecisionRecorded",
            "AssignmentMade",
            "AssignmentAccepted",
            "AssignmentDeclined",
            "AssignmentOverdue",
            "CoherenceFlagRaised",
            "CoherenceFlagUpdated",
            "ActionProposed",
            "ActionUpdated",
            "PlanRecorded",
            "PlanUpdated",
            "NeedIdentified",
            "NeedUpdated",
            "PopulationEstimateRecorded",
            "PopulationEstimateRevised",
            "AssessmentRoundOpened",
            "AssessmentRoundClosed",
            "ChecklistScoresPublished",
            "ChecklistGapIdentified");

    /** An event's key (its record) that matters to the forum. */
    public record ForumKey(UUID forumId, String messageKey) {}

    /** A place a record lies in; the country is always given. */
    public record Place(
            String country,
            @Nullable String subdivision,
            @Nullable String areaCode) {}

    public LogLinks {
        forums = List.copyOf(new LinkedHashSet<>(forums));
        places = List.copyOf(new LinkedHashSet<>(places));
    }

    /** The links of the event; none for an event without a key or whose payload is not JSON. */
    public static LogLinks of(ProjectedEvent event) {
        String key = event.key();
        if (key == null) {
            return NONE;
        }
        List<ForumKey> forums = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        String whole = null;
        if (STAKEHOLDERS.equals(event.topic())) {
            forums.add(new ForumKey(EVERY_FORUM, key));
        }
        if (FORUM_TOPICS.contains(event.topic())) {
            link(forums, key, key);
        }
        if (!READ.contains(event.name())) {
            // most of the log (progress reports, milestones, funding) travels with its action's key: nothing to read
            return new LogLinks(forums, places, whole);
        }
        JsonNode payload;
        try {
            payload = EventJson.mapper().readTree(event.payload());
        } catch (JacksonException unreadable) {
            return new LogLinks(forums, places, whole);
        }
        switch (event.name()) {
            case "ForumEstablished", "ForumUpdated" ->
                link(forums, text(payload.path("forum").path("forumId")), key);
            case "MembershipGranted", "MembershipChanged", "MembershipEnded" ->
                link(forums, text(payload.path("membership").path("forumId")), key);
            case "MeetingScheduled", "MeetingUpdated", "MeetingHeld", "MinutesApproved", "MeetingCancelled" -> {
                JsonNode meeting = payload.path("meeting");
                String forum = text(meeting.path("forumId"));
                link(forums, forum, key);
                for (JsonNode item : elements(meeting.path("agenda"))) {
                    for (JsonNode record : elements(item.path("records"))) {
                        link(forums, forum, text(record.path("recordId")));
                    }
                }
            }
            case "DecisionRecorded" -> {
                JsonNode decision = payload.path("decision");
                String forum = text(decision.path("forumId"));
                link(forums, forum, key);
                for (JsonNode record : elements(decision.path("concerns"))) {
                    link(forums, forum, text(record.path("recordId")));
                }
            }
            case "AssignmentMade", "AssignmentAccepted", "AssignmentDeclined", "AssignmentOverdue" -> {
                JsonNode assignment = payload.path("assignment");
                String forum = text(assignment.path("forumId"));
                link(forums, forum, key);
                link(forums, forum, text(assignment.path("actionId")));
            }
            case "CoherenceFlagRaised", "CoherenceFlagUpdated" -> {
                JsonNode flag = payload.path("flag");
                String forum = text(flag.path("forumId"));
                link(forums, forum, key);
                for (JsonNode record : elements(flag.path("recordIds"))) {
                    link(forums, forum, text(record));
                }
            }
            case "ActionProposed", "ActionUpdated" -> shared(forums, payload.path("action"), key);
            case "PlanRecorded", "PlanUpdated" -> shared(forums, payload.path("plan"), key);
            case "NeedIdentified", "NeedUpdated" -> {
                shared(forums, payload.path("need"), key);
                place(places, payload.path("need").path("area"));
            }
            case "PopulationEstimateRecorded", "PopulationEstimateRevised" -> {
                shared(forums, payload.path("estimate"), key);
                place(places, payload.path("estimate").path("area"));
            }
            case "AssessmentRoundOpened", "AssessmentRoundClosed", "ChecklistScoresPublished" -> {
                shared(forums, payload.path("round"), key);
                place(places, payload.path("round").path("jurisdiction"));
            }
            case "ChecklistGapIdentified" -> whole = text(payload.path("roundId"));
            default -> {
                // an action's milestones, reports and funding, and a need's or round's inputs, share its key
            }
        }
        return new LogLinks(forums, places, whole);
    }

    private static void shared(List<ForumKey> forums, JsonNode record, String key) {
        for (JsonNode forum : elements(record.path("sharedWithForums"))) {
            link(forums, text(forum), key);
        }
    }

    private static void link(List<ForumKey> forums, @Nullable String forum, @Nullable String key) {
        if (forum != null && key != null && UUID_TEXT.matcher(forum).matches()) {
            forums.add(new ForumKey(UUID.fromString(forum), key));
        }
    }

    private static void place(List<Place> places, JsonNode place) {
        String country = text(place.path("country"));
        if (place.isObject() && country != null) {
            places.add(new Place(country, text(place.path("subdivision")), text(place.path("areaCode"))));
        }
    }

    /** The elements of an array, or the value itself when it is one (as SQL/JSON's lax paths read them). */
    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    /** The value as SQL's {@code ->>} reads it: a string's text, another scalar's JSON, nothing for null. */
    private static @Nullable String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
