package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Transaction keys of MT940/MT942 lines: the account, the statement's :20: reference, its :28C:
 * number and its opening-balance date (MT942: the :13D: time), then the line's bank reference, else
 * "#" + its 1-based index in the statement, joined with "/"; e.g.
 * "12345678/1020304050/STARTUMS/00000/001/2016-02-29/#1".
 *
 * <p>Why this shape: many banks write the same :20: ("STARTUMS", "ABN AMRO BANK NV") and :28C:
 * ("0") every day, so the opening date tells their statements apart, and one file may hold
 * statements of several accounts under the same reference (ABN AMRO). Bank references are neither
 * always present nor unique (Danske writes "//Test" on several lines), so one is used only where it
 * is the only line of the statement with it, which also keeps a key when a corrected statement
 * inserts a line. Statements of one account with the same identity in one file (a statement split
 * into pages) count their lines together, so keys never repeat within a file. Everything comes
 * from the file's content, so a re-delivered file gives the same keys. An MT942 line and the MT940
 * line that later books it get different keys.
 */
final class Mt940Keys {

    private Mt940Keys() {
    }

    /** @return per statement, the keys of its lines in order */
    static List<List<String>> of(List<SwiftStatement> statements) {
        Map<String, List<SwiftStatement>> byIdentity = statements.stream()
                .collect(Collectors.groupingBy(Mt940Keys::identity, LinkedHashMap::new, Collectors.toList()));
        Map<SwiftStatement, List<String>> keys = new IdentityHashMap<>();
        for (List<SwiftStatement> group : byIdentity.values()) {
            Map<String, Long> references = group.stream().flatMap(statement -> statement.lines().stream())
                    .map(line -> line.line().bankReference()).filter(Objects::nonNull)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            int index = 0;
            for (SwiftStatement statement : group) {
                List<String> statementKeys = new ArrayList<>();
                for (SwiftStatement.Line line : statement.lines()) {
                    index++;
                    String reference = line.line().bankReference();
                    String lineId = reference != null && references.get(reference) == 1 ? reference : "#" + index;
                    statementKeys.add(String.join("/", statement.accountId(), statement.reference(),
                            statement.number(), period(statement), lineId));
                }
                keys.put(statement, statementKeys);
            }
        }
        return statements.stream().map(keys::get).toList();
    }

    private static String identity(SwiftStatement statement) {
        return String.join("\n", statement.accountId(), statement.reference(), statement.number(),
                period(statement));
    }

    private static String period(SwiftStatement statement) {
        return statement.opening() != null ? statement.opening().date().toString()
                : Objects.toString(statement.reportedAt(), "");
    }
}
