package org.arrival.local;

import static org.arrival.local.DemoCalls.list;
import static org.arrival.local.DemoForum.KCCA;

/**
 * What members ask the notifications service to tell them beyond what every forum member hears (new actions and
 * overdue reports on records shared with the forum): made before the rest of the demo, so loading it already
 * fills inboxes and digests.
 */
final class DemoSubscriptions {

    private final DemoCalls calls;
    private final String forumId;

    DemoSubscriptions(DemoCalls calls, String forumId) {
        this.calls = calls;
        this.forumId = forumId;
    }

    void load() {
        // the donor follows funding on the forum's actions in a daily e-mail digest
        subscribe("donor-viewer", """
                {"channel":"EMAIL","address":"donor-viewer@demo.arrival.example","frequency":"DAILY_DIGEST",
                 "filter":{"forums":%s,"eventTypes":["FundingRecorded"]}}""".formatted(list(forumId)));
        // the chair's organisation gets the forum's new actions, progress and inputs in a daily digest
        subscribe("kcca-coordinator", """
                {"scope":"ORGANISATION","channel":"EMAIL","address":"forum@kcca.demo.arrival.example",
                 "frequency":"DAILY_DIGEST","filter":{"forums":%s,
                 "eventTypes":["ActionProposed","ProgressReported","InputContributed"]}}""".formatted(list(forumId)));
        // the secretariat follows delivery in its inbox, and is e-mailed at once when a report is late
        subscribe("ngo-editor", """
                {"channel":"IN_APP","filter":{"forums":%s,"eventTypes":["MilestoneRecorded","ProgressReported"]}}""".formatted(list(forumId)));
        subscribe("ngo-editor", """
                {"channel":"EMAIL","address":"ngo-editor@demo.arrival.example",
                 "filter":{"forums":%s,"eventTypes":["ReportOverdue"]}}""".formatted(list(forumId)));
        // the association hears of needs and actions in its sectors in Kampala
        subscribe("rlo-editor", """
                {"channel":"IN_APP","filter":{"areas":["UG-C"],"sectors":["LIVELIHOODS","BASIC_SERVICES","HOUSING"],
                 "eventTypes":["NeedIdentified","NeedUpdated","ActionProposed"]}}""");
        // the national department follows the city's actions and their progress
        subscribe("opm-refugees-editor", """
                {"channel":"IN_APP","filter":{"organisations":%s,"eventTypes":["ActionProposed","ProgressReported"]}}""".formatted(list(KCCA)));
    }

    private void subscribe(String user, String body) {
        // the forum and the organisations are known to the notifications service once the registry's events arrive
        calls.eventually(201, "POST", user, PlatformService.NOTIFICATIONS, "/subscriptions", body);
    }
}
