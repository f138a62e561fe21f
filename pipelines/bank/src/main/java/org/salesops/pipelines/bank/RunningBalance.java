package org.salesops.pipelines.bank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Checks an export's balance column: each row's balance must be the previous row's balance plus
 * its own amount. Banks list oldest first (CMB, ABC) or newest first (BOC, ICBC); a file whose
 * first row is later than its last is read newest first, so there a row's balance must be the
 * next row's balance plus this row's amount. Rows chain per currency. A mismatch rejects the file.
 */
final class RunningBalance {

    private RunningBalance() {
    }

    static void check(List<BankCsvRow> rows, Where where) throws RejectedInput {
        if (rows.isEmpty() || rows.get(0).balance() == null) {
            return;
        }
        boolean newestFirst = newestFirst(rows);
        Map<String, BankCsvRow> previous = new HashMap<>();
        for (BankCsvRow row : rows) {
            BankCsvRow before = previous.put(row.currency(), row);
            if (before == null || chains(before, row, newestFirst)) {
                continue;
            }
            BankCsvRow older = newestFirst ? row : before;
            BankCsvRow newer = newestFirst ? before : row;
            throw where.reject("lines " + before.line() + " and " + row.line() + " do not chain: balance "
                    + older.balance().toPlainString() + " (line " + older.line() + ") plus "
                    + newer.amount().toPlainString() + " (line " + newer.line() + ") is "
                    + older.balance().add(newer.amount()).toPlainString() + ", but line " + newer.line() + " says "
                    + newer.balance().toPlainString());
        }
    }

    private static boolean chains(BankCsvRow before, BankCsvRow row, boolean newestFirst) {
        BankCsvRow older = newestFirst ? row : before;
        BankCsvRow newer = newestFirst ? before : row;
        return older.balance().add(newer.amount()).compareTo(newer.balance()) == 0;
    }

    /** By the dates of the first and last row; on one day, by whichever way the first two rows chain. */
    private static boolean newestFirst(List<BankCsvRow> rows) {
        BankCsvRow first = rows.get(0);
        BankCsvRow last = rows.get(rows.size() - 1);
        if (!first.date().equals(last.date()) || rows.size() < 2) {
            return first.date().isAfter(last.date());
        }
        return !chains(first, rows.get(1), false) && chains(first, rows.get(1), true);
    }
}
