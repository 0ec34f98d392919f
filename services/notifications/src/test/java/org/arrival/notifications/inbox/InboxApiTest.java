package org.arrival.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The inbox over HTTP: a user's own and their organisation's notifications, read state per user. */
class InboxApiTest extends NotificationsIntegrationTest {

    private UUID org;
    private UUID otherOrg;
    private Token alice;
    private Token bob;
    private Token stranger;
    private UUID forAlice;
    private UUID forBob;
    private UUID forAll;
    private UUID forOthers;

    @BeforeEach
    void seed() {
        org = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        otherOrg = organisation("Arua City", "LOCAL_GOVERNMENT", false, false);
        String suffix = UUID.randomUUID().toString();
        alice = user("alice-" + suffix, org, "member");
        bob = user("bob-" + suffix, org, "member");
        stranger = user("stranger-" + suffix, otherOrg, "member");
        Instant now = Instant.now();
        forAll = insert(org, null, "Organisation-wide", now.minusSeconds(30));
        forAlice = insert(org, alice.subject(), "For Alice", now.minusSeconds(20));
        forBob = insert(org, bob.subject(), "For Bob", now.minusSeconds(10));
        forOthers = insert(otherOrg, null, "For Arua", now);
    }

    private UUID insert(UUID recipientOrg, String user, String title, Instant at) {
        return insert(recipientOrg, user, title, at, UUID.randomUUID(), List.of());
    }

    /** A notification about the subject, naming the organisations. */
    private UUID insert(
            UUID recipientOrg, String user, String title, Instant at, UUID subject, List<UUID> organisations) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO notification (id, event_id, event_type, subject_id, recipient_org, recipient_user, title, body,
                    link, classification, occurred_at, created_at, organisations)
                VALUES (?, ?, 'org.arrival.actionplans.ActionProposed.v1', ?, ?, ?, ?, '', 'http://x/actions/1', 'PUBLIC', ?, ?,
                    ?::uuid[])""",
                id,
                UUID.randomUUID().toString(),
                subject.toString(),
                recipientOrg,
                user,
                title,
                Timestamp.from(at),
                Timestamp.from(at),
                ReadSql.array(organisations));
        return id;
    }

    @Test
    void aUserSeesTheirOwnAndTheirOrganisationsNotificationsNewestFirstAndReadsThem() throws Exception {
        perform(getJson("/inbox"), alice)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].id").value(forAlice.toString()))
                .andExpect(jsonPath("$.items[0].personal").value(true))
                .andExpect(jsonPath("$.items[1].id").value(forAll.toString()))
                .andExpect(jsonPath("$.items[1].read").value(false));
        perform(getJson("/inbox").param("size", "1").param("page", "1"), alice)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(forAll.toString()))
                .andExpect(jsonPath("$.totalPages").value(2));
        perform(getJson("/inbox/unread-count"), alice)
                .andExpect(jsonPath("$.unread").value(2));

        perform(post("/inbox/" + forAll + "/read"), alice).andExpect(status().isNoContent());
        perform(post("/inbox/" + forAll + "/read"), alice).andExpect(status().isNoContent());
        perform(getJson("/inbox/unread-count"), alice)
                .andExpect(jsonPath("$.unread").value(1));
        perform(getJson("/inbox").param("unread", "true"), alice)
                .andExpect(jsonPath("$.items[*].id", Matchers.contains(forAlice.toString())));
        perform(getJson("/inbox"), alice).andExpect(jsonPath("$.items[1].read").value(true));
        // read state is per user: Bob has not read the organisation-wide one
        perform(getJson("/inbox/unread-count"), bob)
                .andExpect(jsonPath("$.unread").value(2));

        perform(post("/inbox/read-all"), bob)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(2));
        perform(getJson("/inbox/unread-count"), bob)
                .andExpect(jsonPath("$.unread").value(0));
        perform(getJson("/inbox/unread-count"), alice)
                .andExpect(jsonPath("$.unread").value(1));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification_read WHERE notification_id = ?", Long.class, forAll))
                .isEqualTo(2);
    }

    @Test
    void nobodySeesAnotherUsersOrAnotherOrganisationsNotifications() throws Exception {
        perform(getJson("/inbox"), alice)
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem(forBob.toString()))))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem(forOthers.toString()))));
        perform(post("/inbox/" + forBob + "/read"), alice).andExpect(status().isNotFound());
        perform(post("/inbox/" + forOthers + "/read"), alice).andExpect(status().isNotFound());
        perform(post("/inbox/" + forAll + "/read"), stranger).andExpect(status().isNotFound());
        perform(post("/inbox/" + UUID.randomUUID() + "/read"), alice).andExpect(status().isNotFound());
        perform(post("/inbox/not-a-uuid/read"), alice).andExpect(status().isBadRequest());
        perform(getJson("/inbox"), stranger)
                .andExpect(jsonPath("$.items[*].id", Matchers.contains(forOthers.toString())));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification_read WHERE notification_id IN (?, ?, ?)",
                        Long.class,
                        forBob,
                        forOthers,
                        forAll))
                .isZero();
    }

    @Test
    void theListFilteredBySubjectHoldsOnlyTheCallersNotificationsAboutThatRecord() throws Exception {
        UUID report = UUID.randomUUID();
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        UUID association = organisation("Refugee women's association", "LOCAL_NGO_CSO", false, true);
        Token officer = user("officer-" + UUID.randomUUID(), police, "member");
        Instant now = Instant.now();
        UUID ours = insert(org, null, "Report for us", now.minusSeconds(5), report, List.of(org));
        UUID ourOther =
                insert(org, alice.subject(), "Another record", now.minusSeconds(4), UUID.randomUUID(), List.of());
        UUID theirs = insert(otherOrg, null, "Report for Arua", now.minusSeconds(3), report, List.of(org));
        UUID policeOwn = insert(police, null, "Report for the unit", now.minusSeconds(2), report, List.of(org));
        UUID policeHidden =
                insert(police, null, "Association's report", now.minusSeconds(1), report, List.of(association));

        perform(getJson("/inbox").param("subject", report.toString()), alice)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[*].id", Matchers.contains(ours.toString())))
                .andExpect(jsonPath("$.items[0].subjectId").value(report.toString()));
        perform(getJson("/inbox"), alice).andExpect(jsonPath("$.items[*].id", Matchers.hasItem(ourOther.toString())));
        perform(getJson("/inbox").param("subject", report.toString()).param("unread", "true"), alice)
                .andExpect(jsonPath("$.items[*].id", Matchers.contains(ours.toString())));
        // another organisation's caller gets its own notification about the record, never ours
        perform(getJson("/inbox").param("subject", report.toString()), stranger)
                .andExpect(jsonPath("$.items[*].id", Matchers.contains(theirs.toString())));
        // an enforcement body: neither another organisation's notification nor its own naming a hidden organisation
        perform(getJson("/inbox").param("subject", report.toString()), officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[*].id", Matchers.contains(policeOwn.toString())));
        perform(getJson("/inbox"), officer)
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem(policeHidden.toString()))));
        perform(getJson("/inbox").param("subject", UUID.randomUUID().toString()), alice)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void aSubjectThatIsNoRecordIdIsRefused() throws Exception {
        perform(getJson("/inbox").param("subject", "not-a-uuid"), alice)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void everyEndpointNeedsAToken() throws Exception {
        perform(getJson("/inbox"), null).andExpect(status().isUnauthorized());
        perform(getJson("/inbox/unread-count"), null).andExpect(status().isUnauthorized());
        perform(post("/inbox/" + forAll + "/read"), null).andExpect(status().isUnauthorized());
        perform(post("/inbox/read-all"), null).andExpect(status().isUnauthorized());
    }
}
