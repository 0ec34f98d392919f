package org.arrival.web.api.assessments;

import java.util.List;
import java.util.UUID;

import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
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
}
