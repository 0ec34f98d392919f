package org.arrival.web.api.registry;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Listing;
import org.arrival.web.api.Service;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The registry's assignments: work a forum's decision gave an organisation, which it accepts or declines. */
@Component
public class AssignmentsApi {

    /** The most assignments a listing asks for at once. */
    static final int PAGE = 100;

    private final RestClient client;

    public AssignmentsApi(ApiClients clients) {
        this.client = clients.client(Service.REGISTRY);
    }

    /** An assignment with its decision, forum and meeting, at a version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(
            UUID assignmentId,
            long version,
            UUID forumId,
            @Nullable String forumName,
            UUID decisionId,
            @Nullable String decisionText,
            @Nullable UUID meetingId,
            @Nullable String meetingTitle,
            @Nullable LocalDate decidedOn,
            UUID assigneeId,
            @Nullable String assigneeName,
            @Nullable String expected,
            @Nullable LocalDate dueOn,
            String status,
            @Nullable UUID actionId,
            @Nullable String declineReason) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    public Assignment assignment(UUID id) {
        return required(client.get().uri("/assignments/{id}", id).retrieve().body(Assignment.class));
    }

    /** The assignee's assignments in a status, due date first (the first hundred). */
    public List<Assignment> assignments(UUID assignee, String status) {
        Listing<Assignment> page = required(client.get()
                .uri(uri -> uri.path("/assignments")
                        .queryParam("assignee", assignee)
                        .queryParam("status", status)
                        .queryParam("size", PAGE)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<Listing<Assignment>>() {}));
        return page.items();
    }

    /** Accepts the assignment at the version read, with one of the assignee's actions. */
    public Assignment accept(UUID id, long version, UUID actionId) {
        return required(client.post()
                .uri("/assignments/{id}/acceptance", id)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("actionId", actionId))
                .retrieve()
                .body(Assignment.class));
    }

    /** Declines the assignment at the version read, saying why. */
    public Assignment decline(UUID id, long version, String reason) {
        return required(client.post()
                .uri("/assignments/{id}/decline", id)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason))
                .retrieve()
                .body(Assignment.class));
    }
}
