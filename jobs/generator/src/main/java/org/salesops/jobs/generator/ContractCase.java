package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A signed contract, its receivable-path step rows and its invoices (one per installment). */
final class ContractCase {

    final long id;
    final String contractNo;
    final Deal deal;
    final BigDecimal amount;
    final List<BigDecimal> installments;
    final Map<String, Long> steps = new HashMap<>();
    final List<InvoiceCase> invoices = new ArrayList<>();
    boolean booked;

    ContractCase(long id, String contractNo, Deal deal, BigDecimal amount, List<BigDecimal> installments) {
        this.id = id;
        this.contractNo = contractNo;
        this.deal = deal;
        this.amount = amount;
        this.installments = installments;
    }

    Customer customer() {
        return deal.prospect.customer;
    }

    /** Every installment invoiced and settled. */
    boolean fullyPaid() {
        return invoices.size() == installments.size() && invoices.stream().allMatch(InvoiceCase::settled);
    }
}
