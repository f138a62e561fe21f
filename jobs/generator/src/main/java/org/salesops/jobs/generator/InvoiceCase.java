package org.salesops.jobs.generator;

import java.math.BigDecimal;

/** An issued invoice and what is still open on it. */
final class InvoiceCase {

    final long id;
    final String invoiceNo;
    final ContractCase contract;
    final BigDecimal amount;
    BigDecimal open;

    InvoiceCase(long id, String invoiceNo, ContractCase contract, BigDecimal amount) {
        this.id = id;
        this.invoiceNo = invoiceNo;
        this.contract = contract;
        this.amount = amount;
        this.open = amount;
    }

    boolean settled() {
        return open.signum() <= 0;
    }
}
