package org.arrival.forum.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * An action's history in the forum view: the events logged about it, newest first and paged, for the members who see
 * the action in the forum's tracker; each event read as it was published.
 */
class ActionHistoryTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPORTED = "org.arrival.actionplans.ProgressReported.v1";

    @Autowired
    Generations generations;

    @Test
    void aMemberReadsTheEventsAboutAnActionTheySeeNewestFirstAndNobodyElseDoes() throws Exception {
        UUID city = registered("City", false, false);
        UUID ngo = registered("NGO", false, false);
        UUID hiddenNgo = registered("Shelter network", false, true);
        UUID police = registered("Police", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        for (UUID member : List.of(city, ngo, hiddenNgo, police)) {
            member(forum, member);
        }
        UUID open = UUID.randomUUID();
        UUID restricted = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        UUID opened = UUID.randomUUID();
        proposed(action(open, city, forum, "Referral desks"), DataClassification.FORUM);
        UUID first = report(open, city, LocalDate.of(2025, 3, 31), DataClassification.FORUM);
        UUID second = report(open, city, LocalDate.of(2025, 6, 30), DataClassification.FORUM);
        proposed(action(restricted, city, forum, "Safe houses"), DataClassification.RESTRICTED);
        proposed(action(hidden, hiddenNgo, forum, "Shelter beds"), DataClassification.FORUM);
        // restricted at first, shared with the forum later: what was done meanwhile stays restricted
        proposed(action(opened, city, forum, "Legal clinic"), DataClassification.RESTRICTED);
        UUID whileRestricted = report(opened, city, LocalDate.of(2025, 3, 31), DataClassification.RESTRICTED);
        updated(action(opened, 2, city, forum, "Legal clinic"), DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> logged(open) == 3
                        && logged(restricted) == 1
                        && logged(hidden) == 1
                        && logged(opened) == 3
                        && projected(
                                        "fv_action",
                                        "id IN ('" + open + "', '" + restricted + "', '" + hidden + "', '" + opened
                                                + "')")
                                == 4
                        && projected("fv_action", "id = '" + opened + "' AND data->>'classification' = 'FORUM'") == 1
                        && projected("fv_membership", "forum_id = '" + forum + "'") == 4
                        && List.of(city, ngo, hiddenNgo, police).stream().allMatch(o -> seated(forum, o))
                        && known(outsider)
                        && projected("fv_organisation", "id = '" + hiddenNgo + "' AND (data->>'hidden')::boolean")
                                == 1);

        Token member = user("ngo-member", ngo, "member");
        Token officer = user("police-member", police, "member");
        Token stranger = user("outsider-member", outsider, "member");
        String base = "/forums/" + forum + "/actions/";

        perform(getJson(base + open + "/history"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath(
                        "$.items[*].subjectId", contains(second.toString(), first.toString(), open.toString())))
                .andExpect(jsonPath("$.items[0].eventType").value(REPORTED))
                .andExpect(jsonPath("$.items[2].eventType").value("org.arrival.actionplans.ActionProposed.v1"))
                .andExpect(jsonPath("$.items[0].eventId").isNotEmpty())
                .andExpect(jsonPath("$.items[0].occurredAt").isNotEmpty())
                .andExpect(jsonPath("$.items[0].payload").doesNotExist());
        perform(getJson(base + open + "/history").param("size", "1").param("page", "1"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].subjectId", contains(first.toString())))
                .andExpect(jsonPath("$.totalPages").value(3));
        perform(getJson(base + restricted + "/history"), member)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1));
        perform(getJson(base + opened + "/history"), member)
                .andExpect(jsonPath("$.items[1].subjectId").value(whileRestricted.toString()));

        // an enforcement body: the open action, but neither a RESTRICTED one nor a hidden organisation's
        perform(getJson(base + open + "/history"), officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3));
        perform(getJson(base + restricted + "/history"), officer).andExpect(status().isNotFound());
        perform(getJson(base + hidden + "/history"), officer)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(getJson(base + opened + "/history"), officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].eventType").value("org.arrival.actionplans.ActionUpdated.v1"));

        // not the forum's, not a member, not an action, not a page
        perform(getJson(base + UUID.randomUUID() + "/history"), member).andExpect(status().isNotFound());
        perform(getJson(base + open + "/history"), stranger).andExpect(status().isNotFound());
        perform(getJson("/forums/" + UUID.randomUUID() + "/actions/" + open + "/history"), member)
                .andExpect(status().isNotFound());
        perform(getJson(base + "not-an-id/history"), member).andExpect(status().isBadRequest());
        perform(getJson(base + open + "/history").param("size", "0"), member)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        perform(getJson(base + open + "/history"), null).andExpect(status().isUnauthorized());
    }

    private static org.arrival.contracts.actionplans.Action action(UUID id, UUID owner, UUID forum, String title) {
        return action(id, 1, owner, forum, title);
    }

    private static org.arrival.contracts.actionplans.Action action(
            UUID id, long version, UUID owner, UUID forum, String title) {
        return action(
                id,
                version,
                owner,
                forum,
                title,
                Sector.PROTECTION_RIGHTS,
                PopulationGroup.REFUGEES,
                List.of(),
                List.of(),
                ActionStatus.IN_PROGRESS);
    }

    /** A progress report on the action, published as the action-plans service does: keyed by the action. */
    private UUID report(UUID action, UUID owner, LocalDate periodEnd, DataClassification classification) {
        ProgressReport r = new ProgressReport(
                UUID.randomUUID(),
                action,
                periodEnd.minusMonths(3).plusDays(1),
                periodEnd,
                ActionStatus.IN_PROGRESS,
                40,
                Rag.GREEN,
                null,
                List.of());
        feed.publish(new ProgressReported(r, actor(owner)), r.reportId(), action, owner, classification);
        return r.reportId();
    }

    private long logged(UUID action) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_log WHERE message_key = ?", Long.class, action.toString());
    }
}
