package org.arrival.forum.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentAccepted;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.AttendanceStatus;
import org.arrival.contracts.registry.Decision;
import org.arrival.contracts.registry.DecisionMethod;
import org.arrival.contracts.registry.DecisionRecorded;
import org.arrival.contracts.registry.DecisionType;
import org.arrival.contracts.registry.Dissent;
import org.arrival.contracts.registry.Meeting;
import org.arrival.contracts.registry.MeetingHeld;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.TestClock;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.coherence.CoherenceFlagRow;
import org.arrival.forum.projection.EventLog;
import org.arrival.forum.projection.Generations;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The forum's meetings, decisions and assignments, projected from the registry's topic: what came of the decisions
 * (now and as of a date, from the event history), a meeting's pack, a decision resolving flags, the check of
 * assignments not accepted, and the firewall over all of them. The history is dated by moving the logged events'
 * times, as if they had happened on those days.
 */
class MeetingsViewTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestClock clock;

    @Autowired
    CoherenceChecker checker;

    @Autowired
    Generations generations;

    @Autowired
    EventLog log;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    record World(
            UUID forum,
            UUID city,
            UUID ngo,
            UUID association,
            UUID police,
            UUID legalAid,
            UUID safeHouses,
            UUID womensCircle,
            UUID need,
            UUID firstMeeting,
            UUID secondMeeting,
            UUID assignDecision,
            UUID resolveDecision,
            UUID toNgo,
            UUID toAssociation,
            UUID toCity,
            CoherenceFlagRow legalAidFlag,
            CoherenceFlagRow safeHousesFlag,
            String resolveEventId) {}

    /**
     * A city's forum with an NGO, a refugee-led association hidden from enforcement bodies and an enforcement unit. On
     * 10 March a meeting assigns work to the NGO, the association and the city; the NGO and the association accept
     * with their own actions on 20 March, the city never answers; the NGO reports progress on 5 April; on 10 April a
     * second meeting resolves the flag on the NGO's action; a report of the NGO falls due on 15 July.
     */
    private World world() {
        Instant start = Instant.now();
        UUID city = registered("City of Kampala", false, false);
        UUID ngo = registered("Legal aid NGO", false, false);
        UUID association = registered("Kisenyi refugee women's association", false, true);
        UUID police = registered("Immigration enforcement unit", true, false);
        UUID forum = forum(city);
        for (UUID org : List.of(city, ngo, association, police)) {
            member(forum, org);
        }
        UUID legalAid = UUID.randomUUID();
        proposed(
                action(
                        legalAid,
                        1,
                        ngo,
                        forum,
                        "Legal aid clinics",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        UUID safeHouses = UUID.randomUUID();
        proposed(
                action(
                        safeHouses,
                        1,
                        city,
                        forum,
                        "Safe house referrals",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.RESTRICTED);
        UUID womensCircle = UUID.randomUUID();
        proposed(
                action(
                        womensCircle,
                        1,
                        association,
                        forum,
                        "Women's circle",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        UUID need = need(city, Sector.EDUCATION, PopulationGroup.REFUGEES);
        await().atMost(WAIT)
                .until(() -> projected(
                                        "fv_action",
                                        "id IN ('" + legalAid + "', '" + safeHouses + "', '" + womensCircle + "')")
                                == 3
                        && projected("fv_need", "id = '" + need + "'") == 1
                        && projected("fv_membership", "forum_id = '" + forum + "'") == 4
                        && projected("fv_organisation", "id = '" + association + "' AND (data->>'hidden')::boolean")
                                == 1
                        && seated(forum, police)
                        && seated(forum, association));
        List<UUID> ids = List.of(city, ngo, association, police, forum, legalAid, safeHouses, womensCircle, need);
        await().atMost(WAIT).until(() -> logged(start, ids) >= 13);
        jdbc.update(
                "UPDATE event_log SET occurred_at = '2025-01-01T00:00:00Z' WHERE logged_at >= ? "
                        + "AND (subject = ANY (?::text[]) OR message_key = ANY (?::text[]))",
                java.sql.Timestamp.from(start),
                strings(ids),
                strings(ids));

        // the flags on the actions without funding, raised on 1 February
        checker.check(forum);
        CoherenceFlagRow legalAidFlag = flagOn(forum, legalAid);
        CoherenceFlagRow safeHousesFlag = flagOn(forum, safeHouses);
        CoherenceFlagRow circleFlag = flagOn(forum, womensCircle);
        for (CoherenceFlagRow f : List.of(legalAidFlag, safeHousesFlag, circleFlag)) {
            dateFlagEvents(f.flagId(), "OPEN", "2025-02-01T00:00:00Z");
        }

        ATTENDANCE.put(
                forum,
                List.of(
                        new Attendance(city, AttendanceStatus.PRESENT),
                        new Attendance(ngo, AttendanceStatus.PRESENT),
                        new Attendance(association, AttendanceStatus.APOLOGIES)));
        UUID first = UUID.randomUUID();
        dated(
                meeting(
                        new MeetingScheduled(
                                meeting(
                                        first,
                                        1,
                                        forum,
                                        "March meeting",
                                        "2025-03-10",
                                        MeetingStatus.SCHEDULED,
                                        List.of(ref(ReferencedRecordKind.NEED, need))),
                                actor(city)),
                        forum,
                        city),
                "2025-03-01T10:00:00Z");
        dated(
                meeting(
                        new MeetingHeld(
                                meeting(
                                        first,
                                        2,
                                        forum,
                                        "March meeting",
                                        "2025-03-10",
                                        MeetingStatus.HELD,
                                        List.of(ref(ReferencedRecordKind.NEED, need))),
                                actor(city)),
                        forum,
                        city),
                "2025-03-10T10:00:00Z");
        UUID assign = UUID.randomUUID();
        dated(
                meeting(
                        new DecisionRecorded(
                                new Decision(
                                        assign,
                                        1,
                                        forum,
                                        first,
                                        LocalDate.of(2025, 3, 10),
                                        "Members take on the legal aid and protection work",
                                        DecisionType.ASSIGN_ACTION,
                                        DecisionMethod.CONSENSUS,
                                        null,
                                        List.of(
                                                new Dissent(association, "Circles first"),
                                                new Dissent(ngo, "Too little funding")),
                                        List.of(
                                                ref(ReferencedRecordKind.ACTION, safeHouses),
                                                ref(ReferencedRecordKind.ACTION, womensCircle),
                                                ref(ReferencedRecordKind.NEED, need)),
                                        null),
                                actor(city)),
                        forum,
                        city),
                "2025-03-10T12:00:00Z");
        UUID toNgo = UUID.randomUUID();
        UUID toAssociation = UUID.randomUUID();
        UUID toCity = UUID.randomUUID();
        dated(
                meeting(
                        new AssignmentMade(
                                assignment(toNgo, 1, forum, assign, ngo, "Open two legal aid clinics", null),
                                actor(city)),
                        forum,
                        city),
                "2025-03-10T12:00:01Z");
        dated(
                meeting(
                        new AssignmentMade(
                                assignment(toAssociation, 1, forum, assign, association, "Run the circles", null),
                                actor(city)),
                        forum,
                        city),
                "2025-03-10T12:00:02Z");
        dated(
                meeting(
                        new AssignmentMade(
                                assignment(toCity, 1, forum, assign, city, "Find safe houses", null), actor(city)),
                        forum,
                        city),
                "2025-03-10T12:00:03Z");
        dated(
                meeting(
                        new AssignmentAccepted(
                                assignment(toNgo, 2, forum, assign, ngo, "Open two legal aid clinics", legalAid),
                                actor(ngo)),
                        forum,
                        city),
                "2025-03-20T09:00:00Z");
        dated(
                meeting(
                        new AssignmentAccepted(
                                assignment(
                                        toAssociation, 2, forum, assign, association, "Run the circles", womensCircle),
                                actor(association)),
                        forum,
                        city),
                "2025-03-20T09:00:01Z");
        ProgressReport report = new ProgressReport(
                UUID.randomUUID(),
                legalAid,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31),
                ActionStatus.IN_PROGRESS,
                40,
                Rag.AMBER,
                "Two clinics open in Kisenyi",
                List.of());
        dated(
                feed.publish(
                        new ProgressReported(report, actor(ngo)),
                        report.reportId(),
                        legalAid,
                        ngo,
                        DataClassification.FORUM),
                "2025-04-05T09:00:00Z");

        UUID second = UUID.randomUUID();
        List<RecordReference> agenda = List.of(
                ref(ReferencedRecordKind.ACTION, legalAid),
                ref(ReferencedRecordKind.ACTION, safeHouses),
                ref(ReferencedRecordKind.ACTION, womensCircle),
                ref(ReferencedRecordKind.NEED, need),
                ref(ReferencedRecordKind.FLAG, legalAidFlag.flagId()),
                ref(ReferencedRecordKind.FLAG, circleFlag.flagId()));
        dated(
                meeting(
                        new MeetingHeld(
                                meeting(second, 2, forum, "April meeting", "2025-04-10", MeetingStatus.HELD, agenda),
                                actor(city)),
                        forum,
                        city),
                "2025-04-10T10:00:00Z");
        UUID resolve = UUID.randomUUID();
        String resolveEvent = meeting(resolveFlag(resolve, forum, second, legalAidFlag.flagId(), city), forum, city);
        dated(resolveEvent, "2025-04-10T12:00:00Z");
        await().atMost(WAIT)
                .until(() -> flagById(forum, legalAidFlag.flagId())
                        .map(f -> f.status() == FlagStatus.RESOLVED)
                        .orElse(false));
        dateFlagEvents(legalAidFlag.flagId(), "RESOLVED", "2025-04-10T12:00:00Z");
        dated(
                feed.publish(
                        new ReportDue(
                                legalAid,
                                ngo,
                                LocalDate.of(2025, 4, 1),
                                LocalDate.of(2025, 6, 30),
                                LocalDate.of(2025, 7, 15)),
                        legalAid,
                        legalAid,
                        ngo,
                        DataClassification.FORUM),
                "2025-07-01T00:00:00Z");
        await().atMost(WAIT)
                .until(() -> projected("fv_assignment", "forum_id = '" + forum + "' AND version = 2") == 2
                        && projected("fv_action", "id = '" + legalAid + "' AND data->'reportDue' IS NOT NULL") == 1
                        && projected("fv_meeting", "forum_id = '" + forum + "'") == 2
                        && projected("fv_decision", "forum_id = '" + forum + "'") == 2);
        return new World(
                forum,
                city,
                ngo,
                association,
                police,
                legalAid,
                safeHouses,
                womensCircle,
                need,
                first,
                second,
                assign,
                resolve,
                toNgo,
                toAssociation,
                toCity,
                legalAidFlag,
                safeHousesFlag,
                resolveEvent);
    }

    /**
     * The as-of view, the decisions as of a date and a meeting's pack replay the forum's own history, not the whole
     * log: what they answer is what a replay of the whole log gives, for every forum, time and reader; and another
     * forum's records, or records of another place, are not read at all.
     */
    @Test
    void aForumsHistoryIsReadFromItsOwnEventsAndGivesWhatTheWholeLogGives() throws Exception {
        World a = world();
        World b = world();
        // an action of A's NGO shared with A, then re-shared to B only (the NGO holds a seat in B too)
        member(b.forum(), a.ngo());
        UUID moved = UUID.randomUUID();
        Action movedV1 = action(
                moved,
                1,
                a.ngo(),
                a.forum(),
                "Mobile clinic",
                Sector.HEALTH,
                PopulationGroup.REFUGEES,
                List.of(),
                List.of(),
                ActionStatus.IN_PROGRESS);
        dated(
                feed.publish(
                        new ActionProposed(movedV1, actor(a.ngo())), moved, moved, a.ngo(), DataClassification.FORUM),
                "2025-02-10T00:00:00Z");
        dated(
                feed.publish(
                        new ActionUpdated(
                                sharedWith(movedV1, 2, List.of(b.forum())),
                                actor(a.ngo()),
                                List.of("sharedWithForums"),
                                null),
                        moved,
                        moved,
                        a.ngo(),
                        DataClassification.FORUM),
                "2025-03-15T00:00:00Z");
        // an action of B's city shared with B, then kept to itself
        UUID withdrawn = UUID.randomUUID();
        Action withdrawnV1 = action(
                withdrawn,
                1,
                b.city(),
                b.forum(),
                "Night shelter",
                Sector.HOUSING,
                PopulationGroup.REFUGEES,
                List.of(),
                List.of(),
                ActionStatus.IN_PROGRESS);
        dated(
                feed.publish(
                        new ActionProposed(withdrawnV1, actor(b.city())),
                        withdrawn,
                        withdrawn,
                        b.city(),
                        DataClassification.PUBLIC),
                "2025-02-12T00:00:00Z");
        dated(
                feed.publish(
                        new ActionUpdated(
                                sharedWith(withdrawnV1, 2, List.of()),
                                actor(b.city()),
                                List.of("sharedWithForums"),
                                null),
                        withdrawn,
                        withdrawn,
                        b.city(),
                        DataClassification.PUBLIC),
                "2025-03-16T00:00:00Z");
        // A's NGO renamed
        Stakeholder renamed = new Stakeholder(
                a.ngo(),
                2,
                "Kisenyi legal aid NGO",
                null,
                StakeholderType.LOCAL_NGO_CSO,
                null,
                KAMPALA,
                List.of(),
                List.of(),
                false,
                null,
                false,
                null,
                StakeholderStatus.ACTIVE);
        dated(
                feed.publish(
                        new StakeholderUpdated(renamed, actor(a.ngo()), List.of("name")),
                        a.ngo(),
                        a.ngo(),
                        a.ngo(),
                        DataClassification.PUBLIC),
                "2025-03-05T00:00:00Z");
        // a need in another place of the country
        UUID gulu = UUID.randomUUID();
        Need guluNeed = new Need(
                gulu,
                1,
                a.city(),
                "Lacking water in Gulu",
                Sector.BASIC_SERVICES,
                List.of(PopulationGroup.REFUGEES),
                new Jurisdiction("UG", "UG-N", "UG302", "Gulu"),
                Severity.HIGH,
                List.of(),
                List.of(),
                null,
                NeedStatus.VALIDATED,
                null,
                List.of());
        dated(
                feed.publish(
                        new NeedIdentified(guluNeed, actor(a.city())), gulu, gulu, a.city(), DataClassification.PUBLIC),
                "2025-02-01T00:00:00Z");
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id IN ('" + moved + "', '" + withdrawn + "') AND version = 2") == 2
                        && projected("fv_organisation", "id = '" + a.ngo() + "' AND version = 2") == 1
                        && projected("fv_need", "id = '" + gulu + "'") == 1
                        && seated(b.forum(), a.ngo()));
        jdbc.update(
                "UPDATE event_log SET occurred_at = '2025-01-01T00:00:00Z' WHERE message_key = ? "
                        + "AND event_type LIKE '%.MembershipGranted.%' AND payload->'membership'->>'stakeholderId' = ?",
                b.forum().toString(), a.ngo().toString());
        clock.set("2025-08-01T08:00:00Z");

        Map<String, UUID> reads = new java.util.LinkedHashMap<>();
        for (World w : List.of(a, b)) {
            List<UUID> readers = List.of(w.city(), w.police(), w.association(), a.ngo());
            for (UUID reader : readers) {
                for (String at : List.of(
                        "2025-01-15T00:00:00Z",
                        "2025-02-20T00:00:00Z",
                        "2025-03-12T00:00:00Z",
                        "2025-03-25T00:00:00Z",
                        "2025-04-20T00:00:00Z",
                        "2025-07-20T00:00:00Z")) {
                    reads.put(reader + " /forums/" + w.forum() + "/as-of?at=" + at, reader);
                }
                for (String date : List.of("2025-03-15", "2025-04-15")) {
                    reads.put(reader + " /forums/" + w.forum() + "/decisions?asOf=" + date, reader);
                }
                for (UUID meeting : List.of(w.firstMeeting(), w.secondMeeting())) {
                    reads.put(reader + " /forums/" + w.forum() + "/meetings/" + meeting + "/pack", reader);
                }
            }
        }
        Map<String, String> fromTheForumsHistory = answers(reads);
        Instant april = Instant.parse("2025-04-20T00:00:00Z");
        Map<String, String> fromTheWholeLog = new TransactionTemplate(transactions).execute(tx -> {
            // every record linked to both forums, for this transaction only: each forum's history is the whole log
            jdbc.update(
                    "INSERT INTO event_log_forum (forum_id, message_key) SELECT f, k "
                            + "FROM (SELECT DISTINCT message_key AS k FROM event_log WHERE message_key IS NOT NULL) "
                            + "keys, unnest(?::uuid[]) AS f ON CONFLICT DO NOTHING",
                    (Object) new UUID[] {a.forum(), b.forum()});
            assertThat(log.upTo(a.forum(), april))
                    .hasSize(jdbc.queryForObject(
                            "SELECT count(*) FROM event_log WHERE occurred_at <= ?",
                            Integer.class,
                            java.sql.Timestamp.from(april)));
            Map<String, String> out = answers(reads);
            tx.setRollbackOnly();
            return out;
        });
        assertThat(fromTheForumsHistory).isEqualTo(fromTheWholeLog);
        // the answers compared are not empty ones: the moved action is in A's tracker before it moved, in B's after
        assertThat(fromTheForumsHistory.get(a.city() + " /forums/" + a.forum() + "/as-of?at=2025-03-12T00:00:00Z"))
                .contains("Mobile clinic", "Legal aid clinics", "Kisenyi legal aid NGO");
        assertThat(fromTheForumsHistory.get(a.ngo() + " /forums/" + b.forum() + "/as-of?at=2025-03-25T00:00:00Z"))
                .contains("Mobile clinic");
        assertThat(fromTheForumsHistory.get(b.city() + " /forums/" + b.forum() + "/as-of?at=2025-03-12T00:00:00Z"))
                .contains("Night shelter");

        // A's history holds its own records and what every forum needs, none of B's own records nor Gulu's need
        List<ProjectedEvent> history = log.upTo(a.forum(), Instant.parse("2200-01-01T00:00:00Z"));
        Set<String> keys = new java.util.HashSet<>();
        history.forEach(e -> keys.add(e.key()));
        assertThat(keys)
                .contains(
                        a.forum().toString(),
                        a.legalAid().toString(),
                        a.safeHouses().toString(),
                        a.need().toString(),
                        moved.toString(),
                        a.ngo().toString(),
                        b.ngo().toString())
                .doesNotContain(
                        b.forum().toString(),
                        b.legalAid().toString(),
                        b.safeHouses().toString(),
                        b.womensCircle().toString(),
                        withdrawn.toString(),
                        gulu.toString());
        assertThat(log.after(a.forum(), Instant.parse("2025-03-12T00:00:00Z")))
                .extracting(ProjectedEvent::key)
                .doesNotContain(b.forum().toString(), withdrawn.toString(), gulu.toString());
        // its rows: the events of its records only, fewer than the log holds
        assertThat(history.size()).isLessThan(jdbc.queryForObject("SELECT count(*) FROM event_log", Integer.class));
    }

    /**
     * The links V10__event_log_by_forum.sql fills from the events logged before it are those the log writes with each
     * event: dropped for a world's records and filled again by the migration's own statements, they come back the same.
     */
    @Test
    void theMigrationLinksTheEventsLoggedBeforeItAsTheLogLinksNewOnes() throws Exception {
        World w = world();
        String forum = w.forum().toString();
        List<String> keys = new ArrayList<>(List.of(
                forum,
                w.legalAid().toString(),
                w.safeHouses().toString(),
                w.womensCircle().toString(),
                w.need().toString(),
                w.city().toString(),
                w.ngo().toString()));
        String links = "SELECT forum_id::text || ' ' || message_key FROM event_log_forum "
                + "WHERE forum_id = ?::uuid OR message_key = ANY (?::text[]) ORDER BY 1";
        String places = "SELECT concat_ws(' ', country, subdivision, area_code, message_key) FROM event_log_place "
                + "WHERE message_key = ANY (?::text[]) ORDER BY 1";
        String[] keyArray = keys.toArray(String[]::new);
        List<String> written = jdbc.queryForList(links, String.class, forum, keyArray);
        List<String> writtenPlaces = jdbc.queryForList(places, String.class, (Object) keyArray);
        assertThat(written).contains("%s %s".formatted(forum, w.legalAid()), "%s %s".formatted(forum, w.need()));
        assertThat(writtenPlaces).isNotEmpty();
        String migration = new String(
                new org.springframework.core.io.ClassPathResource("db/migration/V10__event_log_by_forum.sql")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update(
                    "DELETE FROM event_log_forum WHERE forum_id = ?::uuid OR message_key = ANY (?::text[])",
                    forum,
                    keyArray);
            jdbc.update("DELETE FROM event_log_place WHERE message_key = ANY (?::text[])", (Object) keyArray);
            jdbc.execute(migration.substring(migration.indexOf("CREATE TEMPORARY VIEW logged")));
            assertThat(jdbc.queryForList(links, String.class, forum, keyArray)).isEqualTo(written);
            assertThat(jdbc.queryForList(places, String.class, (Object) keyArray))
                    .isEqualTo(writtenPlaces);
            tx.setRollbackOnly();
        });
    }

    /** Each read's answer, by the reader and path it is keyed by. */
    private Map<String, String> answers(Map<String, UUID> reads) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, UUID> read : reads.entrySet()) {
            try {
                out.put(
                        read.getKey(),
                        read(read.getKey().substring(read.getKey().indexOf(' ') + 1), read.getValue()));
            } catch (Exception e) {
                throw new AssertionError(read.getKey(), e);
            }
        }
        return out;
    }

    private static Action sharedWith(Action a, long version, List<UUID> forums) {
        return new Action(
                a.actionId(),
                version,
                a.ownerId(),
                a.planId(),
                a.title(),
                a.description(),
                a.kind(),
                a.sectors(),
                a.targetGroups(),
                a.areas(),
                a.startDate(),
                a.endDate(),
                a.reportingCadence(),
                a.participants(),
                a.implementsActionId(),
                a.requiresLocalImplementation(),
                a.expectedImplementers(),
                a.weight(),
                a.needIds(),
                a.gapIds(),
                a.frameworkItems(),
                forums,
                a.status(),
                a.orientation());
    }

    @Test
    void theDecisionsViewShowsWhatCameOfEachDecisionNowAndAsOfADate() throws Exception {
        World w = world();
        clock.set("2025-08-01T08:00:00Z");
        String now = read("/forums/" + w.forum() + "/decisions", w.city());
        assertThat(JsonPath.<List<String>>read(now, "$.items[*].decisionId"))
                .containsExactly(
                        w.resolveDecision().toString(), w.assignDecision().toString());
        String d = "$.items[1]";
        assertThat(JsonPath.<String>read(now, d + ".meetingTitle")).isEqualTo("March meeting");
        assertThat(JsonPath.<String>read(now, d + ".decidedOn")).isEqualTo("2025-03-10");
        assertThat(JsonPath.<Boolean>read(now, d + ".overdue")).isTrue();
        assertThat(JsonPath.<List<String>>read(now, d + ".concerns[*].title"))
                .containsExactly("Safe house referrals", "Women's circle", "Lacking EDUCATION");
        assertThat(JsonPath.<List<String>>read(now, d + ".dissent[*].organisationName"))
                .containsExactlyInAnyOrder("Kisenyi refugee women's association", "Legal aid NGO");
        // the NGO's accepted assignment: its own action, with its latest progress, and a report now overdue
        String ngo = d + ".assignments[?(@.assigneeId == '" + w.ngo() + "')]";
        assertThat(JsonPath.<List<String>>read(now, ngo + ".status")).containsExactly("ACCEPTED");
        assertThat(JsonPath.<List<String>>read(now, ngo + ".action.title")).containsExactly("Legal aid clinics");
        assertThat(JsonPath.<List<String>>read(now, ngo + ".action.latestProgress.periodEnd"))
                .containsExactly("2025-03-31");
        assertThat(JsonPath.<List<String>>read(now, ngo + ".action.latestProgress.rag"))
                .containsExactly("AMBER");
        assertThat(JsonPath.<List<String>>read(now, ngo + ".action.latestProgress.summary"))
                .containsExactly("Two clinics open in Kisenyi");
        assertThat(JsonPath.<List<Boolean>>read(now, ngo + ".action.reportingOverdue"))
                .containsExactly(true);
        assertThat(JsonPath.<List<List<String>>>read(now, ngo + ".overdueReasons"))
                .containsExactly(List.of("REPORTING_OVERDUE"));
        // the city never answered: overdue, not accepted
        String city = d + ".assignments[?(@.assigneeId == '" + w.city() + "')]";
        assertThat(JsonPath.<List<String>>read(now, city + ".status")).containsExactly("OPEN");
        assertThat(JsonPath.<List<Boolean>>read(now, city + ".overdue")).containsExactly(true);
        assertThat(JsonPath.<List<List<String>>>read(now, city + ".overdueReasons"))
                .containsExactly(List.of("NOT_ACCEPTED"));
        assertThat(JsonPath.<List<Object>>read(now, city + ".action")).containsExactly((Object) null);
        // the resolving decision names the flag, resolved
        assertThat(JsonPath.<List<String>>read(now, "$.items[0].concerns[*].status"))
                .containsExactly("RESOLVED");

        // before the first decision: nothing
        String march1 = read("/forums/" + w.forum() + "/decisions?asOf=2025-03-01", w.city());
        assertThat(JsonPath.<List<Object>>read(march1, "$.items")).isEmpty();
        assertThat(JsonPath.<Integer>read(march1, "$.totalItems")).isZero();
        // five days after it: the assignments open, none overdue yet
        String march15 = read("/forums/" + w.forum() + "/decisions?asOf=2025-03-15", w.city());
        assertThat(JsonPath.<List<String>>read(march15, "$.items[*].decisionId"))
                .containsExactly(w.assignDecision().toString());
        assertThat(JsonPath.<List<String>>read(march15, "$.items[0].assignments[*].status"))
                .containsOnly("OPEN");
        assertThat(JsonPath.<Boolean>read(march15, "$.items[0].overdue")).isFalse();
        // on 5 April: the NGO accepted and reported, the city is past its due date, no report is late yet
        String april5 = read("/forums/" + w.forum() + "/decisions?asOf=2025-04-05", w.city());
        assertThat(JsonPath.<List<String>>read(april5, "$.items[*].decisionId"))
                .containsExactly(w.assignDecision().toString());
        assertThat(JsonPath.<List<String>>read(april5, ngo.replace(d, "$.items[0]") + ".action.latestProgress.rag"))
                .containsExactly("AMBER");
        assertThat(JsonPath.<List<Boolean>>read(april5, ngo.replace(d, "$.items[0]") + ".overdue"))
                .containsExactly(false);
        assertThat(JsonPath.<List<List<String>>>read(april5, city.replace(d, "$.items[0]") + ".overdueReasons"))
                .containsExactly(List.of("NOT_ACCEPTED"));
        // paging
        String page = read("/forums/" + w.forum() + "/decisions?page=1&size=1", w.city());
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].decisionId"))
                .containsExactly(w.assignDecision().toString());
        assertThat(JsonPath.<Integer>read(page, "$.totalItems")).isEqualTo(2);
        perform(getJson("/forums/" + w.forum() + "/decisions?asOf=yesterday"), of(w.city()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMeetingsPackShowsItsAgendaTheTrackerAndOpenFlagsThenAndThePreviousDecisions() throws Exception {
        World w = world();
        clock.set("2025-08-01T08:00:00Z");
        String pack = read("/forums/" + w.forum() + "/meetings/" + w.secondMeeting() + "/pack", w.city());
        assertThat(JsonPath.<String>read(pack, "$.meeting.title")).isEqualTo("April meeting");
        assertThat(JsonPath.<String>read(pack, "$.meeting.status")).isEqualTo("HELD");
        assertThat(JsonPath.<List<String>>read(pack, "$.meeting.attendance[*].organisationName"))
                .contains("Legal aid NGO", "Kisenyi refugee women's association");
        assertThat(JsonPath.<List<String>>read(pack, "$.meeting.agenda[0].records[*].title"))
                .contains("Legal aid clinics", "Safe house referrals", "Women's circle", "Lacking EDUCATION");
        // the tracker as it stood at the end of 10 April: the NGO's report of 5 April is in, none late
        assertThat(JsonPath.<List<Integer>>read(
                        pack, "$.tracker[?(@.actionId == '" + w.legalAid() + "')].percentComplete"))
                .containsExactly(40);
        assertThat(JsonPath.<List<Boolean>>read(pack, "$.tracker[?(@.actionId == '" + w.legalAid() + "')].overdue"))
                .containsExactly(false);
        // open then: the flag on the safe houses; the one the meeting resolved is not
        List<String> open = JsonPath.read(pack, "$.openFlags[*].flagId");
        // in the fields of the flag list's items, which the web application reads both with
        assertThat(JsonPath.<List<Integer>>read(pack, "$.openFlags[*].version"))
                .allSatisfy(v -> assertThat(v).isPositive());
        assertThat(JsonPath.<List<String>>read(pack, "$.openFlags[*].forumId"))
                .containsOnly(w.forum().toString());
        assertThat(JsonPath.<List<Boolean>>read(pack, "$.openFlags[*].conditionHolds"))
                .containsOnly(true);
        assertThat(open).contains(w.safeHousesFlag().flagId().toString());
        assertThat(open).doesNotContain(w.legalAidFlag().flagId().toString());
        assertThat(JsonPath.<String>read(pack, "$.previousMeeting.meetingId"))
                .isEqualTo(w.firstMeeting().toString());
        assertThat(JsonPath.<List<String>>read(pack, "$.previousDecisions[*].decisionId"))
                .containsExactly(w.assignDecision().toString());
        assertThat(JsonPath.<List<String>>read(
                        pack,
                        "$.previousDecisions[0].assignments[?(@.assigneeId == '" + w.ngo()
                                + "')].action.latestProgress.rag"))
                .containsExactly("AMBER");
        perform(getJson("/forums/" + w.forum() + "/meetings/" + UUID.randomUUID() + "/pack"), of(w.city()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMeetingWrittenUpLaterNamesTheAgendasRecordsRecordedSinceAsTheyAreNowToThoseWhoMayReadThem() throws Exception {
        World w = world();
        clock.set("2025-08-01T08:00:00Z");
        // recorded today, after the March meeting it is on the agenda of
        UUID shelter = UUID.randomUUID();
        proposed(
                action(
                        shelter,
                        1,
                        w.city(),
                        w.forum(),
                        "Night shelter for families",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.PROPOSED),
                DataClassification.RESTRICTED);
        await().atMost(WAIT).until(() -> projected("fv_action", "id = '" + shelter + "'") == 1);
        UUID late = UUID.randomUUID();
        meeting(
                new MeetingScheduled(
                        meeting(
                                late,
                                1,
                                w.forum(),
                                "February meeting, minuted late",
                                "2025-02-20",
                                MeetingStatus.SCHEDULED,
                                List.of(
                                        ref(ReferencedRecordKind.ACTION, shelter),
                                        ref(ReferencedRecordKind.NEED, w.need()))),
                        actor(w.city())),
                w.forum(),
                w.city());
        await().atMost(WAIT).until(() -> projected("fv_meeting", "id = '" + late + "'") == 1);

        String pack = read("/forums/" + w.forum() + "/meetings/" + late + "/pack", w.city());
        assertThat(JsonPath.<List<String>>read(pack, "$.meeting.agenda[0].records[*].title"))
                .containsExactly("Night shelter for families", "Lacking EDUCATION");
        String police = read("/forums/" + w.forum() + "/meetings/" + late + "/pack", w.police());
        assertThat(police).doesNotContain("Night shelter", shelter.toString());
        assertThat(JsonPath.<List<String>>read(police, "$.meeting.agenda[0].records[*].recordId"))
                .containsExactly(w.need().toString());
    }

    @Test
    void anEnforcementBodyReadsNoRestrictedActionNorAHiddenOrganisationsRecordInTheDecisionsAndThePack()
            throws Exception {
        World w = world();
        clock.set("2025-08-01T08:00:00Z");
        checker.check(w.forum());
        List<String> secrets = List.of(
                "Safe house referrals",
                "Women's circle",
                "Kisenyi refugee",
                "Circles first",
                "Run the circles",
                w.safeHouses().toString(),
                w.womensCircle().toString(),
                w.association().toString(),
                w.toAssociation().toString(),
                w.safeHousesFlag().flagId().toString());
        for (String path : List.of(
                "/forums/" + w.forum() + "/decisions",
                "/forums/" + w.forum() + "/decisions?asOf=2025-04-05",
                "/forums/" + w.forum() + "/meetings/" + w.secondMeeting() + "/pack",
                "/forums/" + w.forum() + "/flags")) {
            String police = read(path, w.police());
            for (String secret : secrets) {
                assertThat(police).as(path).doesNotContain(secret);
            }
            assertThat(read(path, w.city())).as(path).contains("Women's circle");
        }
        String police = read("/forums/" + w.forum() + "/decisions", w.police());
        // what the enforcement body may read is still there
        assertThat(JsonPath.<List<String>>read(police, "$.items[1].concerns[*].title"))
                .containsExactly("Lacking EDUCATION");
        assertThat(JsonPath.<List<String>>read(police, "$.items[1].assignments[*].assigneeId"))
                .containsExactlyInAnyOrder(w.ngo().toString(), w.city().toString());
        assertThat(JsonPath.<List<String>>read(police, "$.items[1].dissent[*].organisationName"))
                .containsExactly("Legal aid NGO");
        String pack = read("/forums/" + w.forum() + "/meetings/" + w.secondMeeting() + "/pack", w.police());
        assertThat(JsonPath.<List<String>>read(pack, "$.meeting.agenda[0].records[*].recordId"))
                .containsExactly(
                        w.legalAid().toString(),
                        w.need().toString(),
                        w.legalAidFlag().flagId().toString());
        assertThat(JsonPath.<List<String>>read(pack, "$.meeting.attendance[*].organisationName"))
                .containsExactlyInAnyOrder("City of Kampala", "Legal aid NGO");
    }

    @Test
    void aHiddenAssociationsNameTypedInADecisionOrAnAgendaReachesMembersInFullAndAnEnforcementBodyAsAPlaceholder()
            throws Exception {
        World w = world();
        // another association hidden from enforcement bodies, known by its acronym; it holds no seat
        UUID umoja = UUID.randomUUID();
        feed.publish(
                new org.arrival.contracts.registry.StakeholderRegistered(
                        new org.arrival.contracts.registry.Stakeholder(
                                umoja,
                                1,
                                "Umoja Refugee Association",
                                "URA",
                                org.arrival.contracts.registry.StakeholderType.MIGRANT_REFUGEE_IDP_ASSOCIATION,
                                null,
                                KAMPALA,
                                List.of(),
                                List.of(),
                                false,
                                null,
                                true,
                                null,
                                org.arrival.contracts.registry.StakeholderStatus.ACTIVE),
                        actor(umoja),
                        null),
                umoja,
                umoja,
                umoja,
                DataClassification.PUBLIC);
        UUID may = UUID.randomUUID();
        meeting(
                new MeetingScheduled(
                        new Meeting(
                                may,
                                1,
                                w.forum(),
                                "May meeting",
                                LocalDate.of(2025, 5, 10),
                                "10:00",
                                "City hall",
                                null,
                                List.of(new AgendaItem(
                                        UUID.randomUUID(),
                                        "Kisenyi Refugee Women's Association will gather residents' views",
                                        "proposed by the umoja refugee association (ura)",
                                        List.of(),
                                        null)),
                                List.of(),
                                null,
                                MeetingStatus.SCHEDULED,
                                null),
                        actor(w.city())),
                w.forum(),
                w.city());
        UUID decision = UUID.randomUUID();
        meeting(
                new DecisionRecorded(
                        new Decision(
                                decision,
                                1,
                                w.forum(),
                                may,
                                LocalDate.of(2025, 5, 10),
                                "KISENYI REFUGEE WOMEN'S ASSOCIATION will gather residents' views on the water point",
                                DecisionType.ASSIGN_ACTION,
                                DecisionMethod.CONSENSUS,
                                null,
                                List.of(new Dissent(w.ngo(), "URA should lead it")),
                                List.of(),
                                null),
                        actor(w.city())),
                w.forum(),
                w.city());
        UUID work = UUID.randomUUID();
        meeting(
                new AssignmentMade(
                        assignment(work, 1, w.forum(), decision, w.ngo(), "Meet URA in Kisenyi", null),
                        actor(w.city())),
                w.forum(),
                w.city());
        await().atMost(WAIT)
                .until(() -> projected("fv_assignment", "id = '" + work + "'") == 1
                        && projected("fv_meeting", "id = '" + may + "'") == 1
                        && projected("fv_organisation", "id = '" + umoja + "' AND (data->>'hidden')::boolean") == 1);

        String decisions = "/forums/" + w.forum() + "/decisions";
        String pack = "/forums/" + w.forum() + "/meetings/" + may + "/pack";
        String item = "$.items[?(@.decisionId == '" + decision + "')]";
        // a member reads what was typed
        String city = read(decisions, w.city());
        assertThat(JsonPath.<List<String>>read(city, item + ".text"))
                .containsExactly("KISENYI REFUGEE WOMEN'S ASSOCIATION will gather residents' views on the water point");
        assertThat(JsonPath.<String>read(read(pack, w.city()), "$.meeting.agenda[0].title"))
                .isEqualTo("Kisenyi Refugee Women's Association will gather residents' views");
        // the enforcement body reads the same texts with the hidden associations' names and acronyms taken out
        String police = read(decisions, w.police());
        assertThat(JsonPath.<List<String>>read(police, item + ".text"))
                .containsExactly("[…] will gather residents' views on the water point");
        assertThat(JsonPath.<List<String>>read(police, item + ".dissent[*].reason"))
                .containsExactly("[…] should lead it");
        assertThat(JsonPath.<List<String>>read(police, item + ".assignments[*].expected"))
                .containsExactly("Meet […] in Kisenyi");
        String policePack = read(pack, w.police());
        assertThat(JsonPath.<String>read(policePack, "$.meeting.agenda[0].title"))
                .isEqualTo("[…] will gather residents' views");
        assertThat(JsonPath.<String>read(policePack, "$.meeting.agenda[0].note"))
                .isEqualTo("proposed by the […] ([…])");

        // a flag resolved by a decision naming the association carries the decision's text as its reason
        UUID pantry = UUID.randomUUID();
        proposed(
                action(
                        pantry,
                        1,
                        w.ngo(),
                        w.forum(),
                        "Food pantry",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        await().atMost(WAIT).until(() -> projected("fv_action", "id = '" + pantry + "'") == 1);
        checker.check(w.forum());
        UUID pantryFlag = flagOn(w.forum(), pantry).flagId();
        meeting(
                new DecisionRecorded(
                        new Decision(
                                UUID.randomUUID(),
                                1,
                                w.forum(),
                                may,
                                LocalDate.of(2025, 5, 10),
                                "The Umoja Refugee Association funds the pantry",
                                DecisionType.RESOLVE_FLAG,
                                DecisionMethod.CONSENSUS,
                                null,
                                List.of(),
                                List.of(ref(ReferencedRecordKind.FLAG, pantryFlag)),
                                null),
                        actor(w.city())),
                w.forum(),
                w.city());
        await().atMost(WAIT)
                .until(() -> flagById(w.forum(), pantryFlag)
                        .map(f -> f.status() == FlagStatus.RESOLVED)
                        .orElse(false));
        String flags = "/forums/" + w.forum() + "/flags";
        String reason = "$.items[?(@.flagId == '" + pantryFlag + "')].reason";
        assertThat(JsonPath.<List<String>>read(read(flags, w.city()), reason))
                .singleElement()
                .asString()
                .endsWith("The Umoja Refugee Association funds the pantry");
        String policeFlags = read(flags, w.police());
        assertThat(JsonPath.<List<String>>read(policeFlags, reason))
                .singleElement()
                .asString()
                .endsWith("The […] funds the pantry");
        String policeHistory = read(flags + "/" + pantryFlag + "/history", w.police());
        assertThat(policeHistory).contains("The […] funds the pantry");

        for (String body : List.of(
                police, policePack, read(decisions + "?asOf=2030-01-01", w.police()), policeFlags, policeHistory)) {
            assertThat(body.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("kisenyi refugee women")
                    .doesNotContain("umoja")
                    .doesNotContain("(ura)")
                    .doesNotContain("meet ura");
        }
    }

    @Test
    void aDecisionToResolveAFlagResolvesItOnceAttributedToWhoRecordedIt() throws Exception {
        World w = world();
        CoherenceFlagRow flag = flagById(w.forum(), w.legalAidFlag().flagId()).orElseThrow();
        assertThat(flag.status()).isEqualTo(FlagStatus.RESOLVED);
        assertThat(flag.reason())
                .isEqualTo("Resolved by the forum's decision of 2025-04-10: The legal aid clinics are funded");
        assertThat(flag.updatedBy()).isEqualTo("user-" + w.city());
        assertThat(flag.updatedByOrganisation()).isEqualTo(w.city());
        List<Map<String, Object>> history =
                jdbc.queryForList("SELECT * FROM coherence_flag_decision WHERE flag_id = ?", flag.flagId());
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("to_status", "RESOLVED").containsEntry("decided_by", "user-" + w.city());
            assertThat(h.get("decided_by_org")).isEqualTo(w.city());
        });
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject = ? AND event_type LIKE '%CoherenceFlagUpdated%' "
                                + "AND convert_from(payload, 'UTF8') LIKE '%RESOLVED%'",
                        Long.class, flag.flagId().toString()))
                .isEqualTo(1);
        // the other flags are left as they were
        assertThat(flagById(w.forum(), w.safeHousesFlag().flagId())
                        .orElseThrow()
                        .status())
                .isEqualTo(FlagStatus.OPEN);

        // delivered again, as the same event and as another one: nothing changes
        long outboxBefore = jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE subject = ?",
                Long.class,
                flag.flagId().toString());
        feed.publish(
                resolveFlag(w.resolveDecision(), w.forum(), w.secondMeeting(), flag.flagId(), w.city()),
                w.forum(),
                w.forum(),
                w.city(),
                DataClassification.FORUM,
                w.resolveEventId());
        String again = feed.publish(
                resolveFlag(w.resolveDecision(), w.forum(), w.secondMeeting(), flag.flagId(), w.city()),
                w.forum(),
                w.forum(),
                w.city(),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM event_log WHERE event_id = ?", Long.class, again)
                        == 1);
        assertThat(flagById(w.forum(), flag.flagId()).orElseThrow().version()).isEqualTo(flag.version());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject = ?",
                        Long.class,
                        flag.flagId().toString()))
                .isEqualTo(outboxBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM coherence_flag_decision WHERE flag_id = ?", Long.class, flag.flagId()))
                .isEqualTo(1);
    }

    @Test
    void anAssignmentNotAcceptedByItsDueDateIsFlaggedUntilItIsAcceptedOrDeclined() throws Exception {
        UUID city = registered("City of Gulu", false, false);
        UUID ngo = registered("Shelter NGO", false, false);
        UUID association = registered("Hidden association", false, true);
        UUID police = registered("Border unit", true, false);
        UUID forum = forum(city);
        for (UUID org : List.of(city, ngo, association, police)) {
            member(forum, org);
        }
        UUID meetingId = UUID.randomUUID();
        meeting(
                new MeetingHeld(
                        meeting(meetingId, 2, forum, "May meeting", "2025-03-10", MeetingStatus.HELD, List.of()),
                        actor(city)),
                forum,
                city);
        UUID decision = UUID.randomUUID();
        meeting(
                new DecisionRecorded(
                        new Decision(
                                decision,
                                1,
                                forum,
                                meetingId,
                                LocalDate.of(2025, 3, 10),
                                "Members open shelters",
                                DecisionType.ASSIGN_ACTION,
                                DecisionMethod.CONSENSUS,
                                null,
                                List.of(),
                                List.of(),
                                null),
                        actor(city)),
                forum,
                city);
        UUID toNgo = UUID.randomUUID();
        UUID toAssociation = UUID.randomUUID();
        meeting(
                new AssignmentMade(assignment(toNgo, 1, forum, decision, ngo, "Open a shelter", null), actor(city)),
                forum,
                city);
        meeting(
                new AssignmentMade(
                        assignment(toAssociation, 1, forum, decision, association, "Host a night shelter", null),
                        actor(city)),
                forum,
                city);
        await().atMost(WAIT)
                .until(() -> projected("fv_assignment", "forum_id = '" + forum + "'") == 2
                        && projected("fv_organisation", "id = '" + association + "' AND (data->>'hidden')::boolean")
                                == 1
                        && seated(forum, police));

        clock.set("2025-03-31T23:59:00Z");
        checker.check(forum);
        assertThat(checker.flags(forum, null, CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED))
                .isEmpty();

        clock.set("2025-04-01T00:01:00Z");
        checker.check(forum);
        List<CoherenceFlagRow> raised =
                checker.flags(forum, FlagStatus.OPEN, CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED);
        assertThat(raised).hasSize(2);
        CoherenceFlagRow ngoFlag = raised.stream()
                .filter(f -> f.recordIds().contains(toNgo))
                .findFirst()
                .orElseThrow();
        assertThat(ngoFlag.recordIds()).containsExactly(toNgo, ngo);
        assertThat(ngoFlag.summary()).contains("Open a shelter", "Shelter NGO", "2025-03-31");
        assertThat(ngoFlag.parameters().dueOn()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(ngoFlag.parameters().records())
                .extracting(r -> r.kind().name())
                .containsExactly("ASSIGNMENT", "ORGANISATION");
        // the flag naming the hidden association is not the enforcement body's to read
        String policeView = read("/forums/" + forum + "/flags?check=ASSIGNMENT_NOT_ACCEPTED", police);
        assertThat(JsonPath.<List<String>>read(policeView, "$.items[*].flagId"))
                .containsExactly(ngoFlag.flagId().toString());
        assertThat(policeView).doesNotContain("Hidden association", "Host a night shelter", association.toString());

        // the NGO accepts, the association declines: both flags clear
        meeting(
                new AssignmentAccepted(
                        assignment(toNgo, 2, forum, decision, ngo, "Open a shelter", UUID.randomUUID()), actor(ngo)),
                forum,
                city);
        Assignment declined = new Assignment(
                toAssociation,
                2,
                forum,
                decision,
                association,
                "Host a night shelter",
                LocalDate.of(2025, 3, 31),
                AssignmentStatus.DECLINED,
                null,
                "No building");
        meeting(new AssignmentDeclined(declined, actor(association)), forum, city);
        await().atMost(WAIT).until(() -> projected("fv_assignment", "forum_id = '" + forum + "' AND version = 2") == 2);
        checker.check(forum);
        assertThat(checker.flags(forum, null, CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED))
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FlagStatus.RESOLVED));
    }

    // ---- events and reading

    /** Who attended the meetings of each forum. */
    private static final Map<UUID, List<Attendance>> ATTENDANCE = new java.util.concurrent.ConcurrentHashMap<>();

    private static DecisionRecorded resolveFlag(UUID decision, UUID forum, UUID meeting, UUID flag, UUID city) {
        return new DecisionRecorded(
                new Decision(
                        decision,
                        1,
                        forum,
                        meeting,
                        LocalDate.of(2025, 4, 10),
                        "The legal aid clinics are funded",
                        DecisionType.RESOLVE_FLAG,
                        DecisionMethod.CONSENSUS,
                        null,
                        List.of(),
                        List.of(ref(ReferencedRecordKind.FLAG, flag)),
                        null),
                actor(city));
    }

    private static Meeting meeting(
            UUID id,
            long version,
            UUID forum,
            String title,
            String date,
            MeetingStatus status,
            List<RecordReference> records) {
        return new Meeting(
                id,
                version,
                forum,
                title,
                LocalDate.parse(date),
                "10:00",
                "City hall",
                null,
                List.of(new AgendaItem(UUID.randomUUID(), "Follow-up", null, records, null)),
                ATTENDANCE.getOrDefault(forum, List.of()),
                null,
                status,
                null);
    }

    private static Assignment assignment(
            UUID id, long version, UUID forum, UUID decision, UUID assignee, String expected, UUID action) {
        return new Assignment(
                id,
                version,
                forum,
                decision,
                assignee,
                expected,
                LocalDate.of(2025, 3, 31),
                action == null ? AssignmentStatus.OPEN : AssignmentStatus.ACCEPTED,
                action,
                null);
    }

    private static RecordReference ref(ReferencedRecordKind kind, UUID id) {
        return new RecordReference(kind, id);
    }

    /** Publishes on the registry's meetings topic, keyed by the forum as the registry does. */
    private String meeting(Object payload, UUID forum, UUID convenor) {
        return feed.publish(payload, forum, forum, convenor, DataClassification.FORUM);
    }

    /** Dates the logged event, once the projection has logged it. */
    private void dated(String eventId, String at) {
        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM event_log WHERE event_id = ?", Long.class, eventId)
                                == 1);
        jdbc.update("UPDATE event_log SET occurred_at = ?::timestamptz WHERE event_id = ?", at, eventId);
    }

    /** Dates the flag's logged events of that status, once the projection has logged one. */
    private void dateFlagEvents(UUID flag, String status, String at) {
        String where = "event_type LIKE '%CoherenceFlag%' AND payload->'flag'->>'flagId' = ? "
                + "AND payload->'flag'->>'status' = ?";
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_log WHERE " + where, Long.class, flag.toString(), status)
                        >= 1);
        jdbc.update("UPDATE event_log SET occurred_at = ?::timestamptz WHERE " + where, at, flag.toString(), status);
    }

    private java.util.Optional<CoherenceFlagRow> flagById(UUID forum, UUID flag) {
        return checker.flags(forum, null, null).stream()
                .filter(f -> f.flagId().equals(flag))
                .findFirst();
    }

    private CoherenceFlagRow flagOn(UUID forum, UUID action) {
        return checker.flags(forum, null, CoherenceCheckCode.ACTION_WITHOUT_FUNDING).stream()
                .filter(f -> f.recordIds().contains(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no flag on " + action));
    }

    private long logged(Instant since, List<UUID> ids) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_log WHERE logged_at >= ? "
                        + "AND (subject = ANY (?::text[]) OR message_key = ANY (?::text[]))",
                Long.class,
                java.sql.Timestamp.from(since),
                strings(ids),
                strings(ids));
    }

    private static String[] strings(List<UUID> ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(id.toString()));
        return out.toArray(String[]::new);
    }

    private String read(String path, UUID org) throws Exception {
        return perform(getJson(path), of(org))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }
}
