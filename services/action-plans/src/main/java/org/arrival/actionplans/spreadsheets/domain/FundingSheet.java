package org.arrival.actionplans.spreadsheets.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.funding.domain.FundingLine;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.jspecify.annotations.Nullable;

/**
 * The spreadsheet of the funding lines of an organisation's actions in a forum: one row a line, its action named by
 * id (its title shown, read only), its source by the funding organisation's id or only by name; amounts written with a point and at
 * most two decimals, currencies as ISO 4217 codes.
 */
public final class FundingSheet {

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String ACTION_ID = "actionId";
    public static final String ACTION_TITLE = "actionTitle";
    public static final String SOURCE_ID = "sourceId";
    public static final String SOURCE_NAME = "sourceName";
    public static final String CURRENCY = "currency";
    public static final String REQUIRED = "required";
    public static final String COMMITTED = "committed";
    public static final String DISBURSED = "disbursed";

    /** The keys, in the order they are exported. */
    public static final List<String> KEYS = List.of(
            ID, VERSION, ACTION_ID, ACTION_TITLE, SOURCE_ID, SOURCE_NAME, CURRENCY, REQUIRED, COMMITTED, DISBURSED);

    /** The keys every import needs: a column left out would empty that field on every line the file updates. */
    static final Set<String> NEEDED = Set.of(SOURCE_ID, SOURCE_NAME, CURRENCY, REQUIRED, COMMITTED, DISBURSED);

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en",
            List.of(
                    "Funding line id (leave empty for a new line)",
                    "Version",
                    "Action id",
                    "Action (read only)",
                    "Funding organisation id (empty for another source)",
                    "Source",
                    "Currency (ISO 4217)",
                    "Required",
                    "Committed",
                    "Disbursed"),
            "fr",
            List.of(
                    "Identifiant de la ligne (vide pour une nouvelle ligne)",
                    "Version",
                    "Identifiant de l'action",
                    "Action (lecture seule)",
                    "Identifiant de l'organisation qui finance (vide pour une autre source)",
                    "Source",
                    "Devise (ISO 4217)",
                    "Requis",
                    "Engagé",
                    "Décaissé"),
            "es",
            List.of(
                    "Identificador de la línea (vacío para una línea nueva)",
                    "Versión",
                    "Identificador de la acción",
                    "Acción (solo lectura)",
                    "Identificador de la organización que financia (vacío para otra fuente)",
                    "Fuente",
                    "Moneda (ISO 4217)",
                    "Requerido",
                    "Comprometido",
                    "Desembolsado"),
            "ar",
            List.of(
                    "معرّف بند التمويل (اتركه فارغًا لبند جديد)",
                    "الإصدار",
                    "معرّف الإجراء",
                    "الإجراء (للقراءة فقط)",
                    "معرّف الجهة الممولة (اتركه فارغًا لمصدر آخر)",
                    "المصدر",
                    "العملة (ISO 4217)",
                    "المطلوب",
                    "الملتزم به",
                    "المصروف"));

    private static final List<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .filter(c -> c.matches("[A-Z]{3}"))
            .sorted(Comparator.naturalOrder())
            .toList();

    private FundingSheet() {}

    public static List<String> headings(@Nullable Locale locale) {
        return SheetCells.headings(HEADINGS, locale);
    }

    /** The currency column's drop-down: the ISO 4217 codes the platform knows. */
    public static Map<String, List<String>> choices() {
        return Map.of(CURRENCY, CURRENCIES);
    }

    /** A data row as the file says it, and what is wrong in its cells. */
    public record RowReading(
            int row,
            @Nullable UUID id,
            @Nullable Long version,
            @Nullable UUID actionId,
            @Nullable UUID sourceId,
            @Nullable String sourceName,
            @Nullable String currency,
            @Nullable BigDecimal required,
            @Nullable BigDecimal committed,
            @Nullable BigDecimal disbursed,
            List<CellProblem> problems) {}

    /** Reads one data row; every cell is checked, so the person sees all of a row's problems at once. */
    public static RowReading read(Table table, Table.Row row) {
        SheetCells cells = new SheetCells(table, row);
        SheetCells.RecordKey key = cells.key(ID, VERSION, "a funding line");
        UUID id = key.id();
        UUID actionId = cells.actionId(ACTION_ID, id, "a new funding line");
        // no source id: a source the platform does not know, named by sourceName (as the API accepts it)
        UUID sourceId = cells.uuid(SOURCE_ID);
        String sourceName = cells.text(SOURCE_NAME, FundingLine.MAX_SOURCE_NAME);
        String currency = cells.raw(CURRENCY).toUpperCase(Locale.ROOT);
        if (currency.isEmpty()) {
            cells.problem(CURRENCY, "is required: an ISO 4217 currency code such as UGX, EUR or USD");
        } else if (!CURRENCIES.contains(currency)) {
            cells.problem(CURRENCY, "must be an ISO 4217 currency code such as UGX, EUR or USD");
        }
        BigDecimal required = amount(cells, REQUIRED);
        BigDecimal committed = amount(cells, COMMITTED);
        BigDecimal disbursed = amount(cells, DISBURSED);
        if (committed != null && disbursed != null && disbursed.compareTo(committed) > 0) {
            cells.problem(DISBURSED, "must not exceed committed (" + committed.toPlainString() + ")");
        }
        return new RowReading(
                row.number(),
                id,
                key.version(),
                actionId,
                sourceId,
                sourceName,
                currency.isEmpty() || !CURRENCIES.contains(currency) ? null : currency,
                required,
                committed,
                disbursed,
                cells.problems());
    }

    private static @Nullable BigDecimal amount(SheetCells cells, String key) {
        BigDecimal amount = cells.amount(key);
        if (amount == null && cells.problemsOf(key).isEmpty()) {
            cells.problem(key, "is required (0 when there is none)");
        }
        return amount;
    }
}
