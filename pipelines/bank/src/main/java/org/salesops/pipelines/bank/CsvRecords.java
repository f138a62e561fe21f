package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of cells (RFC 4180: comma, double quotes, "" for a quote, line
 * breaks inside quotes), leniently as bank exports need: text after a closing quote and before the
 * next comma is kept (WeChat writes {@code "3985734"<tab>,}), and an unclosed quote runs to the end.
 * Cells are not trimmed.
 */
final class CsvRecords {

    /** One CSV record and the 1-based line it starts on. */
    record Row(int line, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private CsvRecords() {
    }

    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new Row(start, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                start = ++line;
            } else {
                cell.append(c);
            }
        }
        if (!cells.isEmpty() || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return rows;
    }
}
