package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The spreadsheet round trip in the browser, as the demo NGO's editor: with at least eleven of its actions in the
 * demo forum due a report (the missing ones recorded through the action-plans API first), signed in through
 * Keycloak's login page, the forum page leads to "Report in a spreadsheet"; the XLSX is downloaded with the browser's
 * session, filled in with Apache POI (a report on ten actions, a new action, a rating that does not exist on an
 * eleventh), uploaded; the preview counts the rows, lists the refused one first with its cell and reason; applying
 * it puts the ten reports and the new action in the forum's tracker and the narratives on the actions' pages.
 * axe-core on each page, the upload page in Arabic on a phone.
 */
// adds actions and reports to the demo NGO: after the classes that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class SpreadsheetJourneyTest {

    static final String EDITOR = "ngo-editor";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String TAG = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static final String NEW_TITLE = "Night shelter referrals in Katwe " + TAG;

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The spreadsheet journey");

    private static WebDriver browser;

    private RunningPlatform platform;
    private String web;
    private String forum;

    @BeforeEach
    void freshBrowser() {
        browser = SESSION.driver();
        platform = RunningPlatform.get();
        web = Browser.web(platform);
        forum = platform.forumId;
    }

    @Test
    void theNgoReportsOnTenActionsAddsOneAndSeesARefusedRowExplainedBeforeApplying() throws Exception {
        Map<String, JsonNode> due = actionsDueAReport(11);

        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, EDITOR);
            browser.get(web + "/language?lang=en&back=/forums/" + forum);
            Browser.waitFor(browser, d -> !d.findElements(By.id("forum-name")).isEmpty());
            String spreadsheet = "/forums/" + forum + "/spreadsheet";
            assertThat(browser.findElement(By.id("spreadsheet-link")).getDomAttribute("href"))
                    .isEqualTo(spreadsheet);
            browser.findElement(By.id("spreadsheet-link")).click();
            Browser.waitFor(browser, d -> !d.findElements(By.id("upload-form")).isEmpty());
            assertThat(browser.getCurrentUrl()).isEqualTo(web + spreadsheet);
            assertThat(browser.findElement(By.id("spreadsheet-heading")).getText())
                    .isEqualTo("Report in a spreadsheet");
            assertThat(browser.findElements(By.cssSelector("#spreadsheet-steps > li")))
                    .hasSize(3);
            WebElement file = browser.findElement(By.id("field-file"));
            assertThat(file.getDomAttribute("accept")).startsWith(".xlsx,.csv");
            assertThat(browser.findElement(By.id("upload-progress")).isDisplayed())
                    .isFalse();
            Accessibility.check(browser, "the spreadsheet upload page");

            // in Arabic on a phone: right to left, nothing scrolls sideways
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(web + "/language?lang=ar&back=" + spreadsheet);
            Browser.waitFor(
                    browser, d -> "ar".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(browser.findElement(By.id("spreadsheet-heading")).getText())
                    .isEqualTo("الإبلاغ في جدول بيانات");
            assertNoSidewaysScroll("the upload page in Arabic");
            Accessibility.check(browser, "the spreadsheet upload page in Arabic at 390 px");
            browser.get(web + "/language?lang=en&back=" + spreadsheet);
            Browser.waitFor(
                    browser, d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            browser.manage().window().setSize(new Dimension(1366, 900));
        });

        // the XLSX, fetched with the browser's own session (and language)
        String href = browser.findElement(By.id("download-xlsx")).getDomAttribute("href");
        HttpResponse<byte[]> download = withBrowserSession(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains(".xlsx");

        Filled filled = fill(download.body(), due);
        Path upload = Files.createDirectories(Path.of("target", "spreadsheet-journey"))
                .resolve("actions-" + TAG + ".xlsx")
                .toAbsolutePath();
        Files.write(upload, filled.bytes());

        Browser.run(browser, () -> {
            browser.findElement(By.id("field-file")).sendKeys(upload.toString());
            Browser.submit(browser, browser.findElement(By.id("upload")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("import-rows")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(web + "/spreadsheet-imports/");

            // the counts: one new action, one refused row, ten reports; an untouched row changes nothing
            assertThat(count("create")).isEqualTo(1);
            assertThat(count("refused")).isEqualTo(1);
            assertThat(count("reports")).isEqualTo(10);
            assertThat(count("update"))
                    .as("rows left as exported change nothing")
                    .isZero();

            // the refused row first, said in words, with its cell and why
            List<WebElement> rows = browser.findElements(By.cssSelector("#import-rows tbody tr"));
            WebElement refused = rows.getFirst();
            assertThat(refused.getDomAttribute("data-outcome")).isEqualTo("REFUSED");
            assertThat(refused.getDomAttribute("data-row")).isEqualTo(Integer.toString(filled.refusedRow()));
            assertThat(refused.getText()).contains("Refused", "Cell " + filled.refusedCell());
            assertThat(browser.findElement(By.id("refused-explain")).getText()).contains("1 row is refused");
            WebElement created = browser.findElement(By.cssSelector("#import-rows tr[data-outcome=CREATE]"));
            assertThat(created.getText()).contains(NEW_TITLE);
            for (Map.Entry<Integer, String> reported : filled.reportedRows().entrySet()) {
                WebElement row =
                        browser.findElement(By.cssSelector("#import-rows tr[data-row='" + reported.getKey() + "']"));
                assertThat(row.getDomAttribute("data-outcome")).isEqualTo("UNCHANGED");
                assertThat(row.getText()).contains(filled.percents().get(reported.getValue()) + "%");
            }
            assertThat(browser.findElement(By.id("import-report")).getDomAttribute("href"))
                    .endsWith("/report");
            WebElement confirm = browser.findElement(By.id("confirm-import"));
            assertThat(confirm.getText()).isEqualTo("Apply 11 rows");
            Accessibility.check(browser, "the spreadsheet preview");

            Browser.submit(browser, confirm);
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("import-applied")).isEmpty());
            assertThat(browser.findElement(By.id("import-applied")).getText()).contains("11 rows were applied");
            assertThat(browser.findElements(By.id("confirm-import"))).isEmpty();
            Accessibility.check(browser, "the applied spreadsheet import");
            browser.findElement(By.id("back-to-tracker")).click();
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("tracker-table")).isEmpty());
        });

        // the forum's tracker: the ten reports and the new action (its picture follows the services' events)
        Browser.run(browser, () -> {
            String tracker = web + "/forums/" + forum + "?org=" + DemoForum.NGO;
            Instant until = Instant.now().plus(Duration.ofSeconds(90));
            Tracker shown = tracker(tracker);
            while (!shown.showsAll(filled.percents()) && Instant.now().isBefore(until)) {
                sleep();
                shown = tracker(tracker);
            }
            for (Map.Entry<String, Integer> report : filled.percents().entrySet()) {
                assertThat(shown.rows().get(report.getKey()))
                        .as("the tracker's row of %s", report.getKey())
                        .contains(report.getValue() + "%");
            }
            assertThat(shown.titles()).anyMatch(t -> t.contains(NEW_TITLE));
            Accessibility.check(browser, "the forum's tracker after the spreadsheet");

            // each report's narrative on its action's page
            for (Map.Entry<String, String> narrative : filled.narratives().entrySet()) {
                browser.get(web + "/actions/" + narrative.getKey());
                Browser.waitFor(browser, d -> d.getPageSource().contains(narrative.getValue()));
            }
            Accessibility.check(browser, "an action reported through the spreadsheet");
        });
    }

    @Test
    void theNgoUpdatesANeedAddsOneAndAddsAMilestoneInSpreadsheetsOfThoseKinds() throws Exception {
        String action = actionsDueAReport(1).keySet().iterator().next();
        String needTag = "HRI school visits, Nakawa " + TAG;
        String newNeed = "Young people arriving alone in Rubaga have no safe place to sleep " + TAG;
        String milestone = "Referral desk opened at the division office " + TAG;

        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, EDITOR);
            browser.get(web + "/language?lang=en&back=/forums/" + forum + "/spreadsheet");
            Browser.waitFor(browser, d -> !d.findElements(By.id("records-form")).isEmpty());
            // the keyboard chooses the kind: the radio group, then the button that shows its steps
            WebElement needs = browser.findElement(By.id("records-needs"));
            assertThat(browser.findElement(By.cssSelector("label[for='records-needs']"))
                            .getText())
                    .isNotBlank();
            needs.sendKeys(" ");
            assertThat(needs.isSelected()).isTrue();
            Browser.submit(browser, browser.findElement(By.id("choose-records")));
            Browser.waitFor(browser, d -> d.getCurrentUrl().contains("records=needs"));
            assertThat(browser.findElement(By.id("upload-records")).getDomAttribute("value"))
                    .isEqualTo("needs");
            assertThat(browser.findElement(By.id("download-xlsx")).getDomAttribute("href"))
                    .contains("records=needs");
            Accessibility.check(browser, "the spreadsheet page for needs");
        });

        // the needs: one of the NGO's needs gains an evidence reference, a new need is added
        HttpResponse<byte[]> needSheet =
                withBrowserSession(browser.findElement(By.id("download-xlsx")).getDomAttribute("href"));
        assertThat(needSheet.statusCode()).isEqualTo(200);
        String updatedNeed;
        byte[] needsFilled;
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(needSheet.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> column = columns(sheet);
            assertThat(column).containsKeys("id", "version", "statement", "severity", "evidenceReferences");
            DataFormatter text = new DataFormatter();
            Row chosen = null;
            int last = 1;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || value(row, column.get("id"), text).isEmpty()) {
                    continue;
                }
                last = r;
                if (chosen == null && !"RESTRICTED".equals(value(row, column.get("classification"), text))) {
                    chosen = row;
                }
            }
            assertThat(chosen).as("an open need of the NGO in the sheet").isNotNull();
            updatedNeed = value(chosen, column.get("id"), text);
            String references = value(chosen, column.get("evidenceReferences"), text);
            set(chosen, column.get("evidenceReferences"), references.isEmpty() ? needTag : references + ";" + needTag);
            Row added = sheet.createRow(last + 1);
            set(added, column.get("statement"), newNeed);
            set(added, column.get("sector"), "HOUSING");
            set(added, column.get("populationGroups"), "REFUGEES;ASYLUM_SEEKERS");
            set(added, column.get("country"), "UG");
            set(added, column.get("subdivision"), "UG-C");
            set(added, column.get("areaName"), "Rubaga");
            set(added, column.get("severity"), "MEDIUM");
            set(added, column.get("barriers"), "CAPACITY");
            set(added, column.get("evidenceReferences"), "HRI outreach notes, Rubaga " + TAG);
            needsFilled = written(book);
        }
        Path needsFile = Files.createDirectories(Path.of("target", "spreadsheet-journey"))
                .resolve("needs-" + TAG + ".xlsx")
                .toAbsolutePath();
        Files.write(needsFile, needsFilled);

        Browser.run(browser, () -> {
            browser.findElement(By.id("field-file")).sendKeys(needsFile.toString());
            Browser.submit(browser, browser.findElement(By.id("upload")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("import-rows")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(web + "/assessment-imports/");
            assertThat(count("create")).isEqualTo(1);
            assertThat(count("update")).isEqualTo(1);
            assertThat(count("refused")).isZero();
            WebElement updated =
                    browser.findElement(By.cssSelector("#import-rows tr[data-record='" + updatedNeed + "']"));
            assertThat(updated.getDomAttribute("data-outcome")).isEqualTo("UPDATE");
            assertThat(updated.getText()).contains(needTag);
            assertThat(browser.findElement(By.cssSelector("#import-rows tr[data-outcome=CREATE]"))
                            .getText())
                    .contains(newNeed);
            Accessibility.check(browser, "the preview of a needs spreadsheet");
            Browser.submit(browser, browser.findElement(By.id("confirm-import")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("import-applied")).isEmpty());
            assertThat(browser.findElements(By.id("confirm-import"))).isEmpty();

            browser.get(web + "/needs/" + updatedNeed);
            Browser.waitFor(browser, d -> d.getPageSource().contains(needTag));
        });
        JsonNode found = platform.api.expect(
                200,
                "GET",
                PlatformService.ASSESSMENTS,
                "/needs?owner=" + DemoForum.NGO + "&size=200",
                platform.token(EDITOR),
                null,
                Map.of());
        assertThat(found.path("items").values())
                .as("the new need, recorded once, shared with the forum")
                .filteredOn(n -> n.path("statement").asString().equals(newNeed))
                .singleElement()
                .satisfies(
                        n -> assertThat(n.path("sharedWithForums").values()).anyMatch(f -> forum.equals(f.asString())));

        // the milestones: a new one on one of the NGO's actions, from the same page's milestones kind
        Browser.run(browser, () -> {
            browser.get(web + "/forums/" + forum + "/spreadsheet?records=milestones");
            Browser.waitFor(browser, d -> !d.findElements(By.id("upload-form")).isEmpty());
            assertThat(browser.findElement(By.id("records-milestones")).isSelected())
                    .isTrue();
        });
        HttpResponse<byte[]> milestoneSheet =
                withBrowserSession(browser.findElement(By.id("download-xlsx")).getDomAttribute("href"));
        assertThat(milestoneSheet.statusCode()).isEqualTo(200);
        byte[] milestonesFilled;
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(milestoneSheet.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> column = columns(sheet);
            assertThat(column).containsKeys("id", "version", "actionId", "title", "dueOn", "status");
            Row added = sheet.createRow(Math.max(2, sheet.getLastRowNum() + 1));
            set(added, column.get("actionId"), action);
            set(added, column.get("title"), milestone);
            set(added, column.get("dueOn"), "2027-03-31");
            milestonesFilled = written(book);
        }
        Path milestonesFile = Files.createDirectories(Path.of("target", "spreadsheet-journey"))
                .resolve("milestones-" + TAG + ".xlsx")
                .toAbsolutePath();
        Files.write(milestonesFile, milestonesFilled);

        Browser.run(browser, () -> {
            browser.findElement(By.id("field-file")).sendKeys(milestonesFile.toString());
            Browser.submit(browser, browser.findElement(By.id("upload")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("import-rows")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(web + "/spreadsheet-imports/");
            assertThat(count("create")).isEqualTo(1);
            assertThat(count("refused")).isZero();
            assertThat(browser.findElement(By.cssSelector("#import-rows tr[data-outcome=CREATE]"))
                            .getText())
                    .contains(milestone);
            Browser.submit(browser, browser.findElement(By.id("confirm-import")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("import-applied")).isEmpty());

            browser.get(web + "/actions/" + action);
            Browser.waitFor(browser, d -> d.getPageSource().contains(milestone));
            Accessibility.check(browser, "an action with a milestone from a spreadsheet");
        });
    }

    /** The columns of a sheet by the keys of its row 2. */
    private static Map<String, Integer> columns(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        Map<String, Integer> column = new HashMap<>();
        for (Cell cell : sheet.getRow(1)) {
            column.put(text.formatCellValue(cell).strip(), cell.getColumnIndex());
        }
        return column;
    }

    private static byte[] written(Workbook book) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (OutputStream o = out) {
            book.write(o);
        }
        return out.toByteArray();
    }

    // ---- the demo NGO's actions

    /**
     * The NGO's actions in the forum that take a report now (committed or in progress, a period due that has
     * ended), at least {@code wanted} of them: recorded through the API and started as the editor when there are fewer.
     */
    private Map<String, JsonNode> actionsDueAReport(int wanted) {
        String token = platform.token(EDITOR);
        Map<String, JsonNode> due = new LinkedHashMap<>();
        for (JsonNode action : platform.api
                .expect(
                        200,
                        "GET",
                        PlatformService.ACTION_PLANS,
                        "/actions?owner=" + DemoForum.NGO + "&size=200&sort=title",
                        token,
                        null,
                        Map.of())
                .path("items")
                .values()) {
            boolean inForum =
                    action.path("sharedWithForums").values().stream().anyMatch(f -> forum.equals(f.asString()));
            String status = action.path("status").asString();
            // restricted records are left out: the tracker's reading of them is not what this journey is about
            boolean open = !"RESTRICTED".equals(action.path("classification").asString());
            if (inForum && open && ("COMMITTED".equals(status) || "IN_PROGRESS".equals(status))) {
                String id = action.path("id").asString();
                JsonNode next = reporting(id, token).path("nextDue");
                if (ended(next)) {
                    due.put(id, next);
                }
            }
        }
        for (int i = due.size(); i < wanted; i++) {
            String id = platform.api
                    .expect(
                            201,
                            "POST",
                            PlatformService.ACTION_PLANS,
                            "/actions",
                            token,
                            """
                            {"title":"Outreach to newly arrived families, round %d %s","kind":"SERVICE",
                             "orientation":"HUMANITARIAN","sectors":["PROTECTION_RIGHTS"],"targetGroups":["REFUGEES"],
                             "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kampala"}],
                             "startDate":"2026-01-01","endDate":"2027-12-31","reportingCadence":"QUARTERLY",
                             "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(i + 1, TAG, forum),
                            Map.of())
                    .path("id")
                    .asString();
            for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
                platform.api.expect(
                        200,
                        "POST",
                        PlatformService.ACTION_PLANS,
                        "/actions/" + id + "/status",
                        token,
                        Map.of("status", status),
                        Map.of());
            }
            JsonNode next = reporting(id, token).path("nextDue");
            assertThat(ended(next))
                    .as("a report is due on the new action %s: %s", id, next)
                    .isTrue();
            due.put(id, next);
        }
        return due;
    }

    /** A period due whose report can be published: it has ended. */
    private static boolean ended(JsonNode due) {
        return due.isObject()
                && java.time.LocalDate.parse(due.path("periodEnd").asString()).isBefore(java.time.LocalDate.now());
    }

    private JsonNode reporting(String id, String token) {
        return platform.api.expect(
                200, "GET", PlatformService.ACTION_PLANS, "/actions/" + id + "/reporting", token, null, Map.of());
    }

    // ---- the spreadsheet

    /**
     * What was written in the sheet: the reports' percents and narratives by action id and their rows, and the row
     * and cell of the refused rating.
     */
    record Filled(
            byte[] bytes,
            Map<String, Integer> percents,
            Map<String, String> narratives,
            Map<Integer, String> reportedRows,
            int refusedRow,
            String refusedCell) {}

    /**
     * Ten rows of actions due a report get a percent, a rating and a narrative (the period as the sheet proposes
     * it, or the one the service says is due when the cells are empty); an eleventh gets the rating PURPLE; a new
     * row records a new action. Columns are found by the machine keys of row 2.
     */
    private static Filled fill(byte[] xlsx, Map<String, JsonNode> due) throws IOException {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("Actions");
            assertThat(sheet).as("the sheet named Actions").isNotNull();
            DataFormatter text = new DataFormatter();
            Map<String, Integer> column = columns(sheet);
            assertThat(column)
                    .containsKeys(
                            "id",
                            "version",
                            "title",
                            "kind",
                            "sectors",
                            "reportingCadence",
                            "reportPeriodStart",
                            "reportPeriodEnd",
                            "percentComplete",
                            "rag",
                            "narrative");
            // the rows of the actions due a report, those whose period the sheet proposes first
            List<Row> proposed = new ArrayList<>();
            List<Row> others = new ArrayList<>();
            int last = 1;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String id = row == null ? "" : value(row, column.get("id"), text);
                if (id.isEmpty()) {
                    continue;
                }
                last = r;
                if (!due.containsKey(id)) {
                    continue;
                }
                (value(row, column.get("reportPeriodStart"), text).isEmpty() ? others : proposed).add(row);
            }
            List<Row> chosen = new ArrayList<>(proposed);
            chosen.addAll(others);
            assertThat(chosen).as("rows of actions due a report").hasSizeGreaterThanOrEqualTo(11);

            Map<String, Integer> percents = new LinkedHashMap<>();
            Map<String, String> narratives = new LinkedHashMap<>();
            Map<Integer, String> reportedRows = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                Row row = chosen.get(i);
                String id = value(row, column.get("id"), text);
                if (value(row, column.get("reportPeriodStart"), text).isEmpty()) {
                    JsonNode period = due.get(id);
                    set(
                            row,
                            column.get("reportPeriodStart"),
                            period.path("periodStart").asString());
                    set(
                            row,
                            column.get("reportPeriodEnd"),
                            period.path("periodEnd").asString());
                }
                int percent = 11 + i * 7;
                String narrative = "Spreadsheet report " + (i + 1) + " " + TAG + ": outreach sessions held as planned.";
                row.getCell(column.get("percentComplete"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                        .setCellValue(percent);
                set(row, column.get("rag"), i % 3 == 0 ? "AMBER" : "GREEN");
                set(row, column.get("narrative"), narrative);
                percents.put(id, percent);
                narratives.put(id, narrative);
                reportedRows.put(row.getRowNum() + 1, id);
            }
            Row wrong = chosen.get(10);
            if (value(wrong, column.get("reportPeriodStart"), text).isEmpty()) {
                JsonNode period = due.get(value(wrong, column.get("id"), text));
                set(
                        wrong,
                        column.get("reportPeriodStart"),
                        period.path("periodStart").asString());
                set(
                        wrong,
                        column.get("reportPeriodEnd"),
                        period.path("periodEnd").asString());
            }
            wrong.getCell(column.get("percentComplete"), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue(50);
            set(wrong, column.get("rag"), "PURPLE");
            String refusedCell = new CellReference(wrong.getRowNum(), column.get("rag")).formatAsString(false);

            Row added = sheet.createRow(last + 1);
            set(added, column.get("title"), NEW_TITLE);
            set(added, column.get("kind"), "SERVICE");
            set(added, column.get("sectors"), "PROTECTION_RIGHTS;HEALTH");
            set(added, column.get("reportingCadence"), "QUARTERLY");
            if (column.containsKey("description")) {
                set(added, column.get("description"), "Referrals from the division office to night shelters.");
            }
            if (column.containsKey("startDate")) {
                set(added, column.get("startDate"), "2027-01-01");
            }
            if (column.containsKey("endDate")) {
                set(added, column.get("endDate"), "2027-12-31");
            }

            return new Filled(written(book), percents, narratives, reportedRows, wrong.getRowNum() + 1, refusedCell);
        }
    }

    private static String value(Row row, int column, DataFormatter text) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : text.formatCellValue(cell).strip();
    }

    private static void set(Row row, int column, String value) {
        row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
    }

    /** A GET of the web application with the browser's cookies (its session and language), as the browser sends it. */
    private HttpResponse<byte[]> withBrowserSession(String path) {
        String cookies = browser.manage().getCookies().stream()
                .map((Cookie c) -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(web + path))
                .header("Cookie", cookies)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the pages

    private int count(String kind) {
        return Integer.parseInt(
                browser.findElement(By.cssSelector("#import-counts li[data-count='" + kind + "'] strong"))
                        .getText()
                        .replaceAll("[^0-9]", ""));
    }

    /** The tracker's rows for the NGO: the text of each row by action id, and the actions' titles. */
    record Tracker(Map<String, String> rows, List<String> titles) {

        boolean showsAll(Map<String, Integer> percents) {
            return percents.entrySet().stream()
                            .allMatch(e -> rows.getOrDefault(e.getKey(), "").contains(e.getValue() + "%"))
                    && titles.stream().anyMatch(t -> t.contains(NEW_TITLE));
        }
    }

    /** Every page of the tracker at this address. */
    private static Tracker tracker(String address) {
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> titles = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            browser.get(address + (page == 0 ? "" : "&page=" + page));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("tracker-table")).isEmpty());
            for (WebElement row : browser.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]"))) {
                rows.put(row.getDomAttribute("data-action-id"), row.getText());
                titles.add(row.findElement(By.tagName("th")).getText());
            }
            String next = "page=" + (page + 1);
            if (browser.findElements(By.cssSelector("#tracker nav.paging a")).stream()
                    .noneMatch(a -> String.valueOf(a.getDomAttribute("href")).contains(next))) {
                break;
            }
        }
        return new Tracker(rows, titles);
    }

    private static void assertNoSidewaysScroll(String page) {
        assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                .as("sideways scroll on %s", page)
                .isLessThanOrEqualTo(0L);
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
