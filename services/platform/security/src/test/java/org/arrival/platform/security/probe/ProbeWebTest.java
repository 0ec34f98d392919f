package org.arrival.platform.security.probe;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The platform security and error handling as a service sees them: real RS256 tokens from the test issuer, the
 * real JWKS fetched over HTTP, the real decoder with its issuer/audience/organisation checks, the Keycloak
 * converter, the {@code Caller} argument and every problem+json mapping.
 */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
class ProbeWebTest {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.instance();
    private static final UUID ORG = UUID.fromString("9a0e7c55-3d1f-4b7e-8f2a-6c5d4e3b2a19");

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("arrival.security.issuer-uri", ISSUER::issuer);
        registry.add("arrival.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @Autowired
    MockMvc mvc;

    private static String amina() {
        return ISSUER.user("amina", ORG, "org-admin", "member").bearer();
    }

    private static String admin() {
        return ISSUER.user("root", ORG, "platform-admin").bearer();
    }

    private static ResultMatcher problem(int status) {
        ResultMatcher[] all = {
            status().is(status),
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
            jsonPath("$.status").value(status),
            jsonPath("$.title").isNotEmpty(),
            jsonPath("$.detail").isNotEmpty()
        };
        return result -> {
            for (ResultMatcher matcher : all) {
                matcher.match(result);
            }
        };
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        return mvc.perform(request);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Nested
    class Authentication {

        @Test
        void noTokenIs401WithChallengeAndSignInHint() throws Exception {
            send(get("/probe/me"), null)
                    .andExpect(problem(401))
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                    .andExpect(jsonPath("$.detail").value(containsString("bearer token")));
        }

        @Test
        void expiredTokenIs401() throws Exception {
            refused(ISSUER.user("amina", ORG, "member")
                    // issued 20 minutes ago, expired 10 minutes ago: well past the decoder's 60 s clock skew
                    .claim("iat", java.util.Date.from(Instant.now().minusSeconds(1200)))
                    .expiresAt(Instant.now().minusSeconds(600))
                    .bearer());
        }

        @Test
        void tokenSignedByAStrangerIs401() throws Exception {
            refused(ISSUER.user("amina", ORG, "member").signedByStranger().bearer());
        }

        @Test
        void tokenOfAnotherIssuerIs401() throws Exception {
            refused(ISSUER.user("amina", ORG, "member")
                    .issuer("http://127.0.0.1:1/realms/elsewhere")
                    .bearer());
        }

        @Test
        void tokenForAnotherAudienceIs401() throws Exception {
            refused(ISSUER.user("amina", ORG, "member")
                    .audience("account", "some-other-api")
                    .bearer());
        }

        @Test
        void organisationThatIsNotAUuidIs401() throws Exception {
            refused(ISSUER.user("amina", null, "member")
                    .claim("org_id", "acme-ngo")
                    .bearer());
        }

        @Test
        void garbageTokenIs401() throws Exception {
            refused("Bearer not.a.jwt");
            refused("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        }

        @Test
        void malformedAuthorizationHeaderIs401() throws Exception {
            refused("Bearer has spaces and ~illegal~ chars!");
        }

        private void refused(String bearer) throws Exception {
            send(get("/probe/me"), bearer)
                    .andExpect(problem(401))
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                    .andExpect(jsonPath("$.detail").value(containsString("bearer token was refused")));
        }

        @Test
        void validTokenShowsTheCaller() throws Exception {
            TestTokenIssuer.Token token = ISSUER.user("amina", ORG, "org-admin", "member")
                    .claim(
                            "resource_access",
                            java.util.Map.of(
                                    TestTokenIssuer.CLIENT,
                                    java.util.Map.of("roles", java.util.List.of("forum-coordinator"))));
            send(get("/probe/me"), token.bearer())
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.userId").value(token.subject()))
                    .andExpect(jsonPath("$.username").value("amina"))
                    .andExpect(jsonPath("$.organisationId").value(ORG.toString()))
                    .andExpect(jsonPath("$.roles", containsInAnyOrder("org-admin", "member", "forum-coordinator")));
        }

        @Test
        void validTokenWithoutOrganisationIsAccepted() throws Exception {
            send(get("/probe/me"), ISSUER.user("nomad", null, "member").bearer())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.username").value("nomad"))
                    .andExpect(jsonPath("$.organisationId").doesNotExist());
        }
    }

    @Nested
    class Authorisation {

        @Test
        void missingRoleIs403() throws Exception {
            send(get("/probe/admin"), amina())
                    .andExpect(problem(403))
                    .andExpect(jsonPath("$.detail").value(containsString("platform administrators")));
        }

        @Test
        void platformAdminIsLetIn() throws Exception {
            send(get("/probe/admin"), admin())
                    .andExpect(status().isOk())
                    .andExpect(content().string("welcome"));
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownIdIs404() throws Exception {
            UUID unknown = UUID.randomUUID();
            send(get("/probe/items/" + unknown), amina())
                    .andExpect(problem(404))
                    .andExpect(jsonPath("$.detail").value("No item with id " + unknown));
        }

        @Test
        void knownIdIs200WithETag() throws Exception {
            send(get("/probe/items/" + ProbeController.KNOWN), amina())
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
        }

        @Test
        void invalidUuidInPathIs400() throws Exception {
            send(get("/probe/items/not-a-uuid"), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail")
                            .value(allOf(containsString("id"), containsString("not-a-uuid"), containsString("a UUID"))))
                    .andExpect(jsonPath("$.errors[0].field").value("id"));
        }

        @Test
        void validItemIsCreated() throws Exception {
            send(json(post("/probe/items"), "{\"name\":\"Flood\",\"kind\":\"ACTION\"}"), amina())
                    .andExpect(status().isCreated())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                    .andExpect(jsonPath("$.name").value("Flood"))
                    .andExpect(jsonPath("$.kind").value("ACTION"));
        }

        @Test
        void malformedJsonIs400() throws Exception {
            send(json(post("/probe/items"), "{\"name\": \"Flood\", "), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")));
        }

        @Test
        void missingBodyIs400() throws Exception {
            send(json(post("/probe/items"), ""), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail").value(containsString("body")));
        }

        @Test
        void unknownEnumValueIs400NamingFieldAndAllowedValues() throws Exception {
            send(json(post("/probe/items"), "{\"name\":\"Flood\",\"kind\":\"POEM\"}"), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail")
                            .value(allOf(
                                    startsWith("kind:"),
                                    containsString("POEM"),
                                    containsString("ASSESSMENT, ACTION, REPORT"))))
                    .andExpect(jsonPath("$.errors[0].field").value("kind"));
        }

        @Test
        void wrongJsonTypeIs400NamingTheField() throws Exception {
            send(json(post("/probe/items"), "{\"name\":{\"nested\":true},\"kind\":\"ACTION\"}"), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail").value(startsWith("name:")))
                    .andExpect(jsonPath("$.errors[0].field").value("name"));
        }

        @Test
        void fieldTooLongIs400WithFieldError() throws Exception {
            send(json(post("/probe/items"), "{\"name\":\"far too long a name\",\"kind\":\"ACTION\"}"), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail").value(startsWith("name:")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                    // a code and the limit, for clients that word the message in their reader's language
                    .andExpect(jsonPath("$.errors[0].code").value("validation.Size"))
                    .andExpect(jsonPath("$.errors[0].parameters.max").value(10))
                    .andExpect(jsonPath("$.errors[0].parameters.min").value(0));
        }

        @Test
        void blankFieldAndMissingEnumAre400WithAFieldErrorEach() throws Exception {
            send(json(post("/probe/items"), "{\"name\":\"  \"}"), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "kind")))
                    .andExpect(jsonPath("$.detail").value(allOf(containsString("name:"), containsString("kind:"))));
        }

        @Test
        void unknownPropertyIs400NamingIt() throws Exception {
            send(json(post("/probe/items"), "{\"name\":\"Flood\",\"kind\":\"ACTION\",\"colour\":\"red\"}"), amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.detail").value(allOf(startsWith("colour:"), containsString("not a field"))))
                    .andExpect(jsonPath("$.errors[0].field").value("colour"));
        }

        @Test
        void wrongContentTypeIs415() throws Exception {
            send(post("/probe/items").contentType(MediaType.TEXT_PLAIN).content("name=Flood"), amina())
                    .andExpect(problem(415))
                    .andExpect(jsonPath("$.detail")
                            .value(allOf(containsString("text/plain"), containsString("application/json"))));
        }

        @Test
        void putWithoutIfMatchIs428() throws Exception {
            send(
                            json(
                                    put("/probe/items/" + ProbeController.KNOWN),
                                    "{\"name\":\"Flood\",\"kind\":\"ACTION\"}"),
                            amina())
                    .andExpect(problem(428))
                    .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        }

        @Test
        void putWithUnreadableIfMatchIs400() throws Exception {
            send(
                            json(
                                            put("/probe/items/" + ProbeController.KNOWN),
                                            "{\"name\":\"Flood\",\"kind\":\"ACTION\"}")
                                    .header(HttpHeaders.IF_MATCH, "\"three\""),
                            amina())
                    .andExpect(problem(400))
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        }

        @Test
        void putWithStaleIfMatchIs412() throws Exception {
            send(
                            json(
                                            put("/probe/items/" + ProbeController.KNOWN),
                                            "{\"name\":\"Flood\",\"kind\":\"ACTION\"}")
                                    .header(HttpHeaders.IF_MATCH, "\"2\""),
                            amina())
                    .andExpect(problem(412))
                    .andExpect(jsonPath("$.detail")
                            .value(allOf(containsString("version 2"), containsString("current ETag"))));
        }

        @Test
        void putWithCurrentIfMatchSucceeds() throws Exception {
            send(
                            json(
                                            put("/probe/items/" + ProbeController.KNOWN),
                                            "{\"name\":\"Flood\",\"kind\":\"ACTION\"}")
                                    .header(HttpHeaders.IF_MATCH, "\"3\""),
                            amina())
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.ETAG, "\"4\""));
        }

        @Test
        void unexpectedExceptionIs500WithoutInternals() throws Exception {
            send(get("/probe/boom"), amina())
                    .andExpect(problem(500))
                    .andExpect(jsonPath("$.detail").value(containsString("nothing was changed")))
                    .andExpect(content()
                            .string(allOf(
                                    not(containsString("secret internals")),
                                    not(containsString("IllegalStateException")),
                                    not(containsString("at org.")),
                                    not(containsString("trace")))));
        }

        @Test
        void unknownPathIs404Problem() throws Exception {
            send(get("/probe/nowhere"), amina()).andExpect(problem(404));
        }

        @Test
        void wrongMethodIs405Problem() throws Exception {
            send(mvcDelete("/probe/me"), amina()).andExpect(problem(405)).andExpect(header().exists(HttpHeaders.ALLOW));
        }

        private MockHttpServletRequestBuilder mvcDelete(String path) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(path);
        }
    }
}
