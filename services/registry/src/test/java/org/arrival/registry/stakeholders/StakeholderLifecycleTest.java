package org.arrival.registry.stakeholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

class StakeholderLifecycleTest extends RegistryIntegrationTest {

    @Test
    void registerVerifyActivateSuspendActivateArchiveEachPublishingOneEvent() throws Exception {
        var admin = platformAdmin();
        String t = tag();
        ResultActions created = perform(postJson("/stakeholders", cityAuthorityJson(t)), admin)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.name").value("Kampala Capital City Authority " + t))
                .andExpect(jsonPath("$.jurisdiction.subdivision").value("UG-C"))
                .andExpect(jsonPath("$.enforcementBody").value(false));
        String id = json(created, "$.id");
        assertThat(created.andReturn().getResponse().getHeader("Location")).endsWith("/stakeholders/" + id);
        RecordedEvent registered = events.awaitExactlyOne(type("StakeholderRegistered"), id);
        assertThat(registered.key()).isEqualTo(id);
        assertThat(registered.header("ce_ownerorg")).isEqualTo(id);
        assertThat(registered.header("ce_dataclassification")).isEqualTo("PUBLIC");
        assertThat(registered.topic()).isEqualTo(STAKEHOLDERS);

        String etag = etag(created);
        String[][] steps = {
            {"verify", "VERIFIED", "StakeholderVerified"},
            {"activate", "ACTIVE", "StakeholderActivated"},
            {"suspend", "SUSPENDED", "StakeholderSuspended"},
            {"activate", "ACTIVE", "StakeholderActivated"},
            {"archive", "ARCHIVED", "StakeholderArchived"}
        };
        List<String> expectedTypes = new java.util.ArrayList<>(List.of("StakeholderRegistered"));
        long version = 1;
        for (String[] step : steps) {
            ResultActions result = perform(
                            postStep("/stakeholders/" + id + "/" + step[0], etag)
                                    .contentType("application/json")
                                    .content("{\"reason\":\"quarterly review\"}"),
                            admin)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value(step[1]))
                    .andExpect(jsonPath("$.version").value(version + 1));
            String next = etag(result);
            assertThat(next).isEqualTo("\"" + (version + 1) + "\"");
            version++;
            etag = next;
            expectedTypes.add(step[2]);
            List<RecordedEvent> all = awaitEvents(id, expectedTypes.toArray(String[]::new));
            RecordedEvent last = all.get(all.size() - 1);
            assertThat(last.key()).isEqualTo(id);
            assertThat(last.header("ce_ownerorg")).isEqualTo(id);
            assertThat(last.payloadText())
                    .contains("\"status\":\"" + step[1] + "\"")
                    .contains("quarterly review");
        }

        // archived is final: no edit, no step
        perform(putJson("/stakeholders/" + id, cityAuthorityJson(t + " renamed"), etag), admin)
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        perform(postStep("/stakeholders/" + id + "/activate", etag), admin).andExpect(status().isConflict());
        perform(getJson("/stakeholders/" + id), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARCHIVED"))
                .andExpect(jsonPath("$.version").value(6))
                .andExpect(jsonPath("$.name").value("Kampala Capital City Authority " + t));
        awaitEvents(id, expectedTypes.toArray(String[]::new));
    }

    @Test
    void illegalStepsAreConflictsAndStaleOrMissingETagsAreRefused() throws Exception {
        var admin = platformAdmin();
        String id = register(refugeeDepartmentJson(tag()));
        perform(postStep("/stakeholders/" + id + "/activate", null), admin)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PROPOSED")));
        perform(postStep("/stakeholders/" + id + "/suspend", null), admin).andExpect(status().isConflict());
        perform(postStep("/stakeholders/" + id + "/verify", "\"7\""), admin).andExpect(status().isPreconditionFailed());
        perform(putJson("/stakeholders/" + id, refugeeDepartmentJson("x"), null), admin)
                .andExpect(status().isPreconditionRequired());
        perform(putJson("/stakeholders/" + id, refugeeDepartmentJson("x"), "\"0\""), admin)
                .andExpect(status().isPreconditionFailed());
        perform(getJson("/stakeholders/" + id), admin)
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("PROPOSED"));
        awaitEvents(id, "StakeholderRegistered");
    }

    @Test
    void anUnchangedProfileIsNotANewVersion() throws Exception {
        var admin = platformAdmin();
        String t = tag();
        String id = register(ngoJson(t));
        perform(putJson("/stakeholders/" + id, ngoJson(t), "\"1\""), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(header().string("ETag", "\"1\""));
        awaitEvents(id, "StakeholderRegistered");
    }

    @Test
    void historyListsEveryVersionWithActorAndChangedFields() throws Exception {
        var admin = platformAdmin();
        String t = tag();
        String id = register(cityAuthorityJson(t));
        var cityAdmin = user("kcca-admin-" + t, id, "org-admin", "member");
        perform(
                        postStep("/stakeholders/" + id + "/verify", "\"1\"")
                                .contentType("application/json")
                                .content("{\"reason\":\"checked against the gazette\"}"),
                        admin)
                .andExpect(status().isOk());
        String renamed = cityAuthorityJson(t)
                .replace("\"acronym\":\"KCCA\"", "\"acronym\":\"KCCA-UG\"")
                .replace("\"BASIC_SERVICES\"", "\"RECEPTION\"");
        perform(putJson("/stakeholders/" + id, renamed, "\"2\""), cityAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.acronym").value("KCCA-UG"));

        ResultActions history =
                perform(getJson("/stakeholders/" + id + "/history"), cityAdmin).andExpect(status().isOk());
        List<Map<String, Object>> versions = json(history, "$");
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2, 3);
        assertThat(versions)
                .extracting(v -> v.get("change"))
                .containsExactly("StakeholderRegistered", "StakeholderVerified", "StakeholderUpdated");
        assertThat(versions.get(0).get("userId")).isNotNull().isNotEqualTo(cityAdmin.subject());
        assertThat(versions.get(1).get("userId")).isEqualTo(admin.subject());
        assertThat(versions.get(1).get("reason")).isEqualTo("checked against the gazette");
        assertThat(versions.get(2).get("userId")).isEqualTo(cityAdmin.subject());
        assertThat(versions.get(2).get("organisationId")).isEqualTo(id);
        assertThat(versions.get(2).get("changedFields")).isEqualTo(List.of("acronym", "sectors"));
        assertThat(versions).allSatisfy(v -> assertThat(v.get("at")).isNotNull());

        List<RecordedEvent> all = awaitEvents(id, "StakeholderRegistered", "StakeholderVerified", "StakeholderUpdated");
        assertThat(all.get(2).payloadText()).contains("\"changedFields\":[\"acronym\",\"sectors\"]");
        perform(getJson("/stakeholders/" + id + "/history"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void listingFiltersByEveryCriterion() throws Exception {
        var admin = platformAdmin();
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String department = register(refugeeDepartmentJson(t));
        String ngo = register(ngoJson(t));
        String association = register(associationJson(t, false));
        var reader = user("reader-" + t, ngo, "member");

        assertThat(ids(reader, "q=" + t)).containsExactlyInAnyOrder(city, department, ngo, association);
        assertThat(ids(reader, "q=" + t + "&type=LOCAL_GOVERNMENT")).containsExactly(city);
        assertThat(ids(reader, "q=" + t + "&level=NATIONAL")).containsExactly(department);
        assertThat(ids(reader, "q=" + t + "&country=UG")).hasSize(4);
        assertThat(ids(reader, "q=" + t + "&country=KE")).isEmpty();
        assertThat(ids(reader, "q=" + t + "&subdivision=UG-C")).containsExactlyInAnyOrder(city, ngo, association);
        assertThat(ids(reader, "q=" + t + "&sector=HEALTH")).containsExactlyInAnyOrder(city, ngo);
        assertThat(ids(reader, "q=" + t + "&sector=SOCIAL_COHESION")).containsExactly(association);
        assertThat(ids(reader, "q=" + t + "&status=ACTIVE")).containsExactly(city);
        assertThat(ids(reader, "q=" + t + "&status=PROPOSED")).containsExactlyInAnyOrder(department, ngo, association);
        assertThat(ids(reader, "q=" + t + "&type=LOCAL_GOVERNMENT&status=PROPOSED"))
                .isEmpty();
        assertThat(ids(reader, "q=Kisenyi Refugee Women's Association " + t)).containsExactly(association);
        // q matches the acronym too, case-insensitively
        assertThat(ids(reader, "q=opm-dor&level=NATIONAL&sector=RECEPTION&country=UG"))
                .contains(department)
                .doesNotContain(city, ngo, association);
        perform(getJson("/stakeholders?type=NOT_A_TYPE"), reader)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("type")));
        perform(getJson("/stakeholders?status=" + "SLEEPING"), reader).andExpect(status().isBadRequest());
        perform(getJson("/stakeholders?forum=not-a-uuid"), reader).andExpect(status().isBadRequest());
        perform(getJson("/stakeholders?q=" + t), admin)
                .andExpect(jsonPath("$.totalItems").value(4));
    }

    @Test
    void listingPagesAndSorts() throws Exception {
        String t = tag();
        String city = register(cityAuthorityJson(t)); // "Kampala ..."
        String department = register(refugeeDepartmentJson(t)); // "Department ..."
        String ngo = register(ngoJson(t)); // "International ..."
        String association = register(associationJson(t, false)); // "Kisenyi ..."
        var reader = user("reader-" + t, city, "member");

        ResultActions first = perform(getJson("/stakeholders?q=" + t + "&size=3&page=0"), reader)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(4))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.page").value(0));
        assertThat((List<String>) json(first, "$.items[*].id")).isEqualTo(List.of(department, ngo, city));
        assertThat(ids(reader, "q=" + t + "&size=3&page=1")).containsExactly(association);
        assertThat(ids(reader, "q=" + t + "&size=3&page=2")).isEmpty();
        assertThat(ids(reader, "q=" + t + "&sort=-name")).containsExactly(association, city, ngo, department);
        assertThat(ids(reader, "q=" + t + "&sort=createdAt")).containsExactly(city, department, ngo, association);
        assertThat(ids(reader, "q=" + t + "&sort=-createdAt")).containsExactly(association, ngo, department, city);

        for (String bad :
                List.of("size=0", "size=500", "size=201", "page=-1", "sort=colour", "sort=-status", "size=ten")) {
            perform(getJson("/stakeholders?q=" + t + "&" + bad), reader)
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        assertThat(ids(reader, "q=" + t + "&size=200")).hasSize(4);
        assertThat(ids(reader, "q=" + t + "&size=1")).containsExactly(department);
    }

    private List<String> ids(org.arrival.platform.testing.TestTokenIssuer.Token token, String query) throws Exception {
        return json(perform(getJson("/stakeholders?" + query), token).andExpect(status().isOk()), "$.items[*].id");
    }
}
