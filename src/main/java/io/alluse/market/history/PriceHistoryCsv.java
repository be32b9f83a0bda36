package io.alluse.market.history;

import io.alluse.domain.Symbol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads daily price files in the common download format, one symbol per file named after it
 * ({@code AAPL.csv}):
 * <pre>
 *   Date,Open,High,Low,Close,Adj Close,Volume
 *   2025-01-02,248.93,249.10,241.82,243.85,243.26,55740700
 * </pre>
 * A file is imported whole or not at all: every row is checked (seven columns, an ISO date,
 * positive numeric prices, High not below Low, a non-negative whole volume, dates strictly
 * increasing) and any problem rejects the file with a {@link PriceHistoryException} listing all
 * problems found (up to {@value #MAX_PROBLEMS}) with their line numbers. Blank lines are ignored.
 */
public final class PriceHistoryCsv {

    public static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume";
    static final int MAX_PROBLEMS = 50;
    private static final String[] COLUMNS = HEADER.split(",");

    private PriceHistoryCsv() {
    }

    /** Reads one file; the symbol is the file name without {@code .csv}. */
    public static PriceHistory read(Path file) throws PriceHistoryException, IOException {
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        if (!Symbol.isValid(base)) {
            throw new PriceHistoryException(name, List.of(new PriceHistoryException.Problem(0,
                    "the file name must be the ticker, e.g. AAPL.csv; '" + base + "' is not a ticker (1-5 letters)")));
        }
        return parse(name, Symbol.parse(base), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads several files, all or none: one bad file rejects the whole import. */
    public static Map<Symbol, PriceHistory> readAll(Collection<Path> files) throws PriceHistoryException, IOException {
        Map<Symbol, PriceHistory> histories = new LinkedHashMap<>();
        for (Path file : files) {
            PriceHistory h = read(file);
            if (histories.putIfAbsent(h.symbol(), h) != null) {
                throw new PriceHistoryException(file.getFileName().toString(), List.of(new PriceHistoryException.Problem(0,
                        "a second file for " + h.symbol() + "; import one file per symbol")));
            }
        }
        return Map.copyOf(histories);
    }

    /** Parses the text of one file; {@code source} names it in messages. */
    public static PriceHistory parse(String source, Symbol symbol, String text) throws PriceHistoryException {
        List<PriceHistoryException.Problem> problems = new ArrayList<>();
        List<DailyBar> bars = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        int headerLine = firstNonBlank(lines);
        if (headerLine < 0) {
            throw new PriceHistoryException(source, List.of(new PriceHistoryException.Problem(1,
                    "the file is empty; expected the header " + HEADER + " and one row per day")));
        }
        String header = stripBom(lines[headerLine]).trim();
        if (!isHeader(header)) {
            String first = header.split(",", -1)[0].trim();
            String message = looksLikeDate(first)
                    ? "the header line is missing; the first line must be " + HEADER
                    : "the header must be " + HEADER + ", found '" + header + "'";
            throw new PriceHistoryException(source, List.of(new PriceHistoryException.Problem(headerLine + 1, message)));
        }
        LocalDate previous = null;
        int previousLine = 0;
        for (int i = headerLine + 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            DailyBar bar = parseRow(lines[i], lineNumber, problems);
            if (bar == null) {
                continue;
            }
            if (previous != null && !bar.date().isAfter(previous)) {
                problems.add(new PriceHistoryException.Problem(lineNumber, bar.date().equals(previous)
                        ? "date " + bar.date() + " repeats line " + previousLine + "; each day must appear once"
                        : "date " + bar.date() + " comes after " + previous + " (line " + previousLine
                          + "); rows must be in increasing date order"));
            }
            previous = bar.date();
            previousLine = lineNumber;
            bars.add(bar);
        }
        if (problems.isEmpty() && bars.isEmpty()) {
            problems.add(new PriceHistoryException.Problem(headerLine + 1, "no price rows after the header"));
        }
        if (!problems.isEmpty()) {
            throw new PriceHistoryException(source, problems);
        }
        return new PriceHistory(symbol, bars);
    }

    private static DailyBar parseRow(String line, int lineNumber, List<PriceHistoryException.Problem> problems) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.length) {
            problems.add(new PriceHistoryException.Problem(lineNumber, "expected " + COLUMNS.length + " columns ("
                    + HEADER + "), found " + cells.length));
            return null;
        }
        int before = problems.size();
        LocalDate date = null;
        try {
            date = LocalDate.parse(cells[0].trim());
        } catch (DateTimeParseException e) {
            problems.add(new PriceHistoryException.Problem(lineNumber, "'" + cells[0].trim()
                    + "' is not a date; write dates as YYYY-MM-DD, e.g. 2025-01-02"));
        }
        double[] prices = new double[5];
        for (int c = 1; c <= 5; c++) {
            prices[c - 1] = price(cells[c], COLUMNS[c], lineNumber, problems);
        }
        long volume = volume(cells[6], lineNumber, problems);
        if (problems.size() == before && prices[1] < prices[2]) {
            problems.add(new PriceHistoryException.Problem(lineNumber, "High " + cells[2].trim() + " is below Low "
                    + cells[3].trim()));
        }
        if (problems.size() != before) {
            return null;
        }
        return new DailyBar(date, prices[0], prices[1], prices[2], prices[3], prices[4], volume);
    }

    private static double price(String cell, String column, int lineNumber, List<PriceHistoryException.Problem> problems) {
        String text = cell.trim();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            problems.add(new PriceHistoryException.Problem(lineNumber, column + " '" + text + "' is not a number"));
            return Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problems.add(new PriceHistoryException.Problem(lineNumber, column + " '" + text + "' is not a number"));
        } else if (value <= 0) {
            problems.add(new PriceHistoryException.Problem(lineNumber, column + " must be a positive price, was " + text));
        }
        return value;
    }

    private static long volume(String cell, int lineNumber, List<PriceHistoryException.Problem> problems) {
        String text = cell.trim();
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value) || value != Math.rint(value)) {
                problems.add(new PriceHistoryException.Problem(lineNumber, "Volume '" + text + "' is not a whole number of shares"));
            } else if (value < 0) {
                problems.add(new PriceHistoryException.Problem(lineNumber, "Volume must not be negative, was " + text));
            }
            return (long) value;
        } catch (NumberFormatException e) {
            problems.add(new PriceHistoryException.Problem(lineNumber, "Volume '" + text + "' is not a number"));
            return 0;
        }
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!stripBom(lines[i]).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHeader(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.length) {
            return false;
        }
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].trim().equalsIgnoreCase(COLUMNS[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeDate(String text) {
        return text.matches("\\d{4}-\\d{1,2}-\\d{1,2}.*|\\d{1,2}/\\d{1,2}/\\d{2,4}.*");
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
