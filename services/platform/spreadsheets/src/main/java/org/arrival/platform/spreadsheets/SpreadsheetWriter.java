package org.arrival.platform.spreadsheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as an XLSX workbook or a CSV file. In a workbook the heading and key rows are frozen above
 * the data, the headings bold and the keys grey; a column with a list of choices gets a drop-down list (kept on a
 * hidden sheet, so a list of any length fits) that refuses other values; a date column holds date cells. Text is
 * always written as text, never as a formula. In CSV, a cell that a spreadsheet program would take for a formula is
 * written with a leading apostrophe, which {@link SpreadsheetReader} removes again.
 */
public final class SpreadsheetWriter {

    /** How far below the data the drop-down lists reach, so that rows people add get them too. */
    public static final int ROWS_FOR_ADDITIONS = 1_000;

    private static final String LISTS_SHEET = "Lists";

    private SpreadsheetWriter() {}

    /**
     * A workbook of one visible sheet. {@code choices} maps a key to the values its column may hold; a key in
     * {@code dateKeys} has its ISO date cells written as dates (anything else in it as text).
     */
    public static byte[] xlsx(Table table, String sheetName, Map<String, List<String>> choices, Set<String> dateKeys) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle headingStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headingStyle.setFont(bold);
            headingStyle.setBorderBottom(BorderStyle.THIN);
            CellStyle keyStyle = workbook.createCellStyle();
            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            keyStyle.setFont(grey);
            keyStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            keyStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));

            writeRow(sheet.createRow(0), table.headings(), headingStyle);
            writeRow(sheet.createRow(1), table.keys(), keyStyle);
            int r = 2;
            for (Table.Row row : table.rows()) {
                Row out0 = sheet.createRow(r++);
                for (int c = 0; c < row.cells().size(); c++) {
                    String value = row.cells().get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = out0.createCell(c);
                    LocalDate date = c < table.keys().size()
                                    && dateKeys.contains(table.keys().get(c))
                            ? date(value)
                            : null;
                    if (date != null) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            sheet.createFreezePane(0, 2);
            for (int c = 0; c < table.keys().size(); c++) {
                int width = Math.max(
                        table.keys().get(c).length(),
                        c < table.headings().size() ? table.headings().get(c).length() : 0);
                sheet.setColumnWidth(c, Math.min(60, Math.max(12, width + 2)) * 256);
            }
            addChoices(workbook, sheet, table, choices, r);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addChoices(
            XSSFWorkbook workbook, XSSFSheet sheet, Table table, Map<String, List<String>> choices, int lastRow) {
        if (choices.isEmpty()) {
            return;
        }
        XSSFSheet lists = workbook.createSheet(LISTS_SHEET);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int listColumn = 0;
        for (int c = 0; c < table.keys().size(); c++) {
            List<String> values = choices.get(table.keys().get(c));
            if (values == null || values.isEmpty()) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                row.createCell(listColumn).setCellValue(values.get(i));
            }
            String letters = Table.columnName(listColumn);
            String range = LISTS_SHEET + "!$" + letters + "$1:$" + letters + "$" + values.size();
            DataValidation validation = helper.createValidation(
                    helper.createFormulaListConstraint(range),
                    new CellRangeAddressList(2, lastRow + ROWS_FOR_ADDITIONS, c, c));
            validation.setShowErrorBox(true);
            validation.setEmptyCellAllowed(true);
            validation.setSuppressDropDownArrow(true);
            validation.createErrorBox("", "Choose a value from the list");
            sheet.addValidationData(validation);
            listColumn++;
        }
        workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
    }

    private static void writeRow(Row row, List<String> cells, CellStyle style) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(cells.get(c));
            cell.setCellStyle(style);
        }
    }

    private static @Nullable LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The table as UTF-8 CSV (RFC 4180, CRLF line ends), with a byte order mark so spreadsheet programs read it. */
    public static byte[] csv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(table.headings().stream().map(SpreadsheetWriter::protectedCell));
            printer.printRecord(table.keys().stream().map(SpreadsheetWriter::protectedCell));
            for (Table.Row row : table.rows()) {
                printer.printRecord(row.cells().stream().map(SpreadsheetWriter::protectedCell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A plain CSV file of one heading row and the rows below it (a report, not a table to import again). */
    public static byte[] csv(List<String> headings, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(headings.stream().map(SpreadsheetWriter::protectedCell));
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetWriter::protectedCell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String protectedCell(String value) {
        return looksLikeFormula(value) ? "'" + value : value;
    }

    /** Text a spreadsheet program would run as a formula when it opens a CSV file; negative numbers excepted. */
    static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return first == '-' && !value.matches("-[0-9]+(\\.[0-9]+)?");
    }
}
