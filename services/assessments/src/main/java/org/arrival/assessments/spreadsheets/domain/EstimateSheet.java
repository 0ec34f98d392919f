package org.arrival.assessments.spreadsheets.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.jspecify.annotations.Nullable;

/**
 * The spreadsheet of an organisation's population estimates in a forum, its counts exact (the owner's own; readers
 * get them through disclosure control elsewhere). A breakdown is not in the sheet: an update keeps it as it is.
 */
public final class EstimateSheet {

    public static final String SHEET_NAME = "Population estimates";
    public static final int MAX_SERIES_ID = 100;
    public static final int MAX_SOURCE = 500;
    public static final int MAX_METHOD = 500;

    public static final String ID = SheetRow.ID;
    public static final String VERSION = SheetRow.VERSION;
    public static final String SERIES_ID = "seriesId";
    public static final String GROUP = "group";
    public static final String REGISTERED = "registered";
    public static final String ESTIMATED = "estimated";
    public static final String SOURCE = "source";
    public static final String METHOD = "method";
    public static final String AS_OF = "asOf";
    public static final String CLASSIFICATION = "classification";

    /** The keys, in the order they are exported. */
    public static final List<String> KEYS = List.of(
            ID,
            VERSION,
            SERIES_ID,
            AreaCells.COUNTRY,
            AreaCells.SUBDIVISION,
            AreaCells.AREA_CODE,
            AreaCells.AREA_NAME,
            GROUP,
            REGISTERED,
            ESTIMATED,
            SOURCE,
            METHOD,
            AS_OF,
            CLASSIFICATION);

    public static final Set<String> DATE_KEYS = Set.of(AS_OF);

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en",
            List.of(
                    "Estimate id (leave empty for a new estimate)",
                    "Version",
                    "Series id",
                    "Country (ISO code, such as UG)",
                    "Subdivision (ISO code, such as UG-C)",
                    "Area code",
                    "Area name",
                    "Population group",
                    "Registered (exact count)",
                    "Estimated (exact count)",
                    "Source",
                    "Method",
                    "As of",
                    "Who may read it"),
            "fr",
            List.of(
                    "Identifiant de l'estimation (vide pour une nouvelle estimation)",
                    "Version",
                    "Identifiant de la série",
                    "Pays (code ISO, par exemple UG)",
                    "Subdivision (code ISO, par exemple UG-C)",
                    "Code de la zone",
                    "Nom de la zone",
                    "Groupe de population",
                    "Enregistrés (nombre exact)",
                    "Estimés (nombre exact)",
                    "Source",
                    "Méthode",
                    "En date du",
                    "Qui peut la lire"),
            "es",
            List.of(
                    "Identificador de la estimación (vacío para una estimación nueva)",
                    "Versión",
                    "Identificador de la serie",
                    "País (código ISO, como UG)",
                    "Subdivisión (código ISO, como UG-C)",
                    "Código de la zona",
                    "Nombre de la zona",
                    "Grupo de población",
                    "Registrados (cifra exacta)",
                    "Estimados (cifra exacta)",
                    "Fuente",
                    "Método",
                    "Fecha de referencia",
                    "Quién puede leerla"),
            "ar",
            List.of(
                    "معرّف التقدير (اتركه فارغًا لتقدير جديد)",
                    "الإصدار",
                    "معرّف السلسلة",
                    "البلد (رمز ISO مثل UG)",
                    "التقسيم الإداري (رمز ISO مثل UG-C)",
                    "رمز المنطقة",
                    "اسم المنطقة",
                    "الفئة السكانية",
                    "المسجّلون (العدد الدقيق)",
                    "المقدَّر (العدد الدقيق)",
                    "المصدر",
                    "المنهجية",
                    "بتاريخ",
                    "من يمكنه قراءته"));

    /** The sheet's name and columns. */
    public static final SheetColumns COLUMNS = new SheetColumns(SHEET_NAME, KEYS, HEADINGS, choices(), DATE_KEYS);

    private EstimateSheet() {}

    /** The headings in a language (en, fr, es, ar); English for any other. */
    public static List<String> headings(@Nullable Locale locale) {
        return COLUMNS.headings(locale);
    }

    /** The drop-down lists of the columns that hold one value of a list. */
    public static Map<String, List<String>> choices() {
        return Map.of(
                GROUP, RowCells.names(PopulationGroup.class),
                CLASSIFICATION, RowCells.names(DataClassification.class));
    }

    /** Reads one data row; every cell is checked, so the person sees all of a row's problems at once. */
    public static RowReading<EstimateValues> read(Table table, Table.Row row) {
        SheetRow sheetRow = new SheetRow(table, row, "an estimate");
        RowCells cells = sheetRow.cells();
        String series = cells.code(SERIES_ID, MAX_SERIES_ID);
        Jurisdiction area = AreaCells.read(cells);
        PopulationGroup group = cells.choice(GROUP, PopulationGroup.class);
        SheetRow.required(cells, GROUP, group);
        Long registered = cells.whole(REGISTERED, 0, Integer.MAX_VALUE);
        Long estimated = cells.whole(ESTIMATED, 0, Integer.MAX_VALUE);
        if (registered == null && estimated == null && cells.fine(REGISTERED) && cells.fine(ESTIMATED)) {
            cells.problem(ESTIMATED, "give the registered count, the estimated count or both");
        }
        String source = cells.text(SOURCE, MAX_SOURCE);
        SheetRow.required(cells, SOURCE, source, "must not be blank");
        String method = cells.text(METHOD, MAX_METHOD);
        LocalDate asOf = cells.date(AS_OF);
        SheetRow.required(cells, AS_OF, asOf);
        DataClassification classification = cells.choice(CLASSIFICATION, DataClassification.class);
        EstimateValues values = area == null
                        || group == null
                        || source == null
                        || asOf == null
                        || !cells.problems().isEmpty()
                ? null
                : new EstimateValues(
                        series,
                        area,
                        group,
                        registered == null ? null : registered.intValue(),
                        estimated == null ? null : estimated.intValue(),
                        source,
                        method,
                        asOf,
                        classification);
        String title = group == null || area == null ? null : title(group, area, asOf);
        return sheetRow.reading(title, values);
    }

    /** An estimate as a row's label shows it: its group, area and date. */
    public static String title(PopulationGroup group, Jurisdiction area, @Nullable LocalDate asOf) {
        return group.name() + ", " + AreaCells.label(area) + (asOf == null ? "" : ", " + asOf);
    }

    /** An estimate's cells as the export writes them. */
    public static List<String> exported(
            UUID id,
            long version,
            @Nullable String seriesId,
            Jurisdiction area,
            PopulationGroup group,
            @Nullable Integer registered,
            @Nullable Integer estimated,
            String source,
            @Nullable String method,
            LocalDate asOf,
            DataClassification classification) {
        List<String> cells = new ArrayList<>(List.of(id.toString(), Long.toString(version), AreaCells.text(seriesId)));
        cells.addAll(AreaCells.exported(area));
        cells.addAll(List.of(
                group.name(),
                AreaCells.text(registered),
                AreaCells.text(estimated),
                source,
                AreaCells.text(method),
                asOf.toString(),
                classification.name()));
        return cells;
    }
}
