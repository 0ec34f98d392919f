package org.arrival.platform.spreadsheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook, or a CSV file, into a {@link Table}: row 1 holds the headings, row 2 the
 * keys, the rows below the data. What the file is comes from its content, never its name: a zip package whose main
 * part is a workbook without macros is XLSX, an OLE2 file (a legacy .xls) or a macro-enabled workbook (.xlsm) is
 * refused, and text that is valid UTF-8 is CSV.
 * <p>
 * Safely: the file's size and its data rows are limited; a workbook is read as a stream of XML events (never loaded
 * whole) with POI's hardened XML parser (no document types, so no entity expansion nor external entities); its zip
 * entries may not inflate beyond a limit nor at a ratio that betrays a zip bomb; formulas give the value the file
 * cached when it was saved, they are never evaluated, so no external link is ever followed; macros are never read.
 */
public final class SpreadsheetReader {

    /** A zip entry that inflates more than 100 times is a zip bomb (POI's default; set here so it is explicit). */
    public static final double MIN_INFLATE_RATIO = 0.01;

    public static final int MAX_COLUMNS = 256;

    /** The most characters a cell holds, as in Excel itself; a longer cell (in a CSV file, say) is refused. */
    public static final int MAX_CELL_CHARS = 32_767;

    private static final int HEADING_ROWS = 2;

    private final SpreadsheetLimits limits;

    public SpreadsheetReader(SpreadsheetLimits limits) {
        this.limits = limits;
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(limits.maxInflatedEntryBytes());
    }

    /** The format the content is, by its content; refused if it is neither. */
    public SpreadsheetFormat detect(byte[] content) {
        requireSize(content);
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        return switch (magic) {
            case OOXML -> SpreadsheetFormat.XLSX;
            case OLE2 ->
                throw new SpreadsheetRefused(
                        SpreadsheetRefused.Reason.UNSUPPORTED_TYPE,
                        "The file is a legacy Excel workbook (.xls) or an encrypted file; save it as .xlsx or .csv");
            default -> {
                if (isText(content)) {
                    yield SpreadsheetFormat.CSV;
                }
                throw new SpreadsheetRefused(
                        SpreadsheetRefused.Reason.UNSUPPORTED_TYPE,
                        "The file is neither an Excel workbook (.xlsx) nor a CSV file in UTF-8");
            }
        };
    }

    /** The table the file holds. */
    public Table read(byte[] content) {
        return switch (detect(content)) {
            case XLSX -> readXlsx(content);
            case CSV -> readCsv(content);
        };
    }

    private void requireSize(byte[] content) {
        if (content.length > limits.maxBytes()) {
            throw new SpreadsheetRefused(
                    SpreadsheetRefused.Reason.TOO_LARGE,
                    "The file is larger than " + limits.maxBytes() + " bytes, the most that is read");
        }
        if (content.length == 0) {
            throw new SpreadsheetRefused(SpreadsheetRefused.Reason.UNREADABLE, "The file is empty");
        }
    }

    private static boolean isText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.indexOf('\0') < 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private Table readXlsx(byte[] content) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            requireWorkbookWithoutMacros(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new SpreadsheetRefused(SpreadsheetRefused.Reason.UNREADABLE, "The workbook has no sheet");
            }
            Collector collector = new Collector();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(
                        new XSSFSheetXMLHandler(styles, null, strings, collector, new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
            return collector.table();
        } catch (SpreadsheetRefused e) {
            throw e;
        } catch (Stop e) {
            throw e.refusal;
        } catch (Exception e) {
            throw unreadable(e);
        }
    }

    private static SpreadsheetRefused unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Stop stop) {
                return stop.refusal;
            }
            if (t instanceof SpreadsheetRefused refused) {
                return refused;
            }
        }
        return new SpreadsheetRefused(
                SpreadsheetRefused.Reason.UNREADABLE,
                "The workbook cannot be read: it is damaged, or built so that reading it would exhaust the reader",
                e);
    }

    private static void requireWorkbookWithoutMacros(OPCPackage pkg) {
        var main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.size() != 1) {
            throw new SpreadsheetRefused(
                    SpreadsheetRefused.Reason.UNSUPPORTED_TYPE, "The file is not an Excel workbook (.xlsx)");
        }
        PackagePart part;
        try {
            part = pkg.getPart(main.getRelationship(0));
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        String type = part == null ? "" : part.getContentType();
        if (XSSFRelation.MACROS_WORKBOOK.getContentType().equals(type)) {
            throw new SpreadsheetRefused(
                    SpreadsheetRefused.Reason.UNSUPPORTED_TYPE,
                    "The file is a macro-enabled workbook (.xlsm); save it as .xlsx (without macros)");
        }
        if (!XSSFRelation.WORKBOOK.getContentType().equals(type)) {
            throw new SpreadsheetRefused(
                    SpreadsheetRefused.Reason.UNSUPPORTED_TYPE,
                    "The file is not an Excel workbook (.xlsx) but " + type.toLowerCase(Locale.ROOT));
        }
    }

    private Table readCsv(byte[] content) {
        int start = content.length >= 3
                        && (content[0] & 0xff) == 0xEF
                        && (content[1] & 0xff) == 0xBB
                        && (content[2] & 0xff) == 0xBF
                ? 3
                : 0;
        CSVFormat format =
                CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int dataRows = 0;
        try (Reader in = new InputStreamReader(
                        new ByteArrayInputStream(content, start, content.length - start), StandardCharsets.UTF_8);
                CSVParser parser =
                        CSVParser.builder().setReader(in).setFormat(format).get()) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (record.size() > MAX_COLUMNS) {
                    throw tooManyColumns();
                }
                List<String> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    if (value.length() > MAX_CELL_CHARS) {
                        throw cellTooLong(cells.size(), number);
                    }
                    cells.add(unprotected(value));
                }
                boolean blank = cells.stream().allMatch(String::isBlank);
                if (number > HEADING_ROWS) {
                    if (blank) {
                        continue; // an empty row is neither kept nor counted
                    }
                    dataRows++;
                    if (dataRows > limits.maxRows()) {
                        throw tooManyRows();
                    }
                }
                rows.add(blank ? List.of() : cells);
                numbers.add(number);
            }
        } catch (SpreadsheetRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SpreadsheetRefused(
                    SpreadsheetRefused.Reason.UNREADABLE, "The CSV file cannot be read: " + e.getMessage(), e);
        }
        return tableOf(rows, numbers);
    }

    /** A cell a CSV writer protected against formula injection ({@link SpreadsheetWriter}) is read as written. */
    static String unprotected(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && SpreadsheetWriter.looksLikeFormula(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }

    private SpreadsheetRefused tooManyRows() {
        return new SpreadsheetRefused(
                SpreadsheetRefused.Reason.TOO_MANY_ROWS,
                "The file has more than " + limits.maxRows() + " rows below its two heading rows, the most that is"
                        + " read at once; split it into several files");
    }

    private static SpreadsheetRefused cellTooLong(int column, int rowNumber) {
        return new SpreadsheetRefused(
                SpreadsheetRefused.Reason.UNREADABLE,
                "Cell " + Table.address(column, rowNumber) + " holds more than 32,767 characters, the most a"
                        + " spreadsheet cell holds");
    }

    private static SpreadsheetRefused sameCellTwice(String cellReference) {
        return new SpreadsheetRefused(
                SpreadsheetRefused.Reason.UNREADABLE,
                "Cell " + cellReference + " appears more than once in its row; the file is damaged");
    }

    private static SpreadsheetRefused tooManyColumns() {
        return new SpreadsheetRefused(
                SpreadsheetRefused.Reason.UNREADABLE, "The file has more than " + MAX_COLUMNS + " columns");
    }

    private static Table tableOf(List<List<String>> rows, List<Integer> numbers) {
        List<String> headings = rows.isEmpty() ? List.of() : trimmed(rows.get(0));
        List<String> keys = rows.size() < 2 ? List.of() : trimmed(rows.get(1));
        List<Table.Row> data = new ArrayList<>();
        for (int i = HEADING_ROWS; i < rows.size(); i++) {
            Table.Row row = new Table.Row(numbers.get(i), rows.get(i));
            if (!row.blank()) {
                data.add(row);
            }
        }
        return new Table(headings, keys, data);
    }

    private static List<String> trimmed(List<String> cells) {
        List<String> out = new ArrayList<>(cells.stream().map(String::strip).toList());
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    /** Thrown out of the XML parser to stop reading at once; carries the refusal. */
    private static final class Stop extends RuntimeException {
        private final SpreadsheetRefused refusal;

        Stop(SpreadsheetRefused refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /**
     * Collects the rows of a sheet as the parser reads them, each cell in the column its reference names, stopping at
     * the row limit. Rows without any text are neither kept nor counted.
     */
    private final class Collector implements SheetContentsHandler {

        private final List<List<String>> rows = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private final BitSet filled = new BitSet(MAX_COLUMNS);
        private @Nullable List<String> current;
        private int dataRows;
        private int rowNumber;

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            current = new ArrayList<>();
            filled.clear();
        }

        @Override
        public void endRow(int rowNum) {
            List<String> row = current == null ? List.of() : current;
            current = null;
            if (row.stream().allMatch(String::isBlank)) {
                return; // a formatted but empty row counts for nothing and is not kept
            }
            if (rowNum >= HEADING_ROWS) {
                dataRows++;
                if (dataRows > limits.maxRows()) {
                    throw new Stop(tooManyRows());
                }
            }
            rows.add(row);
            numbers.add(rowNum + 1);
        }

        @Override
        public void cell(String cellReference, @Nullable String formattedValue, @Nullable XSSFComment comment) {
            List<String> row = current;
            if (row == null) {
                return;
            }
            int column = new CellReference(cellReference).getCol();
            if (column < 0 || column >= MAX_COLUMNS) {
                throw new Stop(tooManyColumns());
            }
            if (filled.get(column)) {
                throw new Stop(sameCellTwice(cellReference));
            }
            filled.set(column);
            String value = formattedValue == null ? "" : formattedValue;
            if (value.length() > MAX_CELL_CHARS) {
                throw new Stop(cellTooLong(column, rowNumber));
            }
            while (row.size() <= column) {
                row.add("");
            }
            row.set(column, value);
        }

        Table table() {
            // rows the sheet leaves out (never written) are missing; the headings are rows 1 and 2 by number
            List<List<String>> byPosition = new ArrayList<>();
            List<Integer> numbered = new ArrayList<>();
            for (int n = 1; n <= HEADING_ROWS; n++) {
                int i = numbers.indexOf(n);
                byPosition.add(i < 0 ? List.of() : rows.get(i));
                numbered.add(n);
            }
            for (int i = 0; i < rows.size(); i++) {
                if (numbers.get(i) > HEADING_ROWS) {
                    byPosition.add(rows.get(i));
                    numbered.add(numbers.get(i));
                }
            }
            return tableOf(byPosition, numbered);
        }
    }

    /** Date cells as ISO dates (2026-12-31), whatever format the file shows them in; other cells as shown. */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT)
                        ? at.toLocalDate().toString()
                        : at.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
