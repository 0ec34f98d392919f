package org.arrival.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.notifications.routing.RoutingTestSupport;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-mails and digests reach their readers in the language of their subscription (set by the web application from
 * the person's chosen language; English by default), with the record's address; a flag's finding is worded from its
 * parameters.
 */
class EmailLanguageTest extends RoutingTestSupport {

    @Autowired
    DigestJob digests;

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private Token officer;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        officer = user("ngo-officer-" + UUID.randomUUID(), ngo, "member");
    }

    @Test
    void eachSubscriptionsEmailsAreWordedInItsLanguage() throws Exception {
        UUID action = UUID.randomUUID();
        propose(action, city, "Multilingual referral desks", List.of(forum), DataClassification.FORUM);
        String filter = """
                "filter":{"records":["%s"],"eventTypes":["ProgressReported"]}""".formatted(action);
        UUID french = subscribe(officer, """
                {"channel":"EMAIL","address":"fr@rlp.example.org","language":"fr-CA",%s}""".formatted(filter));
        UUID arabic = subscribe(officer, """
                {"channel":"EMAIL","address":"ar@rlp.example.org","language":"ar",%s}""".formatted(filter));
        UUID english = subscribe(officer, """
                {"channel":"EMAIL","address":"en@rlp.example.org",%s}""".formatted(filter));
        perform(getJson("/subscriptions/" + french), officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("fr"));
        perform(getJson("/subscriptions/" + english), officer)
                .andExpect(jsonPath("$.language").value("en"));

        String eventId = UUID.randomUUID().toString();
        feed.publish(
                report(action, city, 40, Rag.AMBER),
                UUID.randomUUID(),
                action,
                city,
                DataClassification.FORUM,
                eventId);
        awaitHandled(eventId);

        Map<String, Object> fr = email(french, eventId);
        assertThat(fr.get("subject"))
                .isEqualTo(
                        "Kampala Capital City Authority a signalé un avancement de 40 % sur « Multilingual referral desks »");
        assertThat((String) fr.get("payload"))
                .contains(
                        "Appréciation : À risque.",
                        "Two of five desks are open.",
                        "Ouvrir dans Arrival : http://127.0.0.1:8080/actions/" + action,
                        "Vous recevez ce message en raison de votre abonnement Arrival " + french);
        Map<String, Object> ar = email(arabic, eventId);
        assertThat((String) ar.get("subject"))
                .startsWith("أبلغت Kampala Capital City Authority عن تقدّم بنسبة")
                .contains("«Multilingual referral desks»");
        assertThat((String) ar.get("payload")).contains("افتحه في Arrival: http://127.0.0.1:8080/actions/" + action);
        assertThat(email(english, eventId).get("subject"))
                .isEqualTo("Kampala Capital City Authority reported 40% progress on “Multilingual referral desks”");
    }

    @Test
    void aFlagsFindingIsWordedFromItsParameters() throws Exception {
        UUID action = UUID.randomUUID();
        propose(action, city, "Multilingual referral desks", List.of(forum), DataClassification.FORUM);
        UUID spanish = subscribe(officer, """
                {"channel":"EMAIL","address":"es@rlp.example.org","language":"es",
                 "filter":{"forums":["%s"],"eventTypes":["CoherenceFlagRaised"]}}""".formatted(forum));
        UUID flagId = UUID.randomUUID();
        CoherenceFlagRaised raised = new CoherenceFlagRaised(
                new CoherenceFlag(
                        flagId,
                        1,
                        forum,
                        CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                        List.of(action),
                        "Action 'Multilingual referral desks' has no committed funding.",
                        FlagStatus.OPEN,
                        null,
                        new CoherenceFlagParameters(
                                List.of(new FlaggedRecord(
                                        action, FlaggedRecordKind.ACTION, "Multilingual referral desks")),
                                List.of(Sector.RECEPTION),
                                List.of(PopulationGroup.REFUGEES),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)),
                null);
        String eventId = feed.publish(raised, flagId, forum, city, DataClassification.FORUM);
        awaitHandled(eventId);

        Map<String, Object> es = email(spanish, eventId);
        assertThat(es.get("subject")).isEqualTo("Un control de coherencia emitió una alerta: Acción sin financiación");
        assertThat((String) es.get("payload"))
                .contains(
                        "La acción «Multilingual referral desks» no tiene financiación comprometida.",
                        "http://127.0.0.1:8080/forums/" + forum + "/flags/" + flagId);
    }

    @Test
    void aDigestIsWordedInItsSubscriptionsLanguage() throws Exception {
        UUID action = UUID.randomUUID();
        propose(action, city, "Multilingual referral desks", List.of(forum), DataClassification.FORUM);
        UUID digest = subscribe(officer, """
                {"channel":"EMAIL","address":"digest-fr@rlp.example.org","frequency":"DAILY_DIGEST","language":"fr",
                 "filter":{"records":["%s"]}}""".formatted(action));
        String eventId = UUID.randomUUID().toString();
        feed.publish(
                report(action, city, 60, Rag.GREEN),
                UUID.randomUUID(),
                action,
                city,
                DataClassification.FORUM,
                eventId);
        awaitHandled(eventId);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        digests.run(today);
        Map<String, Object> mail =
                jdbc.queryForMap("SELECT subject, payload FROM delivery WHERE subscription_id = ?", digest);
        assertThat((String) mail.get("subject"))
                .startsWith("Résumé quotidien Arrival du ")
                .endsWith(" : 1 nouveauté");
        assertThat((String) mail.get("payload"))
                .contains(
                        "1. Kampala Capital City Authority a signalé un avancement de 60 % sur « Multilingual referral desks »",
                        "http://127.0.0.1:8080/actions/" + action, "Vous recevez ce résumé");
    }

    @Test
    void aLanguageTheServiceDoesNotWordInIsRefusedAtTheField() throws Exception {
        perform(postJson("/subscriptions", """
                {"channel":"IN_APP","language":"tlh"}"""), officer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        UUID id = subscribe(officer, "{\"channel\":\"IN_APP\"}");
        perform(putJson("/subscriptions/" + id, "{\"channel\":\"IN_APP\",\"language\":\"ar\"}", "\"1\""), officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("ar"))
                .andExpect(jsonPath("$.version").value(2));
    }

    private Map<String, Object> email(UUID subscription, String eventId) {
        return jdbc.queryForMap(
                "SELECT subject, payload FROM delivery WHERE subscription_id = ? AND event_id = ?",
                subscription,
                eventId);
    }
}
