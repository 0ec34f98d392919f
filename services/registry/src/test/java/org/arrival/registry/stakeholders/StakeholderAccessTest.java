package org.arrival.registry.stakeholders;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class StakeholderAccessTest extends RegistryIntegrationTest {

    private static final List<String> STEPS = List.of("verify", "activate", "suspend", "archive");

    private List<MockHttpServletRequestBuilder> everyEndpoint(String id, String t) {
        return List.of(
                postJson("/stakeholders", ngoJson(t)),
                getJson("/stakeholders"),
                getJson("/stakeholders/" + id),
                putJson("/stakeholders/" + id, cityAuthorityJson(t + " x"), "\"1\""),
                postStep("/stakeholders/" + id + "/verify", null),
                postStep("/stakeholders/" + id + "/activate", null),
                postStep("/stakeholders/" + id + "/suspend", null),
                postStep("/stakeholders/" + id + "/archive", null),
                getJson("/stakeholders/" + id + "/history"));
    }

    @Test
    void everyEndpointNeedsAValidToken() throws Exception {
        String t = tag();
        String id = register(cityAuthorityJson(t));
        Token expired = user("kcca-admin-" + t, id, "org-admin", "platform-admin")
                .expiresAt(Instant.now().minusSeconds(120));
        Token forged =
                user("kcca-admin-" + t, id, "org-admin", "platform-admin").signedByStranger();
        Token wrongAudience =
                user("kcca-admin-" + t, id, "org-admin", "platform-admin").audience("another-api");
        for (Token token : java.util.Arrays.asList(null, expired, forged, wrongAudience)) {
            for (MockHttpServletRequestBuilder request : everyEndpoint(id, t)) {
                perform(request, token).andExpect(status().isUnauthorized());
            }
        }
        perform(getJson("/stakeholders/" + id), null)
                .andExpect(status().isUnauthorized())
                .andExpect(
                        header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
        perform(getJson("/stakeholders/" + id), platformAdmin())
                .andExpect(jsonPath("$.version").value(1));
        awaitEvents(id, "StakeholderRegistered");
        perform(getJson("/stakeholders?q=International Rescue Committee Uganda " + t), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void onlyPlatformAndOrganisationAdministratorsPropose() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        for (Token token : List.of(
                user("editor-" + t, city, "org-editor", "member"),
                user("coordinator-" + t, city, "forum-coordinator", "member"),
                user("member-" + t, city, "member"),
                user("nobody-" + t, (UUID) null))) {
            perform(postJson("/stakeholders", ngoJson(t)), token)
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        perform(getJson("/stakeholders?q=International Rescue Committee Uganda " + t), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(0));
        // an organisation administrator may propose another organisation; it starts PROPOSED
        perform(postJson("/stakeholders", ngoJson(t)), user("kcca-admin-" + t, city, "org-admin", "member"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"));
        perform(getJson("/stakeholders?q=International Rescue Committee Uganda " + t), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void onlyThePlatformRegistersUnderAChosenIdAndOnlyOnce() throws Exception {
        String t = tag();
        String id = UUID.randomUUID().toString();
        String city = register(cityAuthorityJson(t + " other"));
        for (Token token : List.of(
                user("kcca-admin-" + t, city, "org-admin", "member"),
                user("kcca-editor-" + t, city, "org-editor", "member"))) {
            perform(putJson("/stakeholders/" + id, ngoJson(t), null).header("If-None-Match", "*"), token)
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
        }
        perform(getJson("/stakeholders/" + id), platformAdmin()).andExpect(status().isNotFound());
        // without If-None-Match the PUT stays an update, which needs If-Match
        perform(putJson("/stakeholders/" + id, ngoJson(t), null), platformAdmin())
                .andExpect(status().is(428));
        perform(putJson("/stakeholders/" + id, ngoJson(t), null).header("If-None-Match", "*"), platformAdmin())
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", "/stakeholders/" + id))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("PROPOSED"));
        perform(
                        putJson("/stakeholders/" + id, cityAuthorityJson(t), null)
                                .header("If-None-Match", "*"),
                        platformAdmin())
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value("An organisation with id " + id + " is already registered"));
        perform(getJson("/stakeholders/" + id), platformAdmin())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.type").value("INTERNATIONAL_NGO"));
        awaitEvents(id, "StakeholderRegistered");
    }

    @Test
    void anyAuthenticatedCallerReads() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        String ngo = register(ngoJson(t));
        for (Token token : List.of(
                user("member-" + t, ngo, "member"),
                user("editor-" + t, ngo, "org-editor"),
                user("kcca-member-" + t, city, "member"))) {
            perform(getJson("/stakeholders/" + city), token)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(city))
                    .andExpect(header().string("ETag", "\"1\""));
            perform(getJson("/stakeholders?q=" + t), token)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalItems").value(2));
        }
    }

    @Test
    void onlyTheOrganisationsOwnAdministratorsOrThePlatformEditAProfile() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        String ngo = register(ngoJson(t));
        String edited = cityAuthorityJson(t).replace("\"KCCA\"", "\"KCCA-X\"");
        for (Token token : List.of(
                user("irc-admin-" + t, ngo, "org-admin", "member"),
                user("kcca-editor-" + t, city, "org-editor", "member"),
                user("kcca-member-" + t, city, "member"),
                user("kcca-coordinator-" + t, city, "forum-coordinator", "member"))) {
            perform(putJson("/stakeholders/" + city, edited, "\"1\""), token)
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
        }
        perform(getJson("/stakeholders/" + city), platformAdmin())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.acronym").value("KCCA"));
        assertOnlyRegistered(city);

        // its own administrator edits it, then so does the platform
        perform(putJson("/stakeholders/" + city, edited, "\"1\""), user("kcca-admin-" + t, city, "org-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acronym").value("KCCA-X"))
                .andExpect(header().string("ETag", "\"2\""));
        perform(putJson("/stakeholders/" + city, cityAuthorityJson(t), "\"2\""), platformAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3));
        awaitEvents(city, "StakeholderRegistered", "StakeholderUpdated", "StakeholderUpdated");
    }

    @Test
    void onlyThePlatformMovesAnOrganisationThroughItsLifecycle() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        String ngo = register(ngoJson(t));
        for (String step : STEPS) {
            for (Token token : List.of(
                    user("kcca-admin-" + t, city, "org-admin", "member"),
                    user("irc-admin-" + t, ngo, "org-admin", "member"),
                    user("kcca-member-" + t, city, "member"),
                    user("coordinator-" + t, city, "forum-coordinator"))) {
                perform(postStep("/stakeholders/" + city + "/" + step, "\"1\""), token)
                        .andExpect(status().isForbidden());
            }
        }
        perform(getJson("/stakeholders/" + city), platformAdmin())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.version").value(1));
        assertOnlyRegistered(city);
    }

    @Test
    void historyIsForTheOrganisationItselfAndThePlatform() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t));
        String ngo = register(ngoJson(t));
        for (Token token : List.of(
                user("irc-admin-" + t, ngo, "org-admin", "member"),
                user("irc-member-" + t, ngo, "member"),
                user("orgless-" + t, (UUID) null, "member"))) {
            perform(getJson("/stakeholders/" + city + "/history"), token).andExpect(status().isForbidden());
        }
        perform(getJson("/stakeholders/" + city + "/history"), user("kcca-member-" + t, city, "member"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].change").value("StakeholderRegistered"));
        perform(getJson("/stakeholders/" + city + "/history"), platformAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();
        Token admin = platformAdmin();
        String t = tag();
        for (MockHttpServletRequestBuilder request : everyEndpoint(unknown, t).subList(2, 9)) {
            perform(request, admin)
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(unknown)));
        }
        // the organisation's own administrator of an organisation the registry does not know
        perform(
                        putJson("/stakeholders/" + unknown, cityAuthorityJson(t), "\"1\""),
                        user("ghost-admin-" + t, unknown, "org-admin"))
                .andExpect(status().isNotFound());
        assertNoEventsAbout(unknown);
    }

    private void assertOnlyRegistered(String id) {
        pause(500);
        awaitEvents(id, "StakeholderRegistered");
    }
}
