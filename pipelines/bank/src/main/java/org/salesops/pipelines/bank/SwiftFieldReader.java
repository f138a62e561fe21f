package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Splits an MT940/MT942 file into statements, each a list of fields, as banks actually write them:
 * <ul>
 *   <li>with or without SWIFT header blocks ({@code {1:...}{2:...}{4:}), ended by "-", "-}" or
 *       ING's "-XXX"; bank lines between messages ("ABNANL2A", "940 00", ":940:") are skipped;</li>
 *   <li>a statement starts at every :20:, also without an end line in between;</li>
 *   <li>a line that does not start with a known tag continues the previous field, so a wrapped
 *       :86: line beginning with ":26:" (a time) or "-" is text, not a new field or the end;</li>
 *   <li>control characters (mBank wraps files in SOH/ETX) are dropped.</li>
 * </ul>
 * A known field before the first :20: belongs to no statement and is rejected.
 */
final class SwiftFieldReader {

    /** MT940 and MT942 tags, and the non-SWIFT :NS: that German banks add. */
    private static final Set<String> TAGS = Set.of("13", "13D", "20", "21", "25", "25P", "28", "28C", "34F",
            "60F", "60M", "61", "62F", "62M", "64", "65", "86", "90C", "90D", "NS");
    private static final Pattern FIELD = Pattern.compile(":([0-9A-Z]{2,3}):(.*)");
    private static final Pattern HEADER_BLOCKS = Pattern.compile("(\\{[1-3]:[^}]*\\})*(\\{4:)?");
    private static final Pattern END = Pattern.compile("-(\\}.*|XXX)?");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

    private final List<List<SwiftField>> statements = new ArrayList<>();
    private String tag;
    private List<String> lines;
    private int start;

    private SwiftFieldReader() {
    }

    static List<List<SwiftField>> statements(String text, Where where) throws RejectedInput {
        SwiftFieldReader reader = new SwiftFieldReader();
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean betweenMessages = true;
        for (int i = 0; i < lines.length; i++) {
            String line = CONTROL.matcher(lines[i]).replaceAll("");
            Matcher header = HEADER_BLOCKS.matcher(line);
            if (line.startsWith("{") && header.lookingAt() && header.end() > 0) {
                betweenMessages = true;
                line = line.substring(header.end());
            }
            if (END.matcher(line.strip()).matches()) {
                betweenMessages = true;
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (field.matches() && TAGS.contains(field.group(1))) {
                reader.startField(field.group(1), field.group(2), i + 1, where);
                betweenMessages = false;
            } else if (!betweenMessages && reader.tag != null) {
                reader.lines.add(line);
            }
        }
        reader.endField();
        if (reader.statements.isEmpty()) {
            throw where.reject("no :20: field, so no MT940 or MT942 statement");
        }
        return List.copyOf(reader.statements);
    }

    private void startField(String newTag, String text, int lineNumber, Where where) throws RejectedInput {
        endField();
        if ("20".equals(newTag)) {
            statements.add(new ArrayList<>());
        } else if (statements.isEmpty()) {
            throw where.reject("line " + lineNumber + ": :" + newTag + ": comes before any :20:, so it belongs to no"
                    + " statement");
        }
        tag = newTag;
        lines = new ArrayList<>(List.of(text));
        start = lineNumber;
    }

    private void endField() {
        if (tag != null) {
            statements.get(statements.size() - 1).add(new SwiftField(tag, List.copyOf(lines), start));
        }
        tag = null;
    }
}
