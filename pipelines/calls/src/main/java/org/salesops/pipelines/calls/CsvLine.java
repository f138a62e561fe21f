package org.salesops.pipelines.calls;

import java.util.ArrayList;
import java.util.List;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One CSV record as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold
 * commas and line breaks, and a quote inside it is doubled ({@code """Jane"" <201>"}). Telephony CDR
 * writers follow exactly this, so no CSV library is needed for a single line.
 */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields of one line; a single trailing line break is ignored. */
    static List<String> split(String line) throws RejectedInput {
        String s = withoutLineEnd(line);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            int column = fields.size() + 1;
            if (i < s.length() && s.charAt(i) == '"') {
                i = readQuoted(s, i + 1, field, column);
            } else {
                i = readPlain(s, i, field, column);
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i == s.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** The value in double quotes, inner quotes doubled, as cdr_csv writes every text column. */
    static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static int readQuoted(String s, int from, StringBuilder field, int column) throws RejectedInput {
        int i = from;
        while (true) {
            if (i >= s.length()) {
                throw new RejectedInput("CSV: column " + column + " opens a quote that is never closed");
            }
            char c = s.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else {
                i++;
                break;
            }
        }
        if (i < s.length() && s.charAt(i) != ',') {
            throw new RejectedInput("CSV: column " + column + " has text after its closing quote");
        }
        return i;
    }

    private static int readPlain(String s, int from, StringBuilder field, int column) throws RejectedInput {
        int i = from;
        while (i < s.length() && s.charAt(i) != ',') {
            char c = s.charAt(i);
            if (c == '"') {
                throw new RejectedInput("CSV: column " + column + " has a quote but is not quoted");
            }
            if (c == '\n' || c == '\r') {
                throw new RejectedInput("CSV: more than one line (line break in column " + column + ")");
            }
            field.append(c);
            i++;
        }
        return i;
    }

    private static String withoutLineEnd(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        if (line.endsWith("\n") || line.endsWith("\r")) {
            return line.substring(0, line.length() - 1);
        }
        return line;
    }
}
