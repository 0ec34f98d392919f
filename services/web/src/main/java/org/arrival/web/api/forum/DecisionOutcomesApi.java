package org.arrival.web.api.forum;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.TrackerItem;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The forum view of a forum's decisions: what came of them (their assignments, the actions linked to them and their
 * latest progress) as of a date, and a meeting's pack. The forum service leaves out what the reader may not see.
 */
@Component
public class DecisionOutcomesApi {

    private final RestClient client;

    public DecisionOutcomesApi(ApiClients clients) {
        this.client = clients.client(Service.FORUM);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Votes(
            @Nullable Integer inFavour,
            @Nullable Integer against,
            @Nullable Integer abstaining) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dissent(
            @Nullable UUID stakeholderId,
            @Nullable String organisationName,
            @Nullable String reason) {}

    /** A record a decision or an agenda item concerns, titled as it stood then; left out when the reader may not see it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Concern(
            String kind,
            UUID recordId,
            @Nullable String title,
            @Nullable String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatestProgress(
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            @Nullable String rag,
            @Nullable String summary) {}

    /** The assignee's action linked to an assignment, as it stood then. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinkedAction(
            UUID actionId,
            @Nullable String title,
            @Nullable String status,
            boolean reportingOverdue,
            @Nullable LatestProgress latestProgress) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutcomeAssignment(
            UUID assignmentId,
            UUID assigneeId,
            @Nullable String assigneeName,
            @Nullable String expected,
            @Nullable LocalDate dueOn,
            String status,
            @Nullable String declineReason,
            boolean overdue,
            List<String> overdueReasons,
            @Nullable LinkedAction action) {

        public OutcomeAssignment {
            overdueReasons = overdueReasons == null ? List.of() : overdueReasons;
        }
    }

    /** A decision and what came of it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcome(
            UUID decisionId,
            @Nullable UUID meetingId,
            @Nullable String meetingTitle,
            @Nullable LocalDate decidedOn,
            @Nullable String text,
            @Nullable String type,
            @Nullable String method,
            @Nullable Votes votes,
            List<Dissent> dissent,
            List<Concern> concerns,
            List<OutcomeAssignment> assignments,
            boolean overdue) {

        public Outcome {
            dissent = dissent == null ? List.of() : dissent;
            concerns = concerns == null ? List.of() : concerns;
            assignments = assignments == null ? List.of() : assignments;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attendance(
            @Nullable UUID stakeholderId,
            @Nullable String organisationName,
            @Nullable String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgendaItem(
            @Nullable UUID itemId,
            @Nullable String title,
            @Nullable String note,
            List<Concern> records) {

        public AgendaItem {
            records = records == null ? List.of() : records;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PackMeeting(
            UUID meetingId,
            @Nullable String title,
            @Nullable LocalDate date,
            @Nullable String startTime,
            @Nullable String place,
            @Nullable String onlineLink,
            @Nullable String status,
            @Nullable String minutes,
            @Nullable String cancellationReason,
            List<Attendance> attendance,
            List<AgendaItem> agenda) {

        public PackMeeting {
            attendance = attendance == null ? List.of() : attendance;
            agenda = agenda == null ? List.of() : agenda;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PreviousMeeting(
            UUID meetingId,
            @Nullable String title,
            @Nullable LocalDate date) {}

    /** What a meeting needs on paper: its agenda, the tracker and open flags then, and what came of earlier decisions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pack(
            PackMeeting meeting,
            List<TrackerItem> tracker,
            List<Flag> openFlags,
            @Nullable PreviousMeeting previousMeeting,
            List<Outcome> previousDecisions) {

        public Pack {
            tracker = tracker == null ? List.of() : tracker;
            openFlags = openFlags == null ? List.of() : openFlags;
            previousDecisions = previousDecisions == null ? List.of() : previousDecisions;
        }
    }

    /** The forum's decisions as they stood on the date, newest first. */
    public Listing<Outcome> outcomes(UUID forumId, LocalDate asOf, int page, int size) {
        return required(client.get()
                .uri(uri -> uri.path("/forums/{forumId}/decisions")
                        .queryParam("asOf", asOf)
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build(forumId))
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Outcome>>() {}));
    }

    public Pack pack(UUID forumId, UUID meetingId) {
        return required(client.get()
                .uri("/forums/{forumId}/meetings/{meetingId}/pack", forumId, meetingId)
                .retrieve()
                .body(Pack.class));
    }
}
