package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Checks that a statement's booked entries explain its balances: opening booked balance + the
 * signed BOOK entries = closing booked balance. Pending and INFO entries do not move the booked
 * balance. A report with no opening or no closing booked balance (camt.054, many camt.052, a
 * balances-only extract) has nothing to check.
 *
 * <p>Pagination: ISO 20022 splits a long statement over several messages with interim balances
 * (ITBD) where a page neither opens nor closes it, so a page holding both an opening and a
 * closing balance holds the whole statement. The real LT sample (page 2 of 2, two accounts)
 * reconciles by itself, as that rule predicts.
 */
final class BalanceReconciliation {

    private BalanceReconciliation() {
    }

    static void check(AccountReport report) throws RejectedInput {
        Balance opening = report.opening();
        Balance closing = report.closing();
        if (opening == null || closing == null) {
            return;
        }
        if (!opening.currency().equals(closing.currency())) {
            throw report.where().reject("opening balance " + opening + " and closing balance " + closing
                    + " are in different currencies");
        }
        BigDecimal booked = BigDecimal.ZERO;
        for (Entry entry : report.entries()) {
            if (!entry.booked()) {
                continue;
            }
            if (!entry.currency().equals(closing.currency())) {
                throw entry.where().reject("booked in " + entry.currency() + " on a statement whose balances are in "
                        + closing.currency() + ", so the statement cannot be reconciled");
            }
            booked = booked.add(entry.signedAmount());
        }
        BigDecimal expected = closing.signedAmount().subtract(opening.signedAmount());
        if (booked.compareTo(expected) != 0) {
            throw report.where().reject("statement " + report.id() + " does not reconcile: from " + opening
                    + " to " + closing + " the booked entries should sum to " + expected.toPlainString() + " "
                    + closing.currency() + ", but they sum to " + booked.toPlainString() + " " + closing.currency());
        }
    }
}
