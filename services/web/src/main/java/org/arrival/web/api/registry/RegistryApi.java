package org.arrival.web.api.registry;

import static org.arrival.web.api.ApiClients.required;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.Service;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
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

    /** An organisation as the registry shows it to the caller. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(
            UUID id,
            long version,
            String name,
            String acronym,
            String type,
            String status,
            @Nullable Place jurisdiction) {

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
}
