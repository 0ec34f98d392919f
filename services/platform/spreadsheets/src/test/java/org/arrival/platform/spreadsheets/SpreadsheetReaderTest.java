package org.arrival.platform.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.arrival.platform.spreadsheets.SpreadsheetRefused.Reason;
import org.junit.jupiter.api.Test;

class SpreadsheetReaderTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final SpreadsheetReader reader = new SpreadsheetReader(SpreadsheetLimits.defaults());

    private static Table sample() {
        return new Table(
                List.of("Titre", "Début", "Genre"),
                List.of("title", "startDate", "kind"),
                List.of(
                        new Table.Row(3, List.of("=SUM(A1)", "2026-10-01", "PROJECT")),
                        new Table.Row(4, List.of("Classes, \"evening\"\nand weekend", "", "SERVICE"))));
    }

    @Test
    void aWorkbookReadsBackAsWrittenWithDatesAsIsoText() {
        byte[] xlsx = SpreadsheetWriter.xlsx(
                sample(), "Actions", Map.of("kind", List.of("PROJECT", "SERVICE")), Set.of("startDate"));

        assertThat(reader.detect(xlsx)).isEqualTo(SpreadsheetFormat.XLSX);
        Table read = reader.read(xlsx);

        assertThat(read.headings()).containsExactly("Titre", "Début", "Genre");
        assertThat(read.keys()).containsExactly("title", "startDate", "kind");
        assertThat(read.rows()).hasSize(2);
        assertThat(read.rows().get(0).number()).isEqualTo(3);
        // text that looks like a formula is written as text and read back as text
        assertThat(read.rows().get(0).cells()).containsExactly("=SUM(A1)", "2026-10-01", "PROJECT");
        assertThat(read.rows().get(1).cell(0)).isEqualTo("Classes, \"evening\"\nand weekend");
        assertThat(read.rows().get(1).cell(1)).isEmpty();
    }

    @Test
    void aWorkbookHasBoldFrozenHeadingsDateCellsAndDropDownLists() throws IOException {
        byte[] xlsx = SpreadsheetWriter.xlsx(
                sample(), "Actions", Map.of("kind", List.of("PROJECT", "SERVICE")), Set.of("startDate"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheet("Actions");
            assertThat(workbook.getFontAt(
                                    sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getRow(2).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .hasToString("2026-10-01");
            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).hasSize(1);
            assertThat(validations
                            .getFirst()
                            .getRegions()
                            .getCellRangeAddress(0)
                            .getFirstColumn())
                    .isEqualTo(2);
            assertThat(validations.getFirst().getValidationConstraint().getFormula1())
                    .isEqualTo("Lists!$A$1:$A$2");
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex("Lists"))).isTrue();
        }
    }

    @Test
    void aCsvFileReadsBackAsWrittenAndFormulaLookingCellsAreProtected() {
        byte[] csv = SpreadsheetWriter.csv(sample());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("'=SUM(A1)");

        assertThat(reader.detect(csv)).isEqualTo(SpreadsheetFormat.CSV);
        Table read = reader.read(csv);
        assertThat(read.keys()).containsExactly("title", "startDate", "kind");
        assertThat(read.rows().get(0).cells()).containsExactly("=SUM(A1)", "2026-10-01", "PROJECT");
        assertThat(read.rows().get(1).cell(0)).isEqualTo("Classes, \"evening\"\nand weekend");
        assertThat(read.rows().get(1).number()).isEqualTo(4);
    }

    @Test
    void aFormulaIsReadAsItsCachedValueAndNeverEvaluated() {
        // one formula in the workbook, one through an external link: both give the value the file cached
        byte[] xlsx = withSheet(sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>title</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>percentComplete</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>CONCATENATE(\"a\",\"b\")</f><v>cached text</v></c>"
                + "<c r=\"B3\"><f>1+1</f><v>40</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>[1]Sheet1!A1</f><v>from a link</v></c>"
                + "<c r=\"B4\"><f>WEBSERVICE(\"http://127.0.0.1:1/x\")</f><v>7</v></c></row>"));

        Table read = reader.read(xlsx);

        assertThat(read.keys()).containsExactly("title", "percentComplete");
        assertThat(read.rows().get(0).cells()).containsExactly("cached text", "40");
        assertThat(read.rows().get(1).cells()).containsExactly("from a link", "7");
    }

    @Test
    void aZipBombIsRefused() {
        // a sheet that inflates 1,000 times (a few kilobytes in the file, 20 MB once inflated)
        String padding = " ".repeat(20 * 1024 * 1024);
        byte[] bomb = withSheet(sheetXml(padding));
        assertThat(bomb.length).isLessThan(200 * 1024);

        assertThatThrownBy(() -> reader.read(bomb))
                .isInstanceOf(SpreadsheetRefused.class)
                .extracting(e -> ((SpreadsheetRefused) e).reason())
                .isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void anEntryInflatingBeyondTheLimitIsRefusedEvenAtAPlausibleRatio() {
        SpreadsheetReader small = new SpreadsheetReader(new SpreadsheetLimits(5_000_000, 10_000, 64 * 1024));
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 4000; i++) {
            rows.append("<row r=\"")
                    .append(i)
                    .append("\"><c r=\"A")
                    .append(i)
                    .append("\"><v>")
                    .append(i * 7919L % 100_003)
                    .append("</v></c></row>");
        }
        byte[] xlsx = withSheet(sheetXml(rows.toString()));
        try {
            assertThatThrownBy(() -> small.read(xlsx))
                    .isInstanceOf(SpreadsheetRefused.class)
                    .extracting(e -> ((SpreadsheetRefused) e).reason())
                    .isEqualTo(Reason.UNREADABLE);
        } finally {
            new SpreadsheetReader(SpreadsheetLimits.defaults());
        }
    }

    @Test
    void anXmlExternalEntityIsNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + "&secret;</t></is></c></row></sheetData></worksheet>";
        byte[] xlsx = withSheet(xxe);

        assertThatThrownBy(() -> reader.read(xlsx))
                .isInstanceOf(SpreadsheetRefused.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"))
                .extracting(e -> ((SpreadsheetRefused) e).reason())
                .isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void anXmlEntityBombIsRefused() {
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [" + entities + "]><worksheet xmlns=\"" + MAIN
                + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a9;</t></is></c></row>"
                + "</sheetData></worksheet>";
        byte[] inSheet = withSheet(bomb);
        byte[] inSharedStrings = rezip(workbook(), Map.of("xl/sharedStrings.xml", bomb.replace("worksheet", "sst")));

        assertThatThrownBy(() -> reader.read(inSheet)).isInstanceOf(SpreadsheetRefused.class);
        assertThatThrownBy(() -> reader.read(inSharedStrings)).isInstanceOf(SpreadsheetRefused.class);
    }

    @Test
    void aFileOverTheRowLimitIsRefusedSayingTheLimit() {
        SpreadsheetReader fiveRows = new SpreadsheetReader(new SpreadsheetLimits(5_000_000, 5, 100 * 1024 * 1024));
        List<Table.Row> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new Table.Row(i + 3, List.of("row " + i)))
                .toList();
        Table table = new Table(List.of("Title"), List.of("title"), six);
        Table five = new Table(List.of("Title"), List.of("title"), six.subList(0, 5));

        for (byte[] file :
                List.of(SpreadsheetWriter.xlsx(table, "Actions", Map.of(), Set.of()), SpreadsheetWriter.csv(table))) {
            assertThatThrownBy(() -> fiveRows.read(file))
                    .isInstanceOf(SpreadsheetRefused.class)
                    .hasMessageContaining("more than 5 rows")
                    .extracting(e -> ((SpreadsheetRefused) e).reason())
                    .isEqualTo(Reason.TOO_MANY_ROWS);
        }
        assertThat(fiveRows.read(SpreadsheetWriter.xlsx(five, "Actions", Map.of(), Set.of()))
                        .rows())
                .hasSize(5);
        assertThat(fiveRows.read(SpreadsheetWriter.csv(five)).rows()).hasSize(5);
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        SpreadsheetReader tiny = new SpreadsheetReader(new SpreadsheetLimits(100, 10, 100 * 1024 * 1024));
        byte[] csv = SpreadsheetWriter.csv(sample());
        assertThatThrownBy(() -> tiny.read(csv))
                .isInstanceOf(SpreadsheetRefused.class)
                .extracting(e -> ((SpreadsheetRefused) e).reason())
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void macroEnabledAndLegacyWorkbooksAndOtherFilesAreRefusedByTheirContent() throws IOException {
        byte[] xlsm = rezip(
                workbook(),
                Map.of(
                        "[Content_Types].xml",
                        contentTypes()
                                .replace(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml")));
        byte[] xls;
        try (HSSFWorkbook legacy = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            legacy.createSheet("Actions").createRow(0).createCell(0).setCellValue("title");
            legacy.write(out);
            xls = out.toByteArray();
        }
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff};
        byte[] docx = rezip(
                workbook(),
                Map.of(
                        "[Content_Types].xml",
                        contentTypes()
                                .replace(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")));

        for (byte[] file : List.of(xlsm, xls, png, docx)) {
            assertThatThrownBy(() -> reader.read(file))
                    .isInstanceOf(SpreadsheetRefused.class)
                    .extracting(e -> ((SpreadsheetRefused) e).reason())
                    .isEqualTo(Reason.UNSUPPORTED_TYPE);
        }
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedNamingItsAddress() {
        String long40k = "x".repeat(40_000);
        byte[] xlsx = withSheet(sheetXml(headings()
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>ok</t></is></c>"
                + "<c r=\"B3\" t=\"inlineStr\"><is><t>" + long40k + "</t></is></c></row>"));
        byte[] csv = ("title,kind\ntitle,kind\nok," + long40k + "\n").getBytes(StandardCharsets.UTF_8);

        for (byte[] file : List.of(xlsx, csv)) {
            assertThatThrownBy(() -> reader.read(file))
                    .isInstanceOf(SpreadsheetRefused.class)
                    .hasMessageContaining("Cell B3")
                    .hasMessageContaining("32,767")
                    .extracting(e -> ((SpreadsheetRefused) e).reason())
                    .isEqualTo(Reason.UNREADABLE);
        }
        // a cell of exactly 32,767 characters is read
        String longest = "y".repeat(SpreadsheetReader.MAX_CELL_CHARS);
        assertThat(reader.read(("title\ntitle\n" + longest + "\n").getBytes(StandardCharsets.UTF_8))
                        .rows()
                        .getFirst()
                        .cell(0))
                .hasSize(32_767);
    }

    @Test
    void aLongSharedStringReusedInManyCellsIsRefused() {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
                + "\" count=\"3\" uniqueCount=\"3\"><si><t>" + "z".repeat(40_000) + "</t></si>"
                + "<si><t>title</t></si><si><t>kind</t></si></sst>";
        StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>2</v></c></row>");
        for (int r = 3; r < 1_000; r++) {
            rows.append("<row r=\"").append(r).append("\">");
            rows.append("<c r=\"A").append(r).append("\" t=\"s\"><v>1</v></c>");
            rows.append("<c r=\"B").append(r).append("\" t=\"s\"><v>0</v></c>");
            rows.append("</row>");
        }
        byte[] xlsx = rezip(workbook(), Map.of("xl/sharedStrings.xml", sst, SHEET, sheetXml(rows.toString())));

        assertThatThrownBy(() -> reader.read(xlsx))
                .isInstanceOf(SpreadsheetRefused.class)
                .hasMessageContaining("Cell B3")
                .extracting(e -> ((SpreadsheetRefused) e).reason())
                .isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void blankRowsAreSkippedAndNotCountedTowardsTheRowLimit() {
        SpreadsheetReader twoRows = new SpreadsheetReader(new SpreadsheetLimits(5_000_000, 2, 100 * 1024 * 1024));
        byte[] xlsx = withSheet(sheetXml(headings()
                + "<row r=\"3\"/>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>first</t></is></c></row>"
                + "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t> </t></is></c>"
                + "<c r=\"B5\" t=\"inlineStr\"><is><t></t></is></c></row>"
                + "<row r=\"6\" ht=\"20\" customHeight=\"1\"/>"
                + "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>second</t></is></c></row>"
                + "<row r=\"8\"/>"));
        byte[] csv = "title,kind\ntitle,kind\n,\nfirst,\n\n , \n,second\n,\n".getBytes(StandardCharsets.UTF_8);

        Table fromXlsx = twoRows.read(xlsx);
        assertThat(fromXlsx.rows()).extracting(Table.Row::number).containsExactly(4, 7);
        assertThat(fromXlsx.rows().get(1).cell(1)).isEqualTo("second");
        Table fromCsv = twoRows.read(csv);
        assertThat(fromCsv.rows()).extracting(Table.Row::number).containsExactly(4, 7);
        assertThat(fromCsv.rows().get(1).cell(1)).isEqualTo("second");
    }

    @Test
    void cellsLandInTheColumnTheirReferenceNamesWhateverTheirOrderInTheFile() {
        byte[] xlsx = withSheet(sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Title</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>Kind</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>Start</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>title</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>kind</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>startDate</t></is></c></row>"
                + "<row r=\"3\"><c r=\"C3\" t=\"inlineStr\"><is><t>2026-10-01</t></is></c>"
                + "<c r=\"B3\" t=\"inlineStr\"><is><t>PROJECT</t></is></c></row>"));

        Table read = reader.read(xlsx);

        Table.Row row = read.rows().getFirst();
        assertThat(row.cell(read.column("title"))).isEmpty();
        assertThat(row.cell(read.column("kind"))).isEqualTo("PROJECT");
        assertThat(row.cell(read.column("startDate"))).isEqualTo("2026-10-01");
    }

    @Test
    void aRowNamingTheSameCellTwiceIsRefusedNamingTheCell() {
        byte[] xlsx = withSheet(sheetXml(headings()
                + "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>PROJECT</t></is></c>"
                + "<c r=\"A3\" t=\"inlineStr\"><is><t>a title</t></is></c>"
                + "<c r=\"B3\" t=\"inlineStr\"><is><t>SERVICE</t></is></c></row>"));

        assertThatThrownBy(() -> reader.read(xlsx))
                .isInstanceOf(SpreadsheetRefused.class)
                .hasMessageContaining("Cell B3")
                .extracting(e -> ((SpreadsheetRefused) e).reason())
                .isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void cellAddressesAreWrittenAsSpreadsheetsDo() {
        assertThat(Table.address(0, 3)).isEqualTo("A3");
        assertThat(Table.address(4, 7)).isEqualTo("E7");
        assertThat(Table.address(26, 10)).isEqualTo("AA10");
        assertThat(Table.address(701, 1)).isEqualTo("ZZ1");
    }

    private static byte[] workbook() {
        return SpreadsheetWriter.xlsx(sample(), "Actions", Map.of(), Set.of());
    }

    private String contentTypes() {
        return entries(workbook()).get("[Content_Types].xml");
    }

    private static String headings() {
        return "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Title</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>Kind</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>title</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>kind</t></is></c></row>";
    }

    private static String sheetXml(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows
                + "</sheetData></worksheet>";
    }

    private static byte[] withSheet(String xml) {
        return rezip(workbook(), Map.of(SHEET, xml));
    }

    private static Map<String, String> entries(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    /** The package with some entries replaced (or added). */
    private static byte[] rezip(byte[] zip, Map<String, String> replaced) {
        Map<String, String> entries = entries(zip);
        entries.putAll(replaced);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
