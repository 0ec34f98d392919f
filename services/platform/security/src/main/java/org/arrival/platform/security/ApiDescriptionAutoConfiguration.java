package org.arrival.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description as callers need it. Every operation needs an access token of the platform's Keycloak realm:
 * Swagger UI's "Authorize" signs in through the realm's public client {@code arrival-swagger} (authorization code with
 * PKCE), or takes a token pasted as a bearer token. The {@link Caller} a handler receives comes from that token, not
 * from the request, so it is not described as a parameter. Write operations carry the example request a service keeps
 * in {@code api-examples.json} (keyed {@code "METHOD /path"}), which its bad-input test holds to the described schema.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
@PropertySource("classpath:arrival-api-description.properties")
public class ApiDescriptionAutoConfiguration {

    static final String BEARER = "bearer-token";
    static final String KEYCLOAK = "keycloak";
    static final String EXAMPLES = "api-examples.json";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    public OpenApiCustomizer accessTokenDescription(SecurityProperties security) {
        String realm = security.issuerUri().replaceAll("/+$", "") + "/protocol/openid-connect";
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            KEYCLOAK,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.OAUTH2)
                                    .description("Sign in with your platform account (client arrival-swagger, PKCE)")
                                    .flows(new OAuthFlows()
                                            .authorizationCode(new OAuthFlow()
                                                    .authorizationUrl(realm + "/auth")
                                                    .tokenUrl(realm + "/token")
                                                    .refreshUrl(realm + "/token")
                                                    .scopes(new Scopes().addString("openid", "Who you are")))))
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description(
                                            "An access token of the platform's Keycloak realm, for the audience arrival-api"));
            api.addSecurityItem(new SecurityRequirement().addList(KEYCLOAK, "openid"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }

    @Bean
    public OpenApiCustomizer exampleRequests() {
        Map<String, Object> examples = examples();
        return api -> withExamples(api, examples);
    }

    static void withExamples(OpenAPI api, Map<String, Object> examples) {
        if (api.getPaths() == null || examples.isEmpty()) {
            return;
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    Object example = examples.get(method.name().toUpperCase(Locale.ROOT) + " " + path);
                    MediaType json = json(operation);
                    if (example != null && json != null) {
                        json.setExample(example);
                    }
                }));
    }

    private static @Nullable MediaType json(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        return operation.getRequestBody().getContent().get("application/json");
    }

    static Map<String, Object> examples() {
        ClassPathResource resource = new ClassPathResource(EXAMPLES);
        if (!resource.exists()) {
            return Map.of();
        }
        try (InputStream in = resource.getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("the service's " + EXAMPLES + " could not be read", e);
        }
    }
}
