package org.arrival.assessments.spreadsheets.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.jspecify.annotations.Nullable;

/**
 * The spreadsheet of an organisation's needs in a forum: its columns (found by their keys in row 2, so headings may
 * be in any language and columns in any order), their headings in the reader's language, and how a row's cells are
 * read: each as the API reads the same field of a need, each problem naming its cell.
 */
public final class NeedSheet {

    public static final String SHEET_NAME = "Needs";
    public static final int MAX_STATEMENT = 2000;
    public static final int MAX_GROUPS = 15;
    public static final int MAX_BARRIERS = 11;
    public static final int MAX_REFERENCES = 50;
    public static final int MAX_REFERENCE = 500;
    private static final int MAX_TITLE = 80;

    public static final String ID = SheetRow.ID;
    public static final String VERSION = SheetRow.VERSION;
    public static final String STATEMENT = "statement";
    public static final String SECTOR = "sector";
    public static final String POPULATION_GROUPS = "populationGroups";
    public static final String SEVERITY = "severity";
    public static final String BARRIERS = "barriers";
    public static final String EVIDENCE_REFERENCES = "evidenceReferences";
    public static final String ROUND_ID = "roundId";
    public static final String CLASSIFICATION = "classification";

    /** The keys, in the order they are exported. */
    public static final List<String> KEYS = List.of(
            ID,
            VERSION,
            STATEMENT,
            SECTOR,
            POPULATION_GROUPS,
            AreaCells.COUNTRY,
            AreaCells.SUBDIVISION,
            AreaCells.AREA_CODE,
            AreaCells.AREA_NAME,
            SEVERITY,
            BARRIERS,
            EVIDENCE_REFERENCES,
            ROUND_ID,
            CLASSIFICATION);

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en",
            List.of(
                    "Need id (leave empty for a new need)",
                    "Version",
                    "What is lacking",
                    "Sector",
                    "Population groups (separated by ;)",
                    "Country (ISO code, such as UG)",
                    "Subdivision (ISO code, such as UG-C)",
                    "Area code",
                    "Area name",
                    "Severity",
                    "Barriers (separated by ;)",
                    "Evidence references (separated by ;)",
                    "Assessment round id",
                    "Who may read it"),
            "fr",
            List.of(
                    "Identifiant du besoin (vide pour un nouveau besoin)",
                    "Version",
                    "Ce qui manque",
                    "Secteur",
                    "Groupes de population (séparés par ;)",
                    "Pays (code ISO, par exemple UG)",
                    "Subdivision (code ISO, par exemple UG-C)",
                    "Code de la zone",
                    "Nom de la zone",
                    "Gravité",
                    "Obstacles (séparés par ;)",
                    "Références des sources (séparées par ;)",
                    "Identifiant du cycle d'évaluation",
                    "Qui peut le lire"),
            "es",
            List.of(
                    "Identificador de la necesidad (vacío para una necesidad nueva)",
                    "Versión",
                    "Lo que falta",
                    "Sector",
                    "Grupos de población (separados por ;)",
                    "País (código ISO, como UG)",
                    "Subdivisión (código ISO, como UG-C)",
                    "Código de la zona",
                    "Nombre de la zona",
                    "Gravedad",
                    "Obstáculos (separados por ;)",
                    "Referencias de las fuentes (separadas por ;)",
                    "Identificador de la ronda de evaluación",
                    "Quién puede leerlo"),
            "ar",
            List.of(
                    "معرّف الاحتياج (اتركه فارغًا لاحتياج جديد)",
                    "الإصدار",
                    "ما هو ناقص",
                    "القطاع",
                    "الفئات السكانية (مفصولة بـ ;)",
                    "البلد (رمز ISO مثل UG)",
                    "التقسيم الإداري (رمز ISO مثل UG-C)",
                    "رمز المنطقة",
                    "اسم المنطقة",
                    "درجة الخطورة",
                    "العوائق (مفصولة بـ ;)",
                    "مراجع الأدلة (مفصولة بـ ;)",
                    "معرّف جولة التقييم",
                    "من يمكنه قراءته"));

    /** The sheet's name and columns. */
    public static final SheetColumns COLUMNS = new SheetColumns(SHEET_NAME, KEYS, HEADINGS, choices(), Set.of());

    private NeedSheet() {}

    /** The headings in a language (en, fr, es, ar); English for any other. */
    public static List<String> headings(@Nullable Locale locale) {
        return COLUMNS.headings(locale);
    }

    /** The drop-down lists of the columns that hold one value of a list. */
    public static Map<String, List<String>> choices() {
        return Map.of(
                SECTOR, RowCells.names(Sector.class),
                SEVERITY, RowCells.names(Severity.class),
                CLASSIFICATION, RowCells.names(DataClassification.class));
    }

    /** Reads one data row; every cell is checked, so the person sees all of a row's problems at once. */
    public static RowReading<NeedValues> read(Table table, Table.Row row) {
        SheetRow sheetRow = new SheetRow(table, row, "a need");
        RowCells cells = sheetRow.cells();
        String statement = cells.text(STATEMENT, MAX_STATEMENT);
        SheetRow.required(cells, STATEMENT, statement, "must not be blank");
        Sector sector = cells.choice(SECTOR, Sector.class);
        SheetRow.required(cells, SECTOR, sector);
        List<PopulationGroup> groups = cells.choices(POPULATION_GROUPS, PopulationGroup.class, MAX_GROUPS);
        if (groups.isEmpty() && cells.fine(POPULATION_GROUPS)) {
            cells.problem(
                    POPULATION_GROUPS,
                    "name at least one population group, separated by ; ("
                            + String.join(", ", RowCells.names(PopulationGroup.class)) + ")");
        }
        Jurisdiction area = AreaCells.read(cells);
        Severity severity = cells.choice(SEVERITY, Severity.class);
        SheetRow.required(cells, SEVERITY, severity);
        List<BarrierType> barriers = cells.choices(BARRIERS, BarrierType.class, MAX_BARRIERS);
        List<String> references = cells.texts(EVIDENCE_REFERENCES, MAX_REFERENCE, MAX_REFERENCES);
        UUID round = cells.uuid(ROUND_ID);
        DataClassification classification = cells.choice(CLASSIFICATION, DataClassification.class);
        NeedValues values = statement == null
                        || sector == null
                        || groups.isEmpty()
                        || area == null
                        || severity == null
                        || !cells.problems().isEmpty()
                ? null
                : new NeedValues(
                        statement, sector, groups, area, severity, barriers, references, round, classification);
        return sheetRow.reading(title(statement), values);
    }

    /** A need as a row's label shows it: its statement, cut to 80 characters. */
    public static @Nullable String title(@Nullable String statement) {
        if (statement == null || statement.length() <= MAX_TITLE) {
            return statement;
        }
        int end = MAX_TITLE - 1;
        if (Character.isHighSurrogate(statement.charAt(end - 1))) {
            end--;
        }
        return statement.substring(0, end) + "…";
    }

    /** A need's cells as the export writes them. */
    public static List<String> exported(
            UUID id,
            long version,
            String statement,
            Sector sector,
            List<PopulationGroup> groups,
            Jurisdiction area,
            Severity severity,
            List<BarrierType> barriers,
            List<String> references,
            @Nullable UUID roundId,
            DataClassification classification) {
        List<String> cells = new ArrayList<>(
                List.of(id.toString(), Long.toString(version), statement, sector.name(), RowCells.joined(groups)));
        cells.addAll(AreaCells.exported(area));
        cells.addAll(List.of(
                severity.name(),
                RowCells.joined(barriers),
                RowCells.joined(references),
                AreaCells.text(roundId),
                classification.name()));
        return cells;
    }
}
