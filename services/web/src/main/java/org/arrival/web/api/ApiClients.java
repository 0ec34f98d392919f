package org.arrival.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.arrival.web.signin.SignInConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@link RestClient} per service, each sending the signed-in user's own access token (refreshed when due) and
 * turning the service's refusals into {@link ServiceProblem} and its absence into {@link ServiceUnavailable}.
 */
@Component
public class ApiClients {

    private final Map<Service, RestClient> clients = new EnumMap<>(Service.class);
    private final Map<Service, RestClient> streamingClients = new EnumMap<>(Service.class);
    private final ServiceSettings settings;

    public ApiClients(
            ServiceSettings settings,
            RestClient.Builder builder,
            OAuth2AuthorizedClientManager manager,
            OAuth2AuthorizedClientRepository repository,
            JsonMapper json) {
        this.settings = settings;
        OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
        bearer.setClientRegistrationIdResolver(request -> SignInConfiguration.REGISTRATION);
        // a token the service refuses (revoked, session ended) is dropped, so the next page signs in again
        bearer.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(repository));
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults()
                        .withConnectTimeout(settings.connectTimeout())
                        .withReadTimeout(settings.readTimeout()));
        for (Service service : Service.values()) {
            clients.put(
                    service,
                    builder.clone()
                            .baseUrl(settings.baseUrl(service))
                            .requestFactory(requests)
                            .requestInterceptor(bearer)
                            .requestInterceptor((request, body, execution) -> {
                                try {
                                    return execution.execute(request, body);
                                } catch (IOException e) {
                                    throw new ServiceUnavailable(service, e.toString(), e);
                                }
                            })
                            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                                throw problem(service, response, json);
                            })
                            .build());
            // long-lived streams: the caller brings the token (it runs outside the request), no read timeout
            streamingClients.put(
                    service,
                    builder.clone()
                            .baseUrl(settings.baseUrl(service))
                            .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                                    .build(HttpClientSettings.defaults().withConnectTimeout(settings.connectTimeout())))
                            .build());
        }
    }

    public RestClient streamingClient(Service service) {
        return Objects.requireNonNull(streamingClients.get(service), "a streaming client is made for every service");
    }

    public RestClient client(Service service) {
        return Objects.requireNonNull(clients.get(service), "a client is made for every service");
    }

    /**
     * The body of an answer the service's API always gives one (a record read or written, a page of a listing): an
     * answer without one is the service's fault, not a record that is not there (that is a 404).
     */
    public static <T> T required(@Nullable T body) {
        return Objects.requireNonNull(body, "the service answered without a body");
    }

    public String baseUrl(Service service) {
        return settings.baseUrl(service);
    }

    /** What the service said: its problem document, or just its status when the body is not one. */
    public static RuntimeException problem(Service service, ClientHttpResponse response, JsonMapper json)
            throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 500) {
            return new ServiceUnavailable(service, "HTTP " + status, null);
        }
        @Nullable JsonNode body = null;
        try (InputStream in = response.getBody()) {
            byte[] bytes = in.readNBytes(64 * 1024);
            if (bytes.length > 0) {
                body = json.readTree(bytes);
            }
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return new ServiceProblem(service, status, null, null, List.of());
        }
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        for (JsonNode e : body.path("errors").values()) {
            java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
            e.path("parameters").properties().forEach(p -> {
                JsonNode v = p.getValue();
                if (v.isNumber()) {
                    parameters.put(p.getKey(), v.numberValue());
                } else if (v.isValueNode() && !v.isNull()) {
                    parameters.put(p.getKey(), v.asString());
                }
            });
            errors.add(new ServiceProblem.FieldError(
                    text(e.get("field")), text(e.get("message")), text(e.get("code")), parameters));
        }
        return new ServiceProblem(service, status, text(body.get("title")), text(body.get("detail")), errors);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
