package org.arrival.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The API description as callers need it: every operation needs a bearer token from the platform's Keycloak realm
 * (so Swagger UI offers "Authorize"), and the {@link Caller} a handler receives comes from that token, not from the
 * query string, so it is not described as a parameter.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ApiDescriptionAutoConfiguration {

    static final String BEARER = "bearer-token";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    public OpenApiCustomizer bearerTokenDescription() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description(
                                            "An access token of the platform's Keycloak realm, for the audience arrival-api"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }
}
