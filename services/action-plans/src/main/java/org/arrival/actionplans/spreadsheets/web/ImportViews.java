package org.arrival.actionplans.spreadsheets.web;

import java.util.UUID;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.ReportLine;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.actionplans.spreadsheets.domain.SpreadsheetImport;
import org.arrival.platform.spreadsheets.web.SpreadsheetImportView;
import org.arrival.platform.spreadsheets.web.SpreadsheetImportView.RowView;
import org.jspecify.annotations.Nullable;

/** An uploaded spreadsheet of actions, milestones or funding lines as the API shows it; action rows add reports. */
final class ImportViews {

    private ImportViews() {}

    static SpreadsheetImportView<ReportLine> of(SpreadsheetImport i) {
        return new SpreadsheetImportView<>(
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records().parameter(),
                i.fileName(),
                i.status(),
                i.createdAt(),
                i.createdBy(),
                i.appliedAt(),
                i.counts(),
                i.rows().stream()
                        .map(r -> new RowView<>(
                                r.row(),
                                recordId(i.records(), r),
                                r.actionId(),
                                r.title(),
                                r.outcome(),
                                r.changes(),
                                r.report(),
                                r.problems()))
                        .toList());
    }

    /** An action row's record is its action (rows stored before recordId was kept have the action id only). */
    private static @Nullable UUID recordId(RecordKind records, ImportRow r) {
        return records == RecordKind.ACTIONS && r.recordId() == null ? r.actionId() : r.recordId();
    }
}
