package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An invoice in the ledger: its CRM row and the money applied to it. A POJO for Flink state. */
public class InvoiceState {
    public InvoiceChange crm;
    /** Money applied, bank fees written off included. */
    public BigDecimal applied = Money.ZERO;
    public BigDecimal fees = Money.ZERO;
    public Long lastPaymentAt;
    /** Keys of the credits applied to it now. */
    public List<String> paidBy = new ArrayList<>();

    public InvoiceState() {
    }

    static InvoiceState of(InvoiceChange crm) {
        InvoiceState s = new InvoiceState();
        s.crm = crm;
        return s;
    }

    /** What is still to pay: nothing unless issued. */
    public BigDecimal openBalance() {
        return crm.payable() ? crm.amount.subtract(applied).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    }

    public boolean open() {
        return openBalance().signum() > 0;
    }

    /** Oldest first: by issue time, then id (invoices numbered in issue order). */
    static int byAge(InvoiceState a, InvoiceState b) {
        long at = a.crm.issuedAt == null ? Long.MAX_VALUE : a.crm.issuedAt;
        long bt = b.crm.issuedAt == null ? Long.MAX_VALUE : b.crm.issuedAt;
        return at != bt ? Long.compare(at, bt) : Long.compare(a.crm.id, b.crm.id);
    }
}
