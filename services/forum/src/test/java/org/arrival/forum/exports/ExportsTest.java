package org.arrival.forum.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class ExportsTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jurisdiction ENTEBBE = new Jurisdiction("UG", "UG-C", "UG113", "Entebbe");

    /**
     * The children of iati-activity in the order of the IATI 2.03 schema (iati-activities-schema.xsd, the
     * xsd:sequence of iati-activity).
     */
    private static final List<String> IATI_ORDER = List.of(
            "iati-identifier",
            "reporting-org",
            "title",
            "description",
            "participating-org",
            "other-identifier",
            "activity-status",
            "activity-date",
            "contact-info",
            "activity-scope",
            "recipient-country",
            "recipient-region",
            "location",
            "sector",
            "tag",
            "country-budget-items",
            "humanitarian-scope",
            "policy-marker",
            "collaboration-type",
            "default-flow-type",
            "default-finance-type",
            "default-aid-type",
            "default-tied-status",
            "budget",
            "planned-disbursement",
            "capital-spend",
            "transaction",
            "document-link",
            "related-activity",
            "legacy-data",
            "conditions",
            "result",
            "crs-add",
            "fss");

    private static final List<String> REQUIRED = List.of(
            "iati-identifier",
            "reporting-org",
            "title",
            "description",
            "participating-org",
            "activity-status",
            "activity-date",
            "sector");

    @Autowired
    Generations generations;

    record Seeded(
            UUID forum, UUID city, UUID ngo, UUID police, UUID outsider, UUID shelter, UUID clinic, UUID secret) {}

    private Seeded seed() {
        UUID city = registered("City of Kampala", false, false);
        UUID ngo = registered("Refugee \"Welcome\" NGO, Kampala", false, false);
        UUID police = registered("Police", true, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, ngo);
        member(forum, police);
        UUID shelter = UUID.randomUUID();
        proposed(
                new Action(
                        shelter,
                        1,
                        city,
                        null,
                        "Shelter, beds & \"safe\" <rooms>",
                        "Beds for new arrivals",
                        ActionKind.SERVICE,
                        List.of(Sector.HOUSING, Sector.BASIC_SERVICES),
                        List.of(PopulationGroup.REFUGEES),
                        List.of(KAMPALA, ENTEBBE),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        ReportingCadence.QUARTERLY,
                        List.of(
                                new Participant(ngo, ParticipantRole.IMPLEMENTING),
                                new Participant(outsider, ParticipantRole.FUNDING)),
                        null,
                        false,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of("SDG-11.1", "GCM-15"),
                        List.of(forum),
                        ActionStatus.IN_PROGRESS,
                        null),
                DataClassification.FORUM);
        ProgressReport report = new ProgressReport(
                UUID.randomUUID(),
                shelter,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31),
                ActionStatus.IN_PROGRESS,
                40,
                Rag.GREEN,
                null,
                List.of(new IndicatorValue("People sheltered", "people", 0.0, 500.0, 120.0)));
        feed.publish(
                new ProgressReported(report, actor(city)), report.reportId(), shelter, city, DataClassification.FORUM);
        UUID clinic = UUID.randomUUID();
        proposed(
                action(
                        clinic,
                        1,
                        ngo,
                        forum,
                        "Clinic",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.PROPOSED),
                DataClassification.FORUM);
        UUID secret = UUID.randomUUID();
        proposed(
                action(
                        secret,
                        1,
                        ngo,
                        forum,
                        "Safe house",
                        Sector.HOUSING,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.ON_HOLD),
                DataClassification.RESTRICTED);
        await().atMost(WAIT)
                .until(() -> projected("fv_membership", "forum_id = '" + forum + "'") == 3
                        && projected("fv_action", "id = '" + secret + "'") == 1
                        && projected("fv_action", "id = '" + clinic + "'") == 1
                        && projected("fv_action", "id = '" + shelter + "' AND data->'latestReport' IS NOT NULL") == 1
                        && seated(forum, police));
        return new Seeded(forum, city, ngo, police, outsider, shelter, clinic, secret);
    }

    private static TestTokenIssuer.Token of(UUID org) {
        return user("user-" + org, org, "member");
    }

    private String body(String path, TestTokenIssuer.Token token) throws Exception {
        return perform(get(path), token)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void threeWIsHxlTaggedCsvOneRowPerActionSectorArea() throws Exception {
        Seeded s = seed();
        var response = perform(get("/forums/" + s.forum() + "/exports/3w.csv"), of(s.city()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        List<List<String>> rows = parseCsv(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows.get(0)).contains("Organisation", "Sector", "Action", "Status");
        List<String> hxl = rows.get(1);
        assertThat(hxl)
                .allMatch(t -> t.startsWith("#"))
                .contains(
                        "#org+name",
                        "#org+code",
                        "#sector",
                        "#adm1+code",
                        "#activity+name",
                        "#status",
                        "#date+start",
                        "#date+end",
                        "#targeted",
                        "#reached");
        List<List<String>> data = rows.subList(2, rows.size());
        assertThat(data).allMatch(r -> r.size() == hxl.size());
        int org = hxl.indexOf("#org+name");
        int activity = hxl.indexOf("#activity+name");
        int sector = hxl.indexOf("#sector");
        int area = hxl.indexOf("#loc+name");
        // shelter 2 sectors x 2 areas, clinic 1, safe house 1 (the city sees restricted actions shared with it)
        assertThat(data).hasSize(6);
        List<List<String>> shelter =
                data.stream().filter(r -> r.get(activity).startsWith("Shelter")).toList();
        assertThat(shelter).hasSize(4);
        assertThat(shelter.get(0).get(activity)).isEqualTo("Shelter, beds & \"safe\" <rooms>");
        assertThat(shelter)
                .extracting(r -> r.get(sector) + "/" + r.get(area))
                .containsExactlyInAnyOrder(
                        "HOUSING/Kampala", "HOUSING/Entebbe", "BASIC_SERVICES/Kampala", "BASIC_SERVICES/Entebbe");
        assertThat(shelter)
                .allMatch(r -> r.get(hxl.indexOf("#adm1+code")).equals("UG-C")
                        && r.get(hxl.indexOf("#date+start")).equals("2025-01-01")
                        && r.get(hxl.indexOf("#status")).equals("IN_PROGRESS")
                        && r.get(hxl.indexOf("#targeted")).equals("500")
                        && r.get(hxl.indexOf("#reached")).equals("120")
                        && r.get(hxl.indexOf("#org+code")).equals(ExportsController.OWN_PREFIX + s.city()));
        assertThat(data)
                .filteredOn(r -> r.get(activity).equals("Clinic"))
                .singleElement()
                .satisfies(r -> assertThat(r.get(org)).isEqualTo("Refugee \"Welcome\" NGO, Kampala"));
        // quoting on the wire: comma and quotes inside a quoted field, quotes doubled
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("\"Refugee \"\"Welcome\"\" NGO, Kampala\"")
                .contains("\r\n");
        // an enforcement body's member never gets restricted actions
        List<List<String>> police = parseCsv(body("/forums/" + s.forum() + "/exports/3w.csv", of(s.police())));
        assertThat(police.subList(2, police.size()))
                .hasSize(5)
                .noneMatch(r -> r.get(activity).equals("Safe house"));
    }

    @Test
    void iatiActivitiesFollowTheStandard() throws Exception {
        Seeded s = seed();
        var response = perform(get("/forums/" + s.forum() + "/exports/iati.xml"), of(s.city()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("application/xml");
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.getContentAsByteArray()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("iati-activities");
        assertThat(root.getAttribute("version")).isEqualTo("2.03");
        assertThat(root.getAttribute("generated-datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        List<Element> activities = children(root);
        assertThat(activities).hasSize(3).allMatch(a -> a.getTagName().equals("iati-activity"));
        for (Element a : activities) {
            List<String> names = children(a).stream().map(Element::getTagName).toList();
            assertThat(names).containsAll(REQUIRED);
            assertThat(names).containsAnyOf("recipient-country", "recipient-region");
            assertThat(names).allMatch(IATI_ORDER::contains);
            List<Integer> positions = names.stream().map(IATI_ORDER::indexOf).toList();
            assertThat(positions).isSorted();
            for (Element c : children(a)) {
                switch (c.getTagName()) {
                    case "activity-status" -> assertThat(c.getAttribute("code")).isIn("1", "2", "3", "4", "5", "6");
                    case "participating-org" ->
                        assertThat(c.getAttribute("role")).isIn("1", "2", "3", "4");
                    case "activity-date" -> assertThat(c.getAttribute("type")).isIn("1", "2", "3", "4");
                    case "tag" -> assertThat(c.getAttribute("vocabulary")).isIn("2", "3");
                    case "sector" -> assertThat(c.getAttribute("vocabulary")).isEqualTo("99");
                    default -> {}
                }
            }
            Element reporting = child(a, "reporting-org");
            assertThat(child(a, "iati-identifier").getTextContent()).startsWith(reporting.getAttribute("ref") + "-");
            assertThat(reporting.getAttribute("type")).isNotBlank();
            assertThat(child(child(a, "title"), "narrative").getTextContent()).isNotBlank();
        }
        Element shelter = activities.stream()
                .filter(a -> child(a, "iati-identifier")
                        .getTextContent()
                        .endsWith(s.shelter().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(child(child(shelter, "title"), "narrative").getTextContent())
                .isEqualTo("Shelter, beds & \"safe\" <rooms>");
        assertThat(child(child(shelter, "description"), "narrative").getTextContent())
                .isEqualTo("Beds for new arrivals");
        assertThat(children(shelter, "participating-org"))
                .extracting(e -> e.getAttribute("role"))
                .containsExactly("2", "4", "1");
        assertThat(child(shelter, "activity-status").getAttribute("code")).isEqualTo("2");
        assertThat(children(shelter, "activity-date"))
                .extracting(e -> e.getAttribute("type") + "@" + e.getAttribute("iso-date"))
                .containsExactly("1@2025-01-01", "3@2026-12-31");
        assertThat(child(shelter, "recipient-country").getAttribute("code")).isEqualTo("UG");
        assertThat(children(shelter, "location"))
                .extracting(e -> e.getAttribute("ref"))
                .containsExactly("UG102", "UG113");
        assertThat(children(shelter, "sector"))
                .extracting(e -> e.getAttribute("code") + "@" + e.getAttribute("percentage"))
                .containsExactly("HOUSING@50", "BASIC_SERVICES@50");
        assertThat(children(shelter, "tag"))
                .extracting(e -> e.getAttribute("vocabulary") + ":" + e.getAttribute("code"))
                .containsExactly("2:11", "3:11.1");
        Element result = child(shelter, "result");
        assertThat(result.getAttribute("type")).isEqualTo("1");
        Element indicator = child(result, "indicator");
        // a baseline of no one is a count below 5: left out, with a comment saying so
        assertThat(child(indicator, "baseline").hasAttribute("value")).isFalse();
        assertThat(child(child(child(indicator, "baseline"), "comment"), "narrative")
                        .getTextContent())
                .isEqualTo("fewer than 5 (suppressed)");
        Element period = child(indicator, "period");
        assertThat(child(period, "target").getAttribute("value")).isEqualTo("500");
        assertThat(child(period, "actual").getAttribute("value")).isEqualTo("120");
        Element clinic = activities.stream()
                .filter(a -> child(a, "iati-identifier")
                        .getTextContent()
                        .endsWith(s.clinic().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(child(clinic, "activity-status").getAttribute("code")).isEqualTo("1");
        assertThat(children(clinic, "result")).isEmpty();
        // the enforcement body's member gets the two shared, non-restricted activities
        Document police = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(body("/forums/" + s.forum() + "/exports/iati.xml", of(s.police()))
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(children(police.getDocumentElement()))
                .hasSize(2)
                .noneMatch(a -> child(a, "iati-identifier")
                        .getTextContent()
                        .endsWith(s.secret().toString()));
    }

    @Test
    void onlyMembersGetTheExports() throws Exception {
        Seeded s = seed();
        for (String export : List.of("3w.csv", "iati.xml")) {
            String path = "/forums/" + s.forum() + "/exports/" + export;
            perform(get(path), of(s.outsider())).andExpect(status().isNotFound());
            perform(get(path), null).andExpect(status().isUnauthorized());
            perform(get("/forums/" + UUID.randomUUID() + "/exports/" + export), of(s.city()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void anEnforcementBodysIatiExportNamesNoHiddenParticipant() throws Exception {
        Seeded s = seed();
        UUID association = registered("Kisenyi refugee women's association", false, true);
        UUID escort = UUID.randomUUID();
        proposed(
                new Action(
                        escort,
                        1,
                        s.city(),
                        null,
                        "Health escorts",
                        null,
                        ActionKind.SERVICE,
                        List.of(Sector.HEALTH),
                        List.of(PopulationGroup.REFUGEES),
                        List.of(KAMPALA),
                        LocalDate.of(2025, 1, 1),
                        null,
                        ReportingCadence.QUARTERLY,
                        List.of(
                                new Participant(association, ParticipantRole.IMPLEMENTING),
                                new Participant(s.ngo(), ParticipantRole.FUNDING)),
                        null,
                        false,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(s.forum()),
                        ActionStatus.IN_PROGRESS,
                        null),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id = '" + escort + "'") == 1
                        && projected("fv_organisation", "id = '" + association + "'") == 1);
        for (UUID viewer : List.of(s.city(), s.police())) {
            String xml = body("/forums/" + s.forum() + "/exports/iati.xml", of(viewer));
            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element activity = children(doc.getDocumentElement()).stream()
                    .filter(a -> child(a, "iati-identifier").getTextContent().endsWith(escort.toString()))
                    .findFirst()
                    .orElseThrow();
            List<String> roles = children(activity, "participating-org").stream()
                    .map(e -> e.getAttribute("role"))
                    .toList();
            if (viewer.equals(s.police())) {
                assertThat(roles).containsExactly("2", "1");
                assertThat(xml).doesNotContain("Kisenyi", association.toString());
            } else {
                assertThat(roles).containsExactly("2", "4", "1");
                assertThat(xml).contains("Kisenyi refugee women's association");
            }
        }
    }

    @Test
    void noCellOfTheThreeWIsReadAsAFormulaAndEveryExportIsAnAttachment() throws Exception {
        UUID owner = registered("@Hostile org", false, false);
        UUID forum = forum(owner);
        member(forum, owner);
        UUID link = UUID.randomUUID();
        proposed(
                new Action(
                        link,
                        1,
                        owner,
                        null,
                        "=HYPERLINK(\"http://evil.example\",\"Click me\")",
                        null,
                        ActionKind.SERVICE,
                        List.of(Sector.HEALTH),
                        List.of(PopulationGroup.REFUGEES),
                        List.of(
                                new Jurisdiction("UG", "UG-C", "+UG102", "-Kampala central"),
                                new Jurisdiction("UG", null, "\tUG113", "\rEntebbe")),
                        LocalDate.of(2025, 1, 1),
                        null,
                        ReportingCadence.QUARTERLY,
                        List.of(),
                        null,
                        false,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(forum),
                        ActionStatus.IN_PROGRESS,
                        null),
                DataClassification.FORUM);
        UUID command = UUID.randomUUID();
        proposed(
                action(
                        command,
                        1,
                        owner,
                        forum,
                        "+cmd|' /C calc'!A0",
                        Sector.EDUCATION,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.PROPOSED),
                DataClassification.FORUM);
        await().atMost(WAIT)
                .until(() -> projected("fv_action", "id IN ('" + link + "', '" + command + "')") == 2
                        && seated(forum, owner));
        var response = perform(get("/forums/" + forum + "/exports/3w.csv"), of(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"forum-" + forum + "-3w.csv\"");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        List<List<String>> data = rows.subList(2, rows.size());
        assertThat(data).hasSize(3);
        for (List<String> row : data) {
            for (String cell : row) {
                assertThat(cell)
                        .as("a cell a spreadsheet would run")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r");
            }
        }
        int title = ThreeWCsv.HXL.indexOf("#activity+name");
        int area = ThreeWCsv.HXL.indexOf("#loc+name");
        int code = ThreeWCsv.HXL.indexOf("#adm2+code");
        assertThat(data)
                .extracting(r -> r.get(title))
                .contains("'=HYPERLINK(\"http://evil.example\",\"Click me\")", "'+cmd|' /C calc'!A0");
        assertThat(data).extracting(r -> r.get(area)).contains("'-Kampala central", "'\rEntebbe");
        assertThat(data).extracting(r -> r.get(code)).contains("'+UG102", "'\tUG113");
        assertThat(data).extracting(r -> r.get(0)).containsOnly("'@Hostile org");
        // on the wire a neutralised cell is quoted too
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click me\"\")\"", "\"'@Hostile org\"");

        var iati = perform(get("/forums/" + forum + "/exports/iati.xml"), of(owner))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(iati.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"forum-" + forum + "-iati.xml\"");
        assertThat(iati.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void headCountsInTheExportsAreSuppressedBelowFiveAndRoundedToFiveForEveryone() throws Exception {
        Seeded s = seed();
        UUID small = UUID.randomUUID();
        proposed(
                action(
                        small,
                        1,
                        s.ngo(),
                        s.forum(),
                        "Legal clinic",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        report(
                small,
                s.ngo(),
                new IndicatorValue("People advised", "people", 0.0, 7.0, 3.0),
                new IndicatorValue("Sessions held", "sessions", 1.0, 12.0, 3.0));
        UUID large = UUID.randomUUID();
        proposed(
                action(
                        large,
                        1,
                        s.ngo(),
                        s.forum(),
                        "Language classes",
                        Sector.EDUCATION,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        report(
                large,
                s.ngo(),
                new IndicatorValue("Learners", "people", 2.0, 12.0, 101.0),
                new IndicatorValue("Families reached", "households", null, 9.0, 3.0));
        // the probe's case: a people-unit indicator with target 4 and actual 3
        UUID probe = UUID.randomUUID();
        proposed(
                action(
                        probe,
                        1,
                        s.ngo(),
                        s.forum(),
                        "Peer support",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        report(probe, s.ngo(), new IndicatorValue("Survivors supported", "persons", null, 4.0, 3.0));
        // as the action plans publish them now: small people counts left out and named as suppressed
        UUID night = UUID.randomUUID();
        proposed(
                action(
                        night,
                        1,
                        s.ngo(),
                        s.forum(),
                        "Night clinic",
                        Sector.HEALTH,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        report(
                night,
                s.ngo(),
                new IndicatorValue(
                        "Households referred",
                        "households",
                        null,
                        null,
                        null,
                        List.of(IndicatorValue.BASELINE, IndicatorValue.TARGET, IndicatorValue.ACTUAL)));
        await().atMost(WAIT)
                .until(() -> projected(
                                "fv_action",
                                "id IN ('" + small + "', '" + large + "', '" + probe + "', '" + night
                                        + "') AND data->'latestReport' IS NOT NULL")
                        == 4);
        int title = ThreeWCsv.HXL.indexOf("#activity+name");
        int targeted = ThreeWCsv.HXL.indexOf("#targeted");
        int reached = ThreeWCsv.HXL.indexOf("#reached");
        for (UUID viewer : List.of(s.ngo(), s.city(), s.police())) {
            List<List<String>> rows = parseCsv(body("/forums/" + s.forum() + "/exports/3w.csv", of(viewer)));
            assertThat(rows)
                    .filteredOn(r -> r.get(title).equals("Legal clinic"))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(List.of(r.get(targeted), r.get(reached))).containsExactly("5", "<5"));
            assertThat(rows)
                    .filteredOn(r -> r.get(title).equals("Night clinic"))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(List.of(r.get(targeted), r.get(reached))).containsExactly("<5", "<5"));
            assertThat(rows)
                    .filteredOn(r -> r.get(title).equals("Peer support"))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(List.of(r.get(targeted), r.get(reached))).containsExactly("<5", "<5"));
            assertThat(rows)
                    .filteredOn(r -> r.get(title).equals("Language classes"))
                    .singleElement()
                    .satisfies(r ->
                            assertThat(List.of(r.get(targeted), r.get(reached))).containsExactly("20", "105"));

            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body("/forums/" + s.forum() + "/exports/iati.xml", of(viewer))
                            .getBytes(StandardCharsets.UTF_8)));
            Element clinic = children(doc.getDocumentElement()).stream()
                    .filter(a -> child(a, "iati-identifier").getTextContent().endsWith(small.toString()))
                    .findFirst()
                    .orElseThrow();
            List<Element> indicators = children(child(clinic, "result"), "indicator");
            Element people = indicators.get(0);
            Element period = child(people, "period");
            assertThat(child(period, "target").getAttribute("value")).isEqualTo("5");
            assertThat(child(period, "actual").hasAttribute("value")).isFalse();
            assertThat(child(child(child(period, "actual"), "comment"), "narrative")
                            .getTextContent())
                    .isEqualTo("fewer than 5 (suppressed)");
            Element nightClinic = children(doc.getDocumentElement()).stream()
                    .filter(a -> child(a, "iati-identifier").getTextContent().endsWith(night.toString()))
                    .findFirst()
                    .orElseThrow();
            Element referred = child(child(nightClinic, "result"), "indicator");
            for (Element value : List.of(
                    child(referred, "baseline"),
                    child(child(referred, "period"), "target"),
                    child(child(referred, "period"), "actual"))) {
                assertThat(value.hasAttribute("value")).isFalse();
                assertThat(child(child(value, "comment"), "narrative").getTextContent())
                        .isEqualTo("fewer than 5 (suppressed)");
            }
            // sessions are no head count: shown as reported
            Element sessions = child(indicators.get(1), "period");
            assertThat(child(sessions, "actual").getAttribute("value")).isEqualTo("3");
            assertThat(child(sessions, "target").getAttribute("value")).isEqualTo("12");
        }
    }

    private void report(UUID action, UUID owner, IndicatorValue... indicators) {
        ProgressReport report = new ProgressReport(
                UUID.randomUUID(),
                action,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31),
                ActionStatus.IN_PROGRESS,
                40,
                Rag.GREEN,
                null,
                List.of(indicators));
        feed.publish(
                new ProgressReported(report, actor(owner)), report.reportId(), action, owner, DataClassification.FORUM);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent).stream()
                .filter(e -> e.getTagName().equals(name))
                .toList();
    }

    private static Element child(Element parent, String name) {
        return children(parent, name).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + parent.getTagName()));
    }

    /** RFC 4180: records end in CRLF; a quoted field may hold commas, CRLF and doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("quote inside an unquoted field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
                continue;
            } else {
                assertThat(c).as("bare line break").isNotIn('\r', '\n');
                field.append(c);
            }
            i++;
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
