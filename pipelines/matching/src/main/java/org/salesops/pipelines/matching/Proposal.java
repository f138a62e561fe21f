package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules make of a credit: apply it (auto_matched), propose it to finance (suggested), or
 * nothing found (unmatched); the plan says which invoices get how much.
 *
 * @param evidence   how the customer was found; null when nothing was
 * @param fit        how the amount fits the planned invoices; null without a plan
 * @param wakeKeys   CRM facts that would make another try worthwhile (see {@link CreditBook})
 */
record Proposal(String status, Evidence evidence, AmountFit fit, double confidence, Long customerId,
                List<Planned> plan, Explanation explanation, List<String> wakeKeys) {

    /** Money for one invoice: {@code amount} settles it, {@code fee} of which is the bank's fee. */
    record Planned(InvoiceState invoice, BigDecimal amount, BigDecimal fee) {
    }

    boolean applies() {
        return PaymentMatch.AUTO_MATCHED.equals(status);
    }
}
