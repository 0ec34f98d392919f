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

    /** An assessment round, as the assessments service shows it to the reader. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Round(UUID id, long version, String title, UUID convenorId, java.time.LocalDate closesOn,
            String status) {
    }

    public Round round(UUID id) {
        return client.get().uri("/rounds/{id}", id).retrieve().body(Round.class);
    }

    /** A place as the contracts name it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(String country, String subdivision, String areaCode, String areaName) {

        public String name() {
            return areaName != null ? areaName : areaCode != null ? areaCode : subdivision != null ? subdivision
                    : country;
        }
    }

    /** A population estimate: whom and where it counts, as of when, from which source. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Estimate(UUID id, long version, UUID ownerId, Area area, String group, String source,
            java.time.LocalDate asOf, String classification) {
    }

    public Estimate estimate(UUID id) {
        return client.get().uri("/population/{id}", id).retrieve().body(Estimate.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Need(UUID id, long version, UUID ownerId, String statement, String sector,
            List<String> populationGroups, String severity, String status, String classification) {
    }

    public Need need(UUID id) {
        return client.get().uri("/needs/{id}", id).retrieve().body(Need.class);
    }
}
