package org.arrival.web.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.arrival.web.api.Service;
import org.arrival.web.api.SpreadsheetImports.ImportCounts;
import org.arrival.web.api.SpreadsheetImports.ImportRow;
import org.arrival.web.api.SpreadsheetImports.SpreadsheetImport;
import org.arrival.web.layout.Messages;
import org.junit.jupiter.api.Test;

/**
 * The texts the spreadsheet pages build from a kind of records exist in every language (the bundles test checks only
 * the texts a template names in full), and each kind's imports are shown where its service holds them.
 */
class RecordKindTextsTest {

    static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

    final Messages messages = new Messages();

    @Test
    void everyKeyBuiltFromAKindHasATextInEveryLanguage() {
        List<String> keys = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            String k = kind.key();
            PreviewView view = new PreviewView(
                    new SpreadsheetImport(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            null,
                            k,
                            null,
                            "PREVIEWED",
                            null,
                            null,
                            null,
                            new ImportCounts(0, 0, 0, 0, 0),
                            List.of()),
                    kind,
                    null,
                    List.of(),
                    false);
            for (String outcome : List.of("CREATE", "UPDATE", "UNCHANGED", "REFUSED")) {
                keys.add(view.outcomeKey(new ImportRow(3, null, null, null, outcome, List.of(), null, List.of())));
            }
            for (String count : List.of("create", "update", "unchanged")) {
                keys.add(view.countKey(count));
            }
            for (String prefix : List.of(
                    "spreadsheets.kind.",
                    "spreadsheets.step1.heading.",
                    "spreadsheets.step1.text.",
                    "spreadsheets.step2.text.",
                    "spreadsheets.error.400.",
                    "spreadsheets.applied.changes.",
                    "spreadsheets.rows.title.")) {
                keys.add(prefix + k);
            }
            keys.add("spreadsheets.kind." + k + ".hint");
        }
        for (Locale language : LANGUAGES) {
            for (String key : keys) {
                assertThat(messages.has(language, key))
                        .as("%s in %s", key, language)
                        .isTrue();
            }
        }
    }

    @Test
    void eachKindIsShownWhereItsServiceHoldsItsImports() {
        assertThat(RecordKind.NEEDS.importPath("x")).isEqualTo("/assessment-imports/x");
        assertThat(RecordKind.POPULATION_ESTIMATES.service()).isEqualTo(Service.ASSESSMENTS);
        assertThat(RecordKind.FUNDING_LINES.importPath("x")).isEqualTo("/spreadsheet-imports/x");
        assertThat(RecordKind.named(null)).contains(RecordKind.ACTIONS);
        assertThat(RecordKind.named("funding-lines")).contains(RecordKind.FUNDING_LINES);
        assertThat(RecordKind.named("Needs")).isEmpty();
        // an import that does not say what it holds is its service's first kind
        assertThat(RecordKind.of(null, Service.ASSESSMENTS)).isEqualTo(RecordKind.NEEDS);
        assertThat(RecordKind.of("needs", Service.ACTION_PLANS)).isEqualTo(RecordKind.ACTIONS);
        assertThat(RecordKind.serviceOf("assessment-imports")).contains(Service.ASSESSMENTS);
        assertThat(RecordKind.serviceOf("imports")).isEmpty();
    }
}
