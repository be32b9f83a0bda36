package io.alluse.analytics.export;

import java.util.List;

/**
 * Comma-separated text as RFC 4180 has it: CRLF after every record, a field in double quotes when it
 * holds a comma, a quote, CR or LF (or starts or ends with a space, which spreadsheets would trim),
 * quotes inside doubled. Numbers are written plain (1234.56), dates as ISO (2025-01-17), so that a
 * spreadsheet reads them as numbers and dates in any locale that uses a comma separator.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder(4096);
    private final int columns;

    public Csv(List<String> header) {
        this.columns = header.size();
        row(header);
    }

    /** Appends one record. @throws IllegalArgumentException when it has a different number of fields than the header */
    public Csv row(List<String> fields) {
        if (fields.size() != columns) {
            throw new IllegalArgumentException("a CSV row needs " + columns + " fields, this one has " + fields.size() + ": " + fields);
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /** One field, quoted if it must be. */
    public static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
