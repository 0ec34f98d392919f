package org.arrival.web.meetings;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.arrival.web.api.registry.RegistryApi.Revision;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The registry's meetings and decisions of a forum, and the forum service's meeting pack, which names the agenda's
 * records with their titles as far as the reader may see them.
 */
@Component
public class MeetingsApi {

    private final RestClient registry;
    private final RestClient forum;

    public MeetingsApi(ApiClients clients) {
        this.registry = clients.client(Service.REGISTRY);
        this.forum = clients.client(Service.FORUM);
    }

    /** A record a meeting or decision refers to, by kind (ACTION, NEED, FLAG, PLAN, ROUND, DECISION) and id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(String kind, UUID recordId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgendaItem(
            UUID itemId,
            String title,
            @Nullable String note,
            List<Reference> records,
            @Nullable UUID proposalId) {

        public AgendaItem {
            records = records == null ? List.of() : records;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attendance(UUID stakeholderId, @Nullable String name, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Votes(int inFavour, int against, int abstaining) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dissent(
            UUID stakeholderId,
            @Nullable String name,
            @Nullable String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(
            UUID assignmentId,
            long version,
            @Nullable UUID assigneeId,
            @Nullable String assigneeName,
            @Nullable String expected,
            @Nullable LocalDate dueOn,
            String status,
            @Nullable String declineReason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(
            UUID decisionId,
            long version,
            UUID forumId,
            @Nullable UUID meetingId,
            @Nullable LocalDate decidedOn,
            String text,
            String type,
            String method,
            @Nullable Votes votes,
            List<Dissent> dissent,
            List<Reference> concerns,
            @Nullable UUID escalatedToForumId,
            List<Assignment> assignments) {

        public Decision {
            dissent = dissent == null ? List.of() : dissent;
            concerns = concerns == null ? List.of() : concerns;
            assignments = assignments == null ? List.of() : assignments;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meeting(
            UUID meetingId,
            long version,
            UUID forumId,
            String title,
            LocalDate date,
            @Nullable String startTime,
            @Nullable String place,
            @Nullable String onlineLink,
            List<AgendaItem> agenda,
            List<Attendance> attendance,
            @Nullable String minutes,
            String status,
            @Nullable String cancellationReason,
            List<Decision> decisions) {

        public Meeting {
            agenda = agenda == null ? List.of() : agenda;
            attendance = attendance == null ? List.of() : attendance;
            decisions = decisions == null ? List.of() : decisions;
        }
    }

    /** An agenda item a nested forum's decision proposed to this forum. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(
            UUID proposalId,
            @Nullable UUID fromForumId,
            @Nullable String fromForumName,
            @Nullable UUID decisionId,
            String title,
            List<Reference> records,
            @Nullable LocalDate proposedOn,
            @Nullable UUID takenUpByMeetingId) {

        public Proposal {
            records = records == null ? List.of() : records;
        }
    }

    /** A record on the pack's agenda, with its title and status as the reader may see it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PackRecord(
            String kind,
            UUID recordId,
            @Nullable String title,
            @Nullable String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PackItem(
            UUID itemId, String title, @Nullable String note, List<PackRecord> records) {

        public PackItem {
            records = records == null ? List.of() : records;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PackMeeting(UUID meetingId, List<PackItem> agenda) {

        public PackMeeting {
            agenda = agenda == null ? List.of() : agenda;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pack(PackMeeting meeting) {}

    public Listing<Meeting> meetings(UUID forumId, @Nullable String status, int page, int size) {
        return required(registry.get()
                .uri(uri -> {
                    uri.path("/forums/{forumId}/meetings");
                    if (status != null) {
                        uri.queryParam("status", status);
                    }
                    return uri.queryParam("page", page).queryParam("size", size).build(forumId);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Meeting>>() {}));
    }

    public Meeting meeting(UUID forumId, UUID meetingId) {
        return required(registry.get()
                .uri("/forums/{forumId}/meetings/{meetingId}", forumId, meetingId)
                .retrieve()
                .body(Meeting.class));
    }

    /** Schedules a meeting ({@code body} as the registry's MeetingInput). */
    public Meeting schedule(UUID forumId, Map<String, Object> body) {
        return required(registry.post()
                .uri("/forums/{forumId}/meetings", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Meeting.class));
    }

    /** New details and agenda of the meeting ({@code body} as the registry's MeetingInput) at the version read. */
    public Meeting update(UUID forumId, UUID meetingId, long version, Map<String, Object> body) {
        return required(registry.put()
                .uri("/forums/{forumId}/meetings/{meetingId}", forumId, meetingId)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Meeting.class));
    }

    /** Who changed the meeting, its decisions and their assignments, oldest first; for those who run the forum. */
    public List<Revision> history(UUID forumId, UUID meetingId) {
        return required(registry.get()
                .uri("/forums/{forumId}/meetings/{meetingId}/history", forumId, meetingId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Revision>>() {}));
    }

    public Meeting replaceAttendance(UUID forumId, UUID meetingId, long version, List<Map<String, Object>> rows) {
        return required(registry.put()
                .uri("/forums/{forumId}/meetings/{meetingId}/attendance", forumId, meetingId)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("attendance", rows))
                .retrieve()
                .body(Meeting.class));
    }

    public Meeting replaceMinutes(UUID forumId, UUID meetingId, long version, String minutes) {
        return required(registry.put()
                .uri("/forums/{forumId}/meetings/{meetingId}/minutes", forumId, meetingId)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("minutes", minutes))
                .retrieve()
                .body(Meeting.class));
    }

    /** Moves the meeting on: HELD, MINUTES_APPROVED, or CANCELLED with a reason. */
    public Meeting move(UUID forumId, UUID meetingId, long version, String status, @Nullable String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return required(registry.post()
                .uri("/forums/{forumId}/meetings/{meetingId}/status", forumId, meetingId)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Meeting.class));
    }

    /** Records a decision taken at the meeting ({@code body} as the registry's DecisionInput). */
    public Decision decide(UUID forumId, UUID meetingId, Map<String, Object> body) {
        return required(registry.post()
                .uri("/forums/{forumId}/meetings/{meetingId}/decisions", forumId, meetingId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Decision.class));
    }

    /** The forum's decisions, newest first (the first page, as choices for an agenda). */
    public List<Decision> decisions(UUID forumId) {
        Listing<Decision> page = required(registry.get()
                .uri(uri -> uri.path("/forums/{forumId}/decisions")
                        .queryParam("page", 0)
                        .queryParam("size", 50)
                        .build(forumId))
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Decision>>() {}));
        return page.items();
    }

    public List<Proposal> proposals(UUID forumId) {
        return required(registry.get()
                .uri("/forums/{forumId}/agenda-proposals", forumId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Proposal>>() {}));
    }

    /** The forum view's pack of the meeting: only its agenda with the records' titles is read here. */
    public Pack pack(UUID forumId, UUID meetingId) {
        return required(forum.get()
                .uri("/forums/{forumId}/meetings/{meetingId}/pack", forumId, meetingId)
                .retrieve()
                .body(Pack.class));
    }
}
