package org.salesops.pipelines.bank;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One MT940 statement or MT942 interim report as read, before it is checked.
 *
 * @param type        MT940 or MT942
 * @param reference   :20:
 * @param accountId   :25:, without a trailing currency code
 * @param number      :28C: (or the older :28:)
 * @param opening     :60F:/:60M:; null in MT942
 * @param closing     :62F:/:62M:; null in MT942
 * @param reportedAt  :13D: as written (MT942), else null
 * @param currency    of the balances (MT940), else of the floor limit or totals (MT942)
 * @param debits      :90D: (MT942), else null
 * @param credits     :90C: (MT942), else null
 */
record SwiftStatement(Where where, String type, String reference, String accountId, String number,
                      SwiftBalance opening, SwiftBalance closing, String reportedAt, String currency,
                      EntryTotal debits, EntryTotal credits, List<Line> lines) {

    static final String MT940 = "MT940";
    static final String MT942 = "MT942";

    /** A :61: line and what its :86: says. */
    record Line(Where where, StatementLine line, PaymentInfo info) {
    }

    /** What the statement is, for reasons a person can find it by in the file. */
    String describe() {
        return "statement :20:" + reference + " :28C:" + number + " of account " + accountId;
    }

    /**
     * MT940: the opening balance plus the booked lines (not the expected EC/ED ones) must give the
     * closing balance. MT942 has no balances; its :90D: and :90C: must count and sum its debit and
     * credit lines.
     */
    void reconcile() throws RejectedInput {
        if (MT942.equals(type)) {
            checkTotal(debits, "debit", amount -> amount.signum() < 0);
            checkTotal(credits, "credit", amount -> amount.signum() >= 0);
            return;
        }
        List<BigDecimal> booked = lines.stream().filter(line -> !line.line().expected())
                .map(line -> line.line().signedAmount()).toList();
        BigDecimal sum = booked.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = opening.signedAmount().add(sum);
        if (expected.compareTo(closing.signedAmount()) != 0) {
            throw where.reject(describe() + " does not reconcile: opening balance " + opening + " plus its "
                    + booked.size() + " booked lines (" + sum.toPlainString() + ") gives " + expected.toPlainString()
                    + " " + currency + ", but the closing balance is " + closing);
        }
    }

    private void checkTotal(EntryTotal total, String side, Predicate<BigDecimal> onSide) throws RejectedInput {
        if (total == null) {
            return;
        }
        List<BigDecimal> amounts = lines.stream().map(line -> line.line().signedAmount()).filter(onSide).toList();
        BigDecimal sum = amounts.stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!total.currency().equals(currency) || total.count() != amounts.size()
                || total.amount().compareTo(sum) != 0) {
            throw where.reject(describe() + ": :" + total.tag() + ": counts " + total.count() + " " + side
                    + " lines totalling " + total.amount().toPlainString() + " " + total.currency()
                    + ", but the report has " + amounts.size() + " totalling " + sum.toPlainString() + " " + currency);
        }
    }
}
