package org.arrival.web.api.registry;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The registry's part on organisations joining and on their people: proposals, the platform administrators' queue
 * and lifecycle steps, and an organisation's people (invitations, roles, removal, and who changed what).
 */
@Component
public class PeopleApi {

    private final RestClient client;

    public PeopleApi(ApiClients clients) {
        this.client = clients.client(Service.REGISTRY);
    }

    /** A person of an organisation, as the registry shows them to its administrators. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(
            String id,
            String email,
            @Nullable String firstName,
            @Nullable String lastName,
            List<String> roles,
            boolean invitationPending) {

        public String name() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return name.isEmpty() ? email : name;
        }
    }

    /** Who invited, changed or removed whom, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PeopleChange(
            String personEmail, String change, List<String> roles, String actorUsername, Instant at) {}

    /** An organisation in the joining queue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Candidate(
            UUID id,
            long version,
            String name,
            @Nullable String acronym,
            String type,
            String status,
            RegistryApi.@Nullable Place jurisdiction,
            @Nullable List<Identifier> externalIdentifiers,
            @Nullable Contact contact) {

        public @Nullable String contactEmail() {
            return contact == null ? null : contact.email();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identifier(String scheme, String identifier) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(@Nullable String email) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CandidatePage(List<Candidate> items) {}

    public List<Person> people(UUID organisation) {
        return required(client.get()
                .uri("/stakeholders/{id}/people", organisation)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Person>>() {}));
    }

    public List<PeopleChange> history(UUID organisation) {
        return required(client.get()
                .uri("/stakeholders/{id}/people/history", organisation)
                .retrieve()
                .body(new ParameterizedTypeReference<List<PeopleChange>>() {}));
    }

    public Person invite(UUID organisation, Map<String, Object> body) {
        return required(client.post()
                .uri("/stakeholders/{id}/people", organisation)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Person.class));
    }

    public Person setRoles(UUID organisation, String personId, List<String> roles) {
        return required(client.put()
                .uri("/stakeholders/{id}/people/{personId}/roles", organisation, personId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("roles", roles))
                .retrieve()
                .body(Person.class));
    }

    public void remove(UUID organisation, String personId) {
        client.delete()
                .uri("/stakeholders/{id}/people/{personId}", organisation, personId)
                .retrieve()
                .toBodilessEntity();
    }

    /** Proposes an organisation; it waits, PROPOSED, for a platform administrator. */
    public Candidate propose(Map<String, Object> profile) {
        return required(client.post()
                .uri("/stakeholders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(profile)
                .retrieve()
                .body(Candidate.class));
    }

    /** The organisations in this status, by name. */
    public List<Candidate> inStatus(String status) {
        CandidatePage page = client.get()
                .uri(b -> b.path("/stakeholders")
                        .queryParam("status", status)
                        .queryParam("size", 200)
                        .queryParam("sort", "name")
                        .build())
                .retrieve()
                .body(CandidatePage.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }

    public Candidate candidate(UUID id) {
        return required(client.get().uri("/stakeholders/{id}", id).retrieve().body(Candidate.class));
    }

    /** {@code verify} or {@code activate}, on the version the page showed. */
    public Candidate step(UUID id, String step, long version) {
        return required(client.post()
                .uri("/stakeholders/{id}/{step}", id, step)
                .header("If-Match", "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .retrieve()
                .body(Candidate.class));
    }
}
