package org.arrival.web.api.registry;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The registry's public API: organisations, forums and memberships. */
@Component
public class RegistryApi {

    /** The most organisations a choice lists: pages of 200, as the registry gives them. */
    static final int MAX_ORGANISATIONS = 1000;

    private final RestClient client;

    public RegistryApi(ApiClients clients) {
        this.client = clients.client(Service.REGISTRY);
    }

    /** The organisations holding a seat in the forum, by name (the first 200, which is every forum's size). */
    public java.util.List<Organisation> organisationsInForum(UUID forumId) {
        OrganisationPage page = client.get()
                .uri(uri -> uri.path("/stakeholders")
                        .queryParam("forum", forumId)
                        .queryParam("size", 200)
                        .queryParam("sort", "name")
                        .build())
                .retrieve()
                .body(OrganisationPage.class);
        return page == null || page.items() == null ? java.util.List.of() : page.items();
    }

    /**
     * An organisation as the registry shows it to the caller; {@code enforcementBody} when it has an immigration,
     * policing or security function (null when the registry did not say).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(
            UUID id,
            long version,
            String name,
            String acronym,
            String type,
            String status,
            @Nullable Place jurisdiction,
            @Nullable Boolean enforcementBody) {

        /** Whether it may take part in records (the registry refuses archived and suspended ones). */
        public boolean canTakePart() {
            return !"ARCHIVED".equals(status) && !"SUSPENDED".equals(status);
        }
    }

    /** Where an organisation acts: country and subdivision codes, an area code below them and its name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable String areaCode,
            @Nullable String areaName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganisationPage(List<Organisation> items, int page, int totalPages) {}

    public Organisation organisation(UUID id) {
        return required(client.get().uri("/stakeholders/{id}", id).retrieve().body(Organisation.class));
    }

    /** Every organisation the caller may see, by name (the registry leaves out those hidden from them). */
    public List<Organisation> organisations() {
        List<Organisation> all = new ArrayList<>();
        for (int page = 0; all.size() < MAX_ORGANISATIONS; page++) {
            int p = page;
            OrganisationPage found = client.get()
                    .uri(b -> b.path("/stakeholders")
                            .queryParam("size", 200)
                            .queryParam("page", p)
                            .queryParam("sort", "name")
                            .build())
                    .retrieve()
                    .body(new ParameterizedTypeReference<OrganisationPage>() {});
            if (found == null || found.items() == null) {
                break;
            }
            all.addAll(found.items());
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        return all;
    }

    /** A forum's sectors, population groups, mandate and working languages. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scope(
            @Nullable List<String> sectors,
            @Nullable List<String> populationGroups,
            @Nullable String mandate,
            @Nullable List<String> languages) {}

    /** A forum as the registry keeps it: its profile, parent forum and lifecycle status, at a version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForumRecord(
            UUID id,
            long version,
            String name,
            String type,
            @Nullable Place geographicScope,
            @Nullable Scope thematicScope,
            UUID convenorId,
            @Nullable UUID chairId,
            @Nullable UUID secretariatId,
            @Nullable UUID parentForumId,
            String status) {}

    /** An organisation's seat in a forum, at a version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Membership(
            UUID id,
            long version,
            UUID forumId,
            UUID stakeholderId,
            String seat,
            @Nullable LocalDate termStart,
            @Nullable LocalDate termEnd,
            String status) {}

    /** One change of a registry record: its version, kind, when, by whom (user and organisation), what and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(
            long version,
            String change,
            Instant at,
            @Nullable String userId,
            @Nullable String organisationId,
            @Nullable List<String> changedFields,
            @Nullable String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ForumPage(List<ForumRecord> items, int page, int totalPages) {}

    public ForumRecord forum(UUID id) {
        return required(client.get().uri("/forums/{id}", id).retrieve().body(ForumRecord.class));
    }

    /** Replaces the forum's profile at the version read ({@code body} as the registry's forum input). */
    public ForumRecord replaceForum(UUID id, long version, Map<String, Object> body) {
        return required(client.put()
                .uri("/forums/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(ForumRecord.class));
    }

    /** The forums nested in this one (the first 200, by name). */
    public List<ForumRecord> childForums(UUID id) {
        ForumPage page = client.get()
                .uri(uri -> uri.path("/forums")
                        .queryParam("parent", id)
                        .queryParam("size", 200)
                        .queryParam("sort", "name")
                        .build())
                .retrieve()
                .body(ForumPage.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }

    public List<Membership> memberships(UUID forumId, boolean includeEnded) {
        return required(client.get()
                .uri(uri -> uri.path("/forums/{id}/memberships")
                        .queryParam("includeEnded", includeEnded)
                        .build(forumId))
                .retrieve()
                .body(new ParameterizedTypeReference<List<Membership>>() {}));
    }

    /** Seats the organisation in the forum. */
    public Membership grant(UUID forumId, UUID stakeholderId, String seat) {
        return required(client.post()
                .uri("/forums/{id}/memberships", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("stakeholderId", stakeholderId, "seat", seat))
                .retrieve()
                .body(Membership.class));
    }

    /** Changes a membership's seat at the version read, its term kept. */
    public Membership changeSeat(UUID forumId, Membership m, long version, String seat) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("seat", seat);
        body.put("termStart", m.termStart());
        body.put("termEnd", m.termEnd());
        return required(client.put()
                .uri("/forums/{id}/memberships/{mid}", forumId, m.id())
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Membership.class));
    }

    /** Ends a membership at the version read, with a reason (optional). */
    public Membership endMembership(UUID forumId, UUID membershipId, long version, @Nullable String reason) {
        return required(client.post()
                .uri("/forums/{id}/memberships/{mid}/end", forumId, membershipId)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(reason == null ? Map.of() : Map.of("reason", reason))
                .retrieve()
                .body(Membership.class));
    }

    public List<Revision> forumHistory(UUID forumId) {
        return required(client.get()
                .uri("/forums/{id}/history", forumId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Revision>>() {}));
    }

    public List<Revision> membershipHistory(UUID forumId, UUID membershipId) {
        return required(client.get()
                .uri("/forums/{id}/memberships/{mid}/history", forumId, membershipId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Revision>>() {}));
    }

    /** The organisations whose name or acronym holds the words, as the registry finds them (the first 20). */
    public List<Organisation> findOrganisations(String words) {
        OrganisationPage page = client.get()
                .uri(uri -> uri.path("/stakeholders")
                        .queryParam("q", words)
                        .queryParam("size", 20)
                        .queryParam("sort", "name")
                        .build())
                .retrieve()
                .body(OrganisationPage.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }
}
