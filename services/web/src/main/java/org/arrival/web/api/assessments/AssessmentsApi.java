package org.arrival.web.api.assessments;

import java.util.List;
import java.util.UUID;

import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The assessments service's public API: rounds, population estimates, needs and inputs. */
@Component
public class AssessmentsApi {

    private final RestClient client;

    public AssessmentsApi(ApiClients clients) {
        this.client = clients.client(Service.ASSESSMENTS);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(UUID id, long version, UUID ownerId, String statement, String sector,
            List<String> populationGroups, String severity, String status, String classification) {
    }

    public Need need(UUID id) {
        return client.get().uri("/needs/{id}", id).retrieve().body(Need.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    /** The organisation's needs the caller may see (at most 200, newest first). */
    public List<Need> needsOf(UUID owner) {
        return client.get().uri(uri -> uri.path("/needs").queryParam("owner", owner).queryParam("size", 200).build())
                .retrieve().body(new ParameterizedTypeReference<Page<Need>>() {
                }).items();
    }

    /** An input another organisation contributed to a need or round; {@code summary} in its contributor's words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(UUID id, UUID contributorId, String subjectType, UUID subjectId, String kind, String summary,
            java.time.LocalDate collectedOn, java.time.Instant createdAt) {
    }

    /** The newest inputs about needs the caller may see (at most {@code size}), newest first. */
    public List<Input> inputsAboutNeeds(int size) {
        return client.get().uri(uri -> uri.path("/inputs").queryParam("subjectType", "NEED").queryParam("size", size)
                .build()).retrieve().body(new ParameterizedTypeReference<Page<Input>>() {
                }).items();
    }
}
