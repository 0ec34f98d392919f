package org.arrival.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.ServiceIntegrationTest;
import org.arrival.platform.testing.TestTokenIssuer;
import org.arrival.registry.people.FakeRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Base of the registry's integration tests: one Spring context on the real embedded PostgreSQL and Kafka broker,
 * real tokens from the test issuer, and a recorder of the registry's topics.
 */
@ServiceIntegrationTest
public abstract class RegistryIntegrationTest {

    protected static final String STAKEHOLDERS = "arrival.registry.stakeholders.v1";
    protected static final String FORUMS = "arrival.registry.forums.v1";
    protected static final String MEETINGS = "arrival.registry.meetings.v1";

    protected static final String TYPE_PREFIX = "org.arrival.registry.";

    protected static EventRecorder events;

    @Autowired
    protected MockMvc mvc;

    /** The identity provider's admin API the registry calls for an organisation's people. */
    @DynamicPropertySource
    static void realm(DynamicPropertyRegistry registry) {
        registry.add("arrival.people.realm-uri", () -> FakeRealm.instance().realmUri());
        registry.add("arrival.people.client-secret", () -> FakeRealm.SECRET);
    }

    @BeforeAll
    static void recordTopics() {
        if (events == null) {
            events = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), STAKEHOLDERS, FORUMS, MEETINGS);
        }
    }

    @AfterAll
    static void keepRecorder() {
        // shared by every class of the suite, like the Spring context
    }

    protected static TestTokenIssuer.Token user(String name, UUID org, String... roles) {
        return TestTokenIssuer.instance().user(name, org, roles);
    }

    protected static TestTokenIssuer.Token user(String name, String org, String... roles) {
        return user(name, UUID.fromString(org), roles);
    }

    protected static TestTokenIssuer.Token platformAdmin() {
        return user("platform-admin-" + UUID.randomUUID(), (UUID) null, "platform-admin", "member");
    }

    protected ResultActions perform(MockHttpServletRequestBuilder request, TestTokenIssuer.Token token)
            throws Exception {
        if (token != null) {
            request.header("Authorization", token.bearer());
        }
        return mvc.perform(request);
    }

    protected static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    protected static MockHttpServletRequestBuilder putJson(String path, String body, String ifMatch) {
        MockHttpServletRequestBuilder request =
                put(path).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request;
    }

    protected static MockHttpServletRequestBuilder postStep(String path, String ifMatch) {
        MockHttpServletRequestBuilder request = post(path);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request;
    }

    protected static MockHttpServletRequestBuilder getJson(String path) {
        return get(path).accept(MediaType.APPLICATION_JSON);
    }

    // ---- reading responses

    protected static <T> T json(ResultActions result, String path) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
    }

    protected static <T> T json(MockHttpServletResponse response, String path) throws Exception {
        return JsonPath.read(response.getContentAsString(), path);
    }

    protected static String etag(ResultActions result) {
        return result.andReturn().getResponse().getHeader("ETag");
    }

    // ---- realistic organisations, fresh for every test

    /** A short unique tag so that names, and searches for them, belong to one test. */
    protected static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String cityAuthorityJson(String tag) {
        return """
                {"name":"Kampala Capital City Authority %s","acronym":"KCCA","type":"LOCAL_GOVERNMENT",
                 "governmentLevel":"MUNICIPAL","jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "sectors":["URBAN_PLANNING","HEALTH","BASIC_SERVICES"],"formalStatus":"REGISTERED_LEGAL_ENTITY",
                 "contact":{"email":"info@kcca.go.ug","website":"https://www.kcca.go.ug"}}""".formatted(tag);
    }

    protected static String refugeeDepartmentJson(String tag) {
        return """
                {"name":"Department of Refugees, Office of the Prime Minister %s","acronym":"OPM-DoR",
                 "type":"NATIONAL_GOVERNMENT_BODY","governmentLevel":"NATIONAL","jurisdiction":{"country":"UG"},
                 "sectors":["RECEPTION","LEGAL_STATUS","PROTECTION_RIGHTS"],"formalStatus":"REGISTERED_LEGAL_ENTITY"}""".formatted(tag);
    }

    protected static String ngoJson(String tag) {
        return """
                {"name":"International Rescue Committee Uganda %s","acronym":"IRC","type":"INTERNATIONAL_NGO",
                 "governmentLevel":"INTERNATIONAL","jurisdiction":{"country":"UG","subdivision":"UG-C"},
                 "sectors":["HEALTH","LIVELIHOODS","PROTECTION_RIGHTS"],"formalStatus":"REGISTERED_LEGAL_ENTITY",
                 "externalIdentifiers":[{"scheme":"XM-DAC","identifier":"21070-%s"}]}""".formatted(tag, tag);
    }

    protected static String associationJson(String tag, boolean hidden) {
        return """
                {"name":"Kisenyi Refugee Women's Association %s","type":"MIGRANT_REFUGEE_IDP_ASSOCIATION",
                 "governmentLevel":"NEIGHBOURHOOD","jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},
                 "sectors":["LIVELIHOODS","SOCIAL_COHESION"],"formalStatus":"INFORMAL",
                 "hiddenFromEnforcementBodies":%s}""".formatted(tag, hidden);
    }

    protected static String policeJson(String tag) {
        return """
                {"name":"Directorate of Citizenship and Immigration Control, Enforcement Unit %s","acronym":"DCIC-EU",
                 "type":"NATIONAL_GOVERNMENT_BODY","governmentLevel":"NATIONAL","jurisdiction":{"country":"UG"},
                 "sectors":["SAFETY_RULE_OF_LAW","LEGAL_STATUS"],"enforcementBody":true,
                 "formalStatus":"REGISTERED_LEGAL_ENTITY"}""".formatted(tag);
    }

    /** Registers an organisation as the platform administrator; returns its id. */
    protected String register(String body) throws Exception {
        return json(perform(postJson("/stakeholders", body), platformAdmin()).andExpect(status().isCreated()), "$.id");
    }

    /** Registers an organisation and takes it to ACTIVE, so it can convene and take seats. */
    protected String registerActive(String body) throws Exception {
        String id = register(body);
        var admin = platformAdmin();
        perform(postStep("/stakeholders/" + id + "/verify", null), admin).andExpect(status().isOk());
        perform(postStep("/stakeholders/" + id + "/activate", null), admin).andExpect(status().isOk());
        return id;
    }

    protected static String forumJson(String name, String convenor, String chair, String secretariat, String parent) {
        return """
                {"name":"%s","type":"COORDINATION_FORUM",
                 "geographicScope":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "thematicScope":{"sectors":["RECEPTION","HEALTH"],"populationGroups":["REFUGEES","URBAN_DISPLACED"],
                                  "mandate":"Coordinate the reception of urban refugees in Kampala",
                                  "languages":["en","lg","sw"]},
                 "convenorId":%s,"chairId":%s,"secretariatId":%s,"parentForumId":%s}""".formatted(name, quoted(convenor), quoted(chair), quoted(secretariat), quoted(parent));
    }

    protected static String membershipJson(String stakeholder, String seat, String start, String end) {
        return """
                {"stakeholderId":%s,"seat":"%s","termStart":%s,"termEnd":%s}""".formatted(quoted(stakeholder), seat, quoted(start), quoted(end));
    }

    protected static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    protected static String type(String simpleName) {
        return TYPE_PREFIX + simpleName + ".v1";
    }

    // ---- events

    protected static List<RecordedEvent> eventsAbout(String subject) {
        return events.events(e -> subject.equals(e.subject()));
    }

    /**
     * Waits for {@code types.length} events about the subject, waits a little longer for any extra one, then
     * asserts they are exactly these types in this order, each a valid CloudEvent of its contract. Returns them.
     */
    protected static List<RecordedEvent> awaitEvents(String subject, String... types) {
        events.await(e -> subject.equals(e.subject()), types.length, Duration.ofSeconds(20));
        pause(300);
        List<RecordedEvent> all = eventsAbout(subject);
        assertThat(all)
                .extracting(RecordedEvent::type)
                .containsExactly(java.util.Arrays.stream(types)
                        .map(RegistryIntegrationTest::type)
                        .toArray(String[]::new));
        all.forEach(EventRecorder::assertValidCloudEvent);
        return all;
    }

    /** After a short wait, no event about the subject was published at all. */
    protected static void assertNoEventsAbout(String subject) {
        pause(800);
        assertThat(eventsAbout(subject)).isEmpty();
    }

    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
