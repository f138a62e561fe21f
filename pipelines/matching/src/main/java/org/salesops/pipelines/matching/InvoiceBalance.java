package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One row of gold.invoice_balances: an invoice and what is still open on it. */
public class InvoiceBalance {
    public long invoiceId;
    public String invoiceNo;
    public long contractId;
    public long customerId;
    public String currency;
    public BigDecimal amount;
    public BigDecimal appliedAmount;
    public BigDecimal feeAmount;
    public BigDecimal openAmount;
    public String status;
    public int payments;
    public Long issuedAt;
    public LocalDate dueDate;
    public Long lastPaymentAt;
    public long updatedAt;

    public InvoiceBalance() {
    }

    static InvoiceBalance of(InvoiceState s, long at) {
        InvoiceBalance b = new InvoiceBalance();
        InvoiceChange crm = s.crm;
        b.invoiceId = crm.id;
        b.invoiceNo = crm.invoiceNo;
        b.contractId = crm.contractId;
        b.customerId = crm.customerId;
        b.currency = crm.currency;
        b.amount = crm.amount;
        b.appliedAmount = s.applied;
        b.feeAmount = s.fees;
        b.openAmount = s.openBalance();
        b.status = status(s);
        b.payments = s.paidBy.size();
        b.issuedAt = crm.issuedAt;
        b.dueDate = crm.dueDate;
        b.lastPaymentAt = s.lastPaymentAt;
        b.updatedAt = at;
        return b;
    }

    private static String status(InvoiceState s) {
        if (s.crm.deleted) {
            return "deleted";
        }
        if (!s.crm.payable()) {
            return s.crm.status;
        }
        if (!s.open()) {
            return "paid";
        }
        return s.applied.signum() > 0 ? "partially_paid" : "open";
    }

    /** The same row apart from when it was computed. */
    boolean sameAs(InvoiceBalance o) {
        return o != null && invoiceId == o.invoiceId && contractId == o.contractId && customerId == o.customerId
                && payments == o.payments && Objects.equals(invoiceNo, o.invoiceNo) && Objects.equals(currency, o.currency)
                && Money.same(amount, o.amount) && Money.same(appliedAmount, o.appliedAmount)
                && Money.same(feeAmount, o.feeAmount) && Money.same(openAmount, o.openAmount)
                && Objects.equals(status, o.status) && Objects.equals(issuedAt, o.issuedAt)
                && Objects.equals(dueDate, o.dueDate) && Objects.equals(lastPaymentAt, o.lastPaymentAt);
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("invoice_id", invoiceId);
        row.put("invoice_no", invoiceNo);
        row.put("contract_id", contractId);
        row.put("customer_id", customerId);
        row.put("currency", currency);
        row.put("amount", amount);
        row.put("applied_amount", appliedAmount);
        row.put("fee_amount", feeAmount);
        row.put("open_amount", openAmount);
        row.put("status", status);
        row.put("payments", payments);
        row.put("issued_at", Rows.instant(issuedAt));
        row.put("due_date", dueDate);
        row.put("last_payment_at", Rows.instant(lastPaymentAt));
        row.put("updated_at", Instant.ofEpochMilli(updatedAt));
        return row;
    }

    @Override
    public String toString() {
        return "Balance(" + invoiceNo + " " + status + " open " + Money.text(openAmount) + " of " + Money.text(amount) + ")";
    }
}
