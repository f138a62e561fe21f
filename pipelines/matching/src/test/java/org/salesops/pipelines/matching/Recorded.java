package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.List;

/** What the engine emitted, in order, with the latest result per transaction and balance per invoice. */
final class Recorded implements MatchingOutput {

    final List<PaymentMatch> matches = new ArrayList<>();
    final List<InvoiceBalance> balances = new ArrayList<>();
    final List<CommissionEntry> commission = new ArrayList<>();

    @Override
    public void match(PaymentMatch match) {
        matches.add(match);
    }

    @Override
    public void balance(InvoiceBalance balance) {
        balances.add(balance);
    }

    @Override
    public void commission(CommissionEntry entry) {
        commission.add(entry);
    }

    static PaymentMatch latest(List<PaymentMatch> matches, String transactionKey) {
        PaymentMatch last = null;
        for (PaymentMatch m : matches) {
            if (m.payment.transactionKey.equals(transactionKey)) {
                last = m;
            }
        }
        if (last == null) {
            throw new AssertionError("no result for " + transactionKey + " in " + matches);
        }
        return last;
    }

    static InvoiceBalance balance(List<InvoiceBalance> balances, long invoiceId) {
        InvoiceBalance last = null;
        for (InvoiceBalance b : balances) {
            if (b.invoiceId == invoiceId) {
                last = b;
            }
        }
        if (last == null) {
            throw new AssertionError("no balance for invoice " + invoiceId + " in " + balances);
        }
        return last;
    }

    PaymentMatch latest(String transactionKey) {
        return latest(matches, transactionKey);
    }

    InvoiceBalance balance(long invoiceId) {
        return balance(balances, invoiceId);
    }
}
