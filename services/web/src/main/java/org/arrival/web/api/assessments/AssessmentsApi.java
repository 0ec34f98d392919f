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
            List<String> populationGroups, String severity, String status, String classification, Place area) {
    }

    /** Where a record is: country and subdivision codes, an area code below them and its name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String country, String subdivision, String areaCode, String areaName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Round(UUID id, long version, String title, UUID convenorId, String status) {
    }

    /** A question of a published round that scored below its maximum. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(UUID id, UUID roundId, String recommendationCode, String actionCode, String questionCode,
            String consolidatedAnswer, double points, boolean divergent) {
    }

    /** The readiness checklist: recommendations, their actions and questions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checklist(String id, int version, String title, List<ChecklistRecommendation> recommendations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistRecommendation(String code, String title, List<ChecklistAction> actions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistAction(String code, String title, List<ChecklistQuestion> questions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChecklistQuestion(String code, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listing<T>(List<T> items) {
    }

    public Need need(UUID id) {
        return client.get().uri("/needs/{id}", id).retrieve().body(Need.class);
    }

    /** The needs the caller may see, newest first (one page of the largest size). */
    public List<Need> needs() {
        Listing<Need> found = client.get().uri(b -> b.path("/needs").queryParam("size", 200).build()).retrieve()
                .body(new ParameterizedTypeReference<Listing<Need>>() {
                });
        return found == null || found.items() == null ? List.of() : found.items();
    }

    /** The published rounds the caller may see, latest first. */
    public List<Round> publishedRounds() {
        Listing<Round> found = client.get().uri(b -> b.path("/rounds").queryParam("status", "PUBLISHED")
                .queryParam("size", 50).build()).retrieve()
                .body(new ParameterizedTypeReference<Listing<Round>>() {
                });
        return found == null || found.items() == null ? List.of() : found.items();
    }

    public List<Gap> gaps(UUID roundId) {
        Gap[] gaps = client.get().uri("/rounds/{id}/gaps", roundId).retrieve().body(Gap[].class);
        return gaps == null ? List.of() : List.of(gaps);
    }

    public Checklist checklist() {
        return client.get().uri("/checklist").retrieve().body(Checklist.class);
    }
}
