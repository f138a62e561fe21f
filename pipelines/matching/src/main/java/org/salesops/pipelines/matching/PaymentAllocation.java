package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** One row of gold.payment_allocations: a credit's money on one invoice, as it stands now. */
public record PaymentAllocation(String accountId, String transactionKey, String bankReference, String currency,
                                long bookedAt, long updatedAt, long invoiceId, String invoiceNo, long contractId,
                                long customerId, BigDecimal amount, BigDecimal fee, String status) {

    static PaymentAllocation of(PaymentMatch match, Allocation a) {
        Payment p = match.payment;
        return new PaymentAllocation(p.accountId, p.transactionKey, p.bankReference, p.currency, p.bookedAt,
                match.updatedAt, a.invoiceId, a.invoiceNo, a.contractId, a.customerId, a.amount, a.fee, a.status);
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("account_id", accountId);
        row.put("transaction_key", transactionKey);
        row.put("invoice_id", invoiceId);
        row.put("bank_reference", bankReference);
        row.put("invoice_no", invoiceNo);
        row.put("contract_id", contractId);
        row.put("customer_id", customerId);
        row.put("currency", currency);
        row.put("amount", amount);
        row.put("fee_amount", fee);
        row.put("status", status);
        row.put("booked_at", Instant.ofEpochMilli(bookedAt));
        row.put("updated_at", Instant.ofEpochMilli(updatedAt));
        return row;
    }
}
