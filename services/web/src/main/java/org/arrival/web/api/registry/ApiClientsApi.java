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
 * The registry's part on an organisation's API clients (machine identities for its own systems): the list with when
 * each last got a token, creation, secret rotation and revocation on the version the page showed, and who changed what.
 */
@Component
public class ApiClientsApi {

    private final RestClient client;

    public ApiClientsApi(ApiClients clients) {
        this.client = clients.client(Service.REGISTRY);
    }

    /** An API client as the registry shows it to the organisation's administrators; never its secret. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApiClient(
            UUID id,
            String name,
            String clientId,
            List<String> roles,
            String createdByUsername,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant rotatedAt,
            @Nullable Instant revokedAt,
            long version) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A client with its secret, as answered once when it is made or its secret rotated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issued(ApiClient client, String clientSecret) {}

    /** Who created, rotated or revoked which client, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApiClientChange(
            String clientId, String name, String change, List<String> roles, String actorUsername, Instant at) {}

    public List<ApiClient> clients(UUID organisation) {
        return required(client.get()
                .uri("/stakeholders/{id}/api-clients", organisation)
                .retrieve()
                .body(new ParameterizedTypeReference<List<ApiClient>>() {}));
    }

    public List<ApiClientChange> history(UUID organisation) {
        return required(client.get()
                .uri("/stakeholders/{id}/api-clients/history", organisation)
                .retrieve()
                .body(new ParameterizedTypeReference<List<ApiClientChange>>() {}));
    }

    public Issued create(UUID organisation, String name, List<String> roles) {
        return required(client.post()
                .uri("/stakeholders/{id}/api-clients", organisation)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "roles", roles))
                .retrieve()
                .body(Issued.class));
    }

    public Issued rotate(UUID organisation, UUID clientId, long version) {
        return required(client.post()
                .uri("/stakeholders/{id}/api-clients/{clientId}/secret", organisation, clientId)
                .header("If-Match", "\"" + version + "\"")
                .retrieve()
                .body(Issued.class));
    }

    public ApiClient revoke(UUID organisation, UUID clientId, long version) {
        return required(client.delete()
                .uri("/stakeholders/{id}/api-clients/{clientId}", organisation, clientId)
                .header("If-Match", "\"" + version + "\"")
                .retrieve()
                .body(ApiClient.class));
    }
}
