package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.util.Objects;

/** Money of one bank credit on one invoice: applied, proposed, or applied once and undone. A POJO for Flink. */
public class Allocation {
    public static final String APPLIED = "applied";
    public static final String CONFIRMED = "confirmed";
    public static final String SUGGESTED = "suggested";
    public static final String UNDONE = "undone";

    public long invoiceId;
    public String invoiceNo;
    public long contractId;
    public long customerId;
    /** What the invoice is settled by: the money received plus the bank fee written off on it; 0 once undone. */
    public BigDecimal amount;
    /** The part of {@link #amount} that is the bank's fee, written off. */
    public BigDecimal fee;
    public String status;

    public Allocation() {
    }

    static Allocation of(InvoiceChange invoice, BigDecimal amount, BigDecimal fee, String status) {
        Allocation a = new Allocation();
        a.invoiceId = invoice.id;
        a.invoiceNo = invoice.invoiceNo;
        a.contractId = invoice.contractId;
        a.customerId = invoice.customerId;
        a.amount = amount;
        a.fee = fee;
        a.status = status;
        return a;
    }

    /** Applied now (by the engine or after finance confirmed), not a proposal nor undone. */
    public boolean active() {
        return APPLIED.equals(status) || CONFIRMED.equals(status);
    }

    Allocation copy() {
        Allocation a = new Allocation();
        a.invoiceId = invoiceId;
        a.invoiceNo = invoiceNo;
        a.contractId = contractId;
        a.customerId = customerId;
        a.amount = amount;
        a.fee = fee;
        a.status = status;
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Allocation a && invoiceId == a.invoiceId && contractId == a.contractId
                && customerId == a.customerId && Objects.equals(invoiceNo, a.invoiceNo)
                && Money.same(amount, a.amount) && Money.same(fee, a.fee) && Objects.equals(status, a.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceId, status);
    }

    @Override
    public String toString() {
        return invoiceNo + "=" + Money.text(amount) + (fee.signum() == 0 ? "" : " (fee " + Money.text(fee) + ")") + " " + status;
    }
}
