package org.arrival.web.api.registry;

import java.util.UUID;

import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The registry's public API: organisations, forums and memberships. */
@Component
public class RegistryApi {

    private final RestClient client;

    public RegistryApi(ApiClients clients) {
        this.client = clients.client(Service.REGISTRY);
    }

    /** The organisations holding a seat in the forum, by name (the first 200, which is every forum's size). */
    public java.util.List<Organisation> organisationsInForum(UUID forumId) {
        OrganisationPage page = client.get().uri(uri -> uri.path("/stakeholders").queryParam("forum", forumId)
                .queryParam("size", 200).queryParam("sort", "name").build()).retrieve().body(OrganisationPage.class);
        return page == null || page.items() == null ? java.util.List.of() : page.items();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganisationPage(java.util.List<Organisation> items) {
    }

    /** An organisation as the registry shows it to the caller. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(UUID id, long version, String name, String acronym, String type, String status,
            Place jurisdiction) {
    }

    /** Where an organisation acts: ISO 3166 country and subdivision codes, an area code and name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String country, String subdivision, String areaCode, String areaName) {
    }

    public Organisation organisation(UUID id) {
        return client.get().uri("/stakeholders/{id}", id).retrieve().body(Organisation.class);
    }
}
