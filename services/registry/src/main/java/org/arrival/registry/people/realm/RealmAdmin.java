package org.arrival.registry.people.realm;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Keycloak's admin REST API as the registry's own confidential client: every request carries the registry's access
 * token (client credentials, kept until shortly before it expires), and the API's answers become the registry's
 * errors: a missing record {@link NotThere}, a refusal {@link Refused}, anything else {@link RealmUnavailable}.
 */
@Component
public class RealmAdmin {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    private final RealmSettings settings;
    private final RestClient admin;
    private final RestClient tokens;
    private final Clock clock;
    private @Nullable String token;
    private Instant tokenUntil = Instant.MIN;

    public RealmAdmin(RealmSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.admin = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(settings.adminUri().toString())
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(token());
                    return execution.execute(request, body);
                })
                .build();
        this.tokens = RestClient.builder().requestFactory(requests).build();
    }

    /** Runs a request against the realm's admin API (paths relative to it), signed in as the registry. */
    public <T> T call(Function<RestClient, T> request) {
        try {
            return request.apply(admin);
        } catch (HttpClientErrorException e) {
            int status = e.getStatusCode().value();
            if (status == 401) {
                synchronized (this) {
                    token = null;
                }
            }
            if (status == 404) {
                throw new NotThere();
            }
            throw new Refused(status);
        } catch (RestClientResponseException | ResourceAccessException e) {
            throw new RealmUnavailable("The identity provider could not be reached or failed");
        }
    }

    /**
     * Posts a new record's representation to a collection of the admin API and returns the new record's id, taken from
     * the answer's {@code Location}; {@code what} names the record in the error if the answer has none.
     */
    public String create(String collection, Object representation, String what) {
        java.net.URI location = call(admin -> admin.post()
                .uri(collection)
                .contentType(MediaType.APPLICATION_JSON)
                .body(representation)
                .retrieve()
                .toBodilessEntity()
                .getHeaders()
                .getLocation());
        if (location == null) {
            throw new RealmUnavailable("The identity provider made " + what + " without saying where");
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public RealmSettings settings() {
        return settings;
    }

    private synchronized String token() {
        Instant now = clock.instant();
        String current = token;
        if (current != null && now.isBefore(tokenUntil)) {
            return current;
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        Map<String, Object> answer;
        try {
            answer = tokens.post()
                    .uri(settings.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(OBJECT);
        } catch (RestClientResponseException | ResourceAccessException e) {
            throw new RealmUnavailable("The registry could not sign in to the identity provider");
        }
        if (answer == null || !(answer.get("access_token") instanceof String fresh)) {
            throw new RealmUnavailable("The identity provider gave the registry no access token");
        }
        long lifetime = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
        token = fresh;
        tokenUntil = now.plusSeconds(Math.max(5, lifetime - 30));
        return fresh;
    }

    /** The admin API has no such record. */
    public static final class NotThere extends RuntimeException {
        NotThere() {
            super(null, null, false, false);
        }
    }

    /** The admin API refused the registry's request; 503 unless a caller gives the status a meaning. */
    public static final class Refused extends RealmUnavailable {
        private final int status;

        Refused(int status) {
            super("The identity provider refused the change (" + status + ")");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
