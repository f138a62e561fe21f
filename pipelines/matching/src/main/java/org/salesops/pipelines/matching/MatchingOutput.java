package org.salesops.pipelines.matching;

/** Where the engine's results go: the operator's main and side outputs, or a list in a test. */
public interface MatchingOutput {

    void match(PaymentMatch match);

    void balance(InvoiceBalance balance);

    void commission(CommissionEntry entry);
}
