package org.arrival.benchmarks.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.local.PlatformService;

/**
 * The import of a large spreadsheet of new actions into the action-plans service, as an organisation's editor uploads
 * it: the time from sending the file to the stored preview (every row read and judged), and the time to apply it
 * (every row's action recorded with its event, in one transaction). Each run uploads the same rows again, so each
 * adds as many actions to the forum.
 */
public final class SpreadsheetImportRun {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final Http http;
    private final Workspace workspace;

    public SpreadsheetImportRun(Http http, Workspace workspace) {
        this.http = http;
        this.workspace = workspace;
    }

    /** How long one run's preview and confirmation took, in milliseconds. */
    public record Timing(long previewMillis, long applyMillis) {}

    /**
     * A CSV file of the export's two heading rows and {@code rows} new actions in the plan.
     */
    public static byte[] csv(int rows, int run, String plan) {
        StringBuilder csv = new StringBuilder();
        csv.append(
                "Action id,Version,Title,Description,Kind,Sectors,Start date,End date,Reporting cadence,Plan id\r\n");
        csv.append("id,version,title,description,kind,sectors,startDate,endDate,reportingCadence,planId\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(",,Language classes for newcomers group ")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",Evening classes in the division office,SERVICE,EDUCATION;SOCIAL_COHESION,2026-01-01,")
                    .append("2027-12-31,QUARTERLY,")
                    .append(plan)
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public Timing run(Reporter editor, int rows, int run) {
        String token = workspace.token(editor);
        Http.Answer plans = http.get(
                workspace.url(
                        PlatformService.ACTION_PLANS,
                        "/plans?owner=" + editor.organisation() + "&forum=" + workspace.forum() + "&size=1"),
                token);
        Matcher plan = ID.matcher(plans.body());
        if (!plans.is(200) || !plan.find()) {
            throw new IllegalStateException("no plan of " + editor.username() + " in the forum: " + shortened(plans));
        }
        Http.Answer preview = http.upload(
                workspace.url(PlatformService.ACTION_PLANS, "/forums/" + workspace.forum() + "/spreadsheet-imports"),
                token,
                "file",
                "actions.csv",
                csv(rows, run, plan.group(1)),
                TIMEOUT);
        if (!preview.is(201)) {
            throw new IllegalStateException("the preview answered " + preview.status() + ": " + shortened(preview));
        }
        if (!preview.body().contains("\"refused\":0")) {
            throw new IllegalStateException("the preview refused rows: " + shortened(preview));
        }
        Matcher id = ID.matcher(preview.body());
        if (!id.find()) {
            throw new IllegalStateException("the preview has no id: " + shortened(preview));
        }
        Http.Answer applied = http.post(
                workspace.url(PlatformService.ACTION_PLANS, "/spreadsheet-imports/" + id.group(1) + "/confirmation"),
                workspace.token(editor),
                TIMEOUT);
        if (!applied.is(200)) {
            throw new IllegalStateException(
                    "the confirmation answered " + applied.status() + ": " + shortened(applied));
        }
        return new Timing(preview.nanos() / 1_000_000, applied.nanos() / 1_000_000);
    }

    /** The median of the values (the lower middle one of an even count). */
    public static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String shortened(Http.Answer a) {
        return a.body().length() > 300 ? a.body().substring(0, 300) + "..." : a.body();
    }
}
