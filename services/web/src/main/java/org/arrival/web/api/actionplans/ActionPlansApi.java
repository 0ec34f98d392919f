package org.arrival.web.api.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The action-plans service's public API: plans, actions, milestones, progress, funding. */
@Component
public class ActionPlansApi {

    private final RestClient client;

    public ActionPlansApi(ApiClients clients) {
        this.client = clients.client(Service.ACTION_PLANS);
    }

    /** A plan or policy, as the action-plans service shows it to the reader. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(UUID id, long version, UUID ownerId, String title, String type, LocalDate periodStart,
            LocalDate periodEnd, String status, String classification) {
    }

    public Plan plan(UUID id) {
        return client.get().uri("/plans/{id}", id).retrieve().body(Plan.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(UUID id, long version, UUID ownerId, UUID planId, String title, String description,
            String kind, List<String> sectors, List<String> targetGroups, LocalDate startDate, LocalDate endDate,
            String status, String classification) {
    }

    public Action action(UUID id) {
        return client.get().uri("/actions/{id}", id).retrieve().body(Action.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actions(List<Action> items, long totalItems, int totalPages) {
    }

    /** An organisation's actions that the caller may see, by title (the first 200), e.g. to link one to a need. */
    public List<Action> actionsOwnedBy(UUID owner) {
        Actions listed = client.get().uri("/actions?owner={owner}&size=200&sort=title", owner).retrieve()
                .body(Actions.class);
        return listed == null || listed.items() == null ? List.of() : listed.items();
    }
}
