package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** An invoices row as one change leaves it. A POJO for Flink. */
public class InvoiceChange extends CrmRowChange {
    public long contractId;
    public long customerId;
    public String invoiceNo;
    public BigDecimal amount;
    public String currency;
    public Long issuedAt;
    public LocalDate dueDate;
    /** draft, issued or cancelled; only an issued invoice can be paid. */
    public String status;

    public InvoiceChange() {
    }

    /** Null for other tables, tombstones and rows missing a required column. */
    public static InvoiceChange of(CrmChange change) {
        if (!readable(change, "invoices")) {
            return null;
        }
        Map<String, Object> row = change.row();
        InvoiceChange i = new InvoiceChange();
        i.versionOf(change);
        Long contract = CrmColumns.bigint(row, "contract_id");
        Long customer = CrmColumns.bigint(row, "customer_id");
        i.invoiceNo = CrmColumns.text(row, "invoice_no");
        i.amount = CrmColumns.decimal(row, "amount");
        i.status = CrmColumns.text(row, "status");
        if (contract == null || customer == null || i.invoiceNo == null || i.amount == null || i.status == null) {
            return null;
        }
        i.contractId = contract;
        i.customerId = customer;
        i.currency = CrmColumns.currency(row);
        i.issuedAt = CrmColumns.millis(row, "issued_at");
        i.dueDate = CrmColumns.date(row, "due_date");
        return i;
    }

    public boolean payable() {
        return !deleted && "issued".equals(status);
    }
}
