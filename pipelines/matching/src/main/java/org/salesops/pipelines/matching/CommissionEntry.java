package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One row of gold.commission_ledger: a milestone's share of a contract's commission released, or
 * clawed back when the money behind it went away. Amounts are signed, so a contract's entries add
 * up to the commission earned now.
 */
public class CommissionEntry {
    public static final String RELEASE = "release";
    public static final String CLAWBACK = "clawback";

    /** contract id : milestone : n-th entry of that milestone on the contract. */
    public String entryId;
    public long contractId;
    public String contractNo;
    public long ownerId;
    public long customerId;
    public String milestone;
    public String kind;
    public BigDecimal amount;
    public String currency;
    public BigDecimal commission;
    public BigDecimal paidAmount;
    public BigDecimal contractAmount;
    /** The bank transaction (or CRM change) that moved the contract across the milestone. */
    public String trigger;
    public long at;

    public CommissionEntry() {
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("entry_id", entryId);
        row.put("contract_id", contractId);
        row.put("contract_no", contractNo);
        row.put("owner_id", ownerId);
        row.put("customer_id", customerId);
        row.put("milestone", milestone);
        row.put("kind", kind);
        row.put("amount", amount);
        row.put("currency", currency);
        row.put("commission", commission);
        row.put("paid_amount", paidAmount);
        row.put("contract_amount", contractAmount);
        row.put("triggered_by", trigger);
        row.put("entered_at", Instant.ofEpochMilli(at));
        return row;
    }

    @Override
    public String toString() {
        return "Commission(" + entryId + " " + kind + " " + Money.text(amount) + ")";
    }
}
