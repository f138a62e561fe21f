package org.salesops.pipelines.matching;

import java.util.Comparator;

/**
 * One input of the matching operator, keyed by currency: a CRM fact (customer, contract, invoice,
 * finance decision) or a bank transaction; exactly one field is set. A POJO for Flink.
 */
public class MatchingEvent {

    /**
     * Events of one instant in the order they are applied: the CRM's reference data first, so a
     * payment sees the invoice committed with it; finance decisions next (they name invoices and
     * earlier credits); bank transactions last. Within a kind, by commit position or booking time.
     */
    static final Comparator<MatchingEvent> APPLY_ORDER = Comparator.comparingInt(MatchingEvent::rank)
            .thenComparingLong(MatchingEvent::time).thenComparingLong(MatchingEvent::position)
            .thenComparing(MatchingEvent::id);

    static final int DECISION_RANK = 3;

    public String currency;
    public CustomerChange customer;
    public ContractChange contract;
    public InvoiceChange invoice;
    public DecisionChange decision;
    public Payment payment;

    public MatchingEvent() {
    }

    int rank() {
        if (customer != null) {
            return 0;
        }
        if (contract != null) {
            return 1;
        }
        if (invoice != null) {
            return 2;
        }
        return decision != null ? DECISION_RANK : 4;
    }

    /** The event's own time: the CRM commit, or the booking. */
    long time() {
        CrmRowChange crm = crm();
        return crm != null ? crm.committedAt : payment.bookedAt;
    }

    private long position() {
        CrmRowChange crm = crm();
        return crm != null ? crm.lsn : 0;
    }

    private String id() {
        CrmRowChange crm = crm();
        return crm != null ? Long.toString(crm.id) : payment.key();
    }

    CrmRowChange crm() {
        if (customer != null) {
            return customer;
        }
        if (contract != null) {
            return contract;
        }
        return invoice != null ? invoice : decision;
    }

    @Override
    public String toString() {
        return currency + ":" + (payment != null ? "payment " + payment.key() : crm().getClass().getSimpleName() + " " + crm().id);
    }
}
