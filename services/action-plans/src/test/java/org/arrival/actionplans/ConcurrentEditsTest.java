package org.arrival.actionplans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.ConcurrentWriters;
import org.arrival.platform.testing.api.ConcurrentWriters.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Every edit takes If-Match: when several editors send a change to the same version of a record at the same moment,
 * exactly one wins and every other gets 412 (problem+json), and the record moved on by exactly one version. Checked
 * for plans and their status, actions and their status, milestones and their steps, and funding lines. (Progress
 * reports and contributions are never edited.)
 */
class ConcurrentEditsTest extends ActionPlansIntegrationTest {

    private static final int EDITORS = 6;

    @Test
    void ofConcurrentEditsToOneVersionExactlyOneWinsAndTheOthersGet412() throws Exception {
        UUID forum = UUID.randomUUID();
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        seat(forum, city);
        Token editor = user("kcca-editor", city, "member", "org-editor");
        ApiFixture fixture = new ApiFixture(mvc);
        List<UUID> forums = List.of(forum);

        UUID plan = fixture.plan(editor, "FORUM", forums);
        race(
                "PUT /plans/{id}",
                "plan",
                plan,
                1,
                i -> ApiCall.put(
                                "/plans/" + plan,
                                ApiFixture.planJson("Kisenyi neighbourhood plan, draft " + i, "FORUM", forums))
                        .ifMatch("\"1\""),
                editor);
        race(
                "POST /plans/{id}/status",
                "plan",
                plan,
                2,
                i -> ApiCall.post(
                                "/plans/" + plan + "/status",
                                "{\"status\":\"ADOPTED\",\"reason\":\"council vote " + i + "\"}")
                        .ifMatch("\"2\""),
                editor);

        UUID action = fixture.action(editor, "FORUM", forums, null);
        race(
                "PUT /actions/{id}",
                "action",
                action,
                1,
                i -> ApiCall.put(
                                "/actions/" + action,
                                ApiFixture.actionJson("School places in Kisenyi, phase " + i, "FORUM", forums, null))
                        .ifMatch("\"1\""),
                editor);
        race(
                "POST /actions/{id}/status",
                "action",
                action,
                2,
                i -> ApiCall.post(
                                "/actions/" + action + "/status",
                                "{\"status\":\"COMMITTED\",\"reason\":\"budget line " + i + "\"}")
                        .ifMatch("\"2\""),
                editor);

        UUID underWay = fixture.actionUnderWay(editor, "FORUM", forums, null);
        UUID milestone = fixture.milestone(editor, underWay);
        String m = "/actions/" + underWay + "/milestones/" + milestone;
        race(
                "PUT milestone",
                "milestone",
                milestone,
                1,
                i -> ApiCall.put(m, "{\"title\":\"Fee waivers agreed with school " + i + "\",\"dueOn\":\"2026-06-30\"}")
                        .ifMatch("\"1\""),
                editor);
        race(
                "POST milestone reach",
                "milestone",
                milestone,
                2,
                i -> ApiCall.post(m + "/reach", "{\"reachedOn\":\"2026-0" + (1 + i % 6) + "-15\"}")
                        .ifMatch("\"2\""),
                editor);
        UUID other = fixture.milestone(editor, underWay);
        String o = "/actions/" + underWay + "/milestones/" + other;
        race(
                "POST milestone miss",
                "milestone",
                other,
                1,
                i -> ApiCall.post(o + "/miss", null).ifMatch("\"1\""),
                editor);
        race(
                "POST milestone cancel",
                "milestone",
                other,
                2,
                i -> ApiCall.post(o + "/cancel", null).ifMatch("\"2\""),
                editor);

        UUID line = fixture.funding(editor, underWay, null);
        race(
                "PUT funding line",
                "funding_line",
                line,
                1,
                i -> ApiCall.put(
                                "/actions/" + underWay + "/funding/" + line,
                                ApiFixture.fundingJson(null, "KCCA budget", 300000001 + i))
                        .ifMatch("\"1\""),
                editor);
    }

    /** Sends the editors' changes to one version at once; one must win, the rest get 412, the version moves by one. */
    private void race(String what, String table, UUID id, long version, IntFunction<ApiCall> change, Token editor) {
        List<Outcome> outcomes = ConcurrentWriters.race(mvc, EDITORS, change, i -> editor.bearer());
        ConcurrentWriters.theOnlyWinner(outcomes);
        assertThat(jdbc.queryForObject("SELECT version FROM " + table + " WHERE id = ?", Long.class, id))
                .as(what + " moved by one version")
                .isEqualTo(version + 1);
    }
}
