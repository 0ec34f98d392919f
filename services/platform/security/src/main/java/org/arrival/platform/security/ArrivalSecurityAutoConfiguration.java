package org.arrival.platform.security;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import org.arrival.platform.web.ProblemResponses;
import org.arrival.platform.web.ProblemWriter;
import org.arrival.platform.web.RequestBodyScreen;
import org.arrival.platform.web.RequestGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Arrival service is a stateless OAuth2 resource server: a bearer token from the platform's Keycloak
 * realm (checked issuer, audience, signature and expiry) is required everywhere but health and the API
 * description; errors are problem+json.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
public class ArrivalSecurityAutoConfiguration {

    /** The largest request body the APIs read. */
    public static final String MAX_BODY_SIZE = "arrival.web.max-body-size";

    private static final List<Class<?>> DATES = List.of(
            java.time.LocalDate.class,
            java.time.LocalDateTime.class,
            java.time.LocalTime.class,
            java.time.OffsetDateTime.class,
            java.time.ZonedDateTime.class,
            java.time.YearMonth.class,
            java.time.Year.class,
            java.time.MonthDay.class);

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new IllegalStateException(
                    "arrival.security.issuer-uri is not set: give the Keycloak realm's issuer, e.g. http://127.0.0.1:8180/realms/arrival");
        }
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audience =
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience()));
        // Not a JwtClaimValidator: since Spring Security 7 it refuses a token whose claim is absent, and org_id is
        // optional (a user need not act for an organisation); only a present org_id must be a UUID.
        OAuth2TokenValidator<Jwt> organisation = jwt -> {
            Object org = jwt.getClaim(KeycloakTokenConverter.ORG_CLAIM);
            return org == null || isUuid(org.toString())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_TOKEN,
                            "The " + KeycloakTokenConverter.ORG_CLAIM + " claim is not a UUID",
                            null));
        };
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()), audience, organisation));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    public KeycloakTokenConverter keycloakTokenConverter() {
        return new KeycloakTokenConverter();
    }

    @Bean
    public ProblemAuthenticationHandlers problemAuthenticationHandlers(JsonMapper json) {
        return new ProblemAuthenticationHandlers(json);
    }

    /** {@code arrival.web.unavailable-retry-after}: the Retry-After of a 503 for an unavailable database (5 s). */
    @Bean
    public ProblemResponses problemResponses(
            @Value("${arrival.web.unavailable-retry-after:5s}") java.time.Duration unavailableRetryAfter) {
        return new ProblemResponses(unavailableRetryAfter);
    }

    @Bean
    public ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** Control characters in paths and parameters, and oversized bodies, are refused before anything reads them. */
    @Bean
    public FilterRegistrationBean<RequestGuard> requestGuard(
            ProblemWriter problems, @Value("${" + MAX_BODY_SIZE + ":1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestGuard> registration =
                new FilterRegistrationBean<>(new RequestGuard(maxBodySize.toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** An address the security firewall refuses (a "..", an encoded slash, a NUL) is a 400 problem too. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(
                response,
                org.springframework.http.HttpStatus.BAD_REQUEST,
                "Invalid input",
                "The request address is not accepted: " + e.getMessage());
    }

    @Bean
    public RequestBodyScreen requestBodyScreen() {
        return new RequestBodyScreen();
    }

    /**
     * Types are read strictly: an enum is never read from a number, an integer never from a fraction, a date never
     * from a number.
     */
    @Bean
    public JsonMapperBuilderCustomizer strictTypes() {
        return builder -> {
            builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            for (Class<?> type : DATES) {
                builder.withConfigOverride(type, o -> o.setFormat(JsonFormat.Value.forLeniency(false)));
            }
        };
    }

    @Bean
    public RateLimits rateLimits(RateLimitProperties properties, ProblemWriter problems) {
        return new RateLimits(properties, problems);
    }

    @Bean
    public WebMvcConfigurer rateLimitConfigurer(RateLimits limits, SecurityProperties security) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limits).excludePathPatterns(security.publicPaths());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain arrivalSecurityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            KeycloakTokenConverter converter,
            ProblemAuthenticationHandlers problems)
            throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll()
                                .requestMatchers("/error")
                                .permitAll()
                                // operating endpoints beyond health and info (dead letters and their replay)
                                .requestMatchers("/actuator/**")
                                .hasRole(Roles.PLATFORM_ADMIN)
                                .anyRequest()
                                .authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    public WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static boolean isUuid(String value) {
        try {
            java.util.UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
