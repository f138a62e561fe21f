package org.salesops.pipelines.matching;

import java.util.List;

/**
 * The matching engine of one currency, on whatever stores it is given (Flink state in the job).
 * It applies the events of one instant at a time, in {@link MatchingEvent#APPLY_ORDER}:
 * <ul>
 * <li>CRM customers, contracts and invoices update the ledger and the payer directory; an invoice
 *     cancelled after it was paid gives its money back to the credits, which are matched again;</li>
 * <li>credits still waiting (unmatched or suggested) are tried again when a CRM fact they wait for
 *     arrives, oldest first — so credits booked before the CRM knew their invoices (a replay, the
 *     CRM snapshot after the bank's history) end as if the invoices had been there; a try whose
 *     rules could only say what they said last time is left out ({@link LastAttempts});</li>
 * <li>a finance decision confirms (applies, and remembers the payer for that customer) or rejects
 *     (discards, and never proposes that invoice for the credit again) one invoice for one credit;
 *     after any decision the engine only suggests for that credit;</li>
 * <li>a bank transaction is matched (credits), flagged as a duplicate (the same booking reported
 *     again under another key: never applied twice), undoes the credit it returns (a reversal), or
 *     is recorded as not a customer payment; a re-delivered transaction key changes nothing.</li>
 * </ul>
 * After each event its changed results are emitted: match rows, invoice balances, and the
 * commission entries of contracts whose money moved.
 */
public final class PaymentMatcher {

    final MatchingSettings settings;
    final WatchedStores stores;
    final LastAttempts lastAttempts;
    final Ledger ledger;
    final PayerDirectory payers;
    final CreditBook credits;
    final MatchRules rules;
    final CommissionLedger commission;

    public PaymentMatcher(Stores stores, MatchingSettings settings) {
        this.settings = settings;
        this.stores = new WatchedStores(stores);
        this.ledger = new Ledger(this.stores, settings.documents());
        this.payers = new PayerDirectory(this.stores);
        this.credits = new CreditBook(this.stores);
        this.rules = new MatchRules(ledger, payers, settings);
        this.lastAttempts = new LastAttempts(this.stores, payers, settings.nameSimilarity());
        this.commission = new CommissionLedger(settings.commission());
    }

    /** Applies the events of one instant {@code at} (event time), in apply order, whatever order they came in. */
    public void apply(List<MatchingEvent> events, long at, MatchingOutput out) {
        new MatchingRun(this, at, out).apply(events);
    }
}
