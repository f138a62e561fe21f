package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Turns the inputs into matching events, each with the currency whose task needs it: an invoice or
 * contract goes to its own currency; a customer or a finance decision, which has none, goes to
 * every currency we invoice in.
 */
public final class MatchingEvents {

    private MatchingEvents() {
    }

    public static List<MatchingEvent> of(CrmChange change, List<String> currencies) {
        List<MatchingEvent> events = new ArrayList<>();
        InvoiceChange invoice = InvoiceChange.of(change);
        ContractChange contract = ContractChange.of(change);
        CustomerChange customer = CustomerChange.of(change);
        DecisionChange decision = DecisionChange.of(change);
        if (invoice != null) {
            events.add(event(invoice.currency, e -> e.invoice = invoice));
        } else if (contract != null) {
            events.add(event(contract.currency, e -> e.contract = contract));
        } else if (customer != null) {
            currencies.forEach(c -> events.add(event(c, e -> e.customer = customer)));
        } else if (decision != null) {
            currencies.forEach(c -> events.add(event(c, e -> e.decision = decision)));
        }
        return events;
    }

    public static MatchingEvent of(BankTransaction transaction) {
        Payment payment = Payment.of(transaction);
        return event(payment.currency, e -> e.payment = payment);
    }

    private static MatchingEvent event(String currency, Consumer<MatchingEvent> fill) {
        MatchingEvent e = new MatchingEvent();
        e.currency = currency;
        fill.accept(e);
        return e;
    }
}
