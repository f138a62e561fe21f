package org.salesops.pipelines.matching;

import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/** A payment_match_decisions row: finance confirms or rejects one invoice for one bank credit. A POJO for Flink. */
public class DecisionChange extends CrmRowChange {
    public static final String CONFIRM = "confirm";
    public static final String REJECT = "reject";

    /** The credit's account-servicer reference. */
    public String bankReference;
    public long invoiceId;
    public String decision;
    public long decidedBy;
    public long decidedAt;

    public DecisionChange() {
    }

    /** Null for other tables, deletes (a decision taken back is not one), tombstones and incomplete rows. */
    public static DecisionChange of(CrmChange change) {
        if (!readable(change, "payment_match_decisions") || change.after() == null) {
            return null;
        }
        Map<String, Object> row = change.row();
        DecisionChange d = new DecisionChange();
        d.versionOf(change);
        d.bankReference = CrmColumns.text(row, "bank_reference");
        Long invoice = CrmColumns.bigint(row, "invoice_id");
        d.decision = CrmColumns.text(row, "decision");
        Long by = CrmColumns.bigint(row, "decided_by");
        Long at = CrmColumns.millis(row, "decided_at");
        if (d.bankReference == null || invoice == null || by == null
                || !(CONFIRM.equals(d.decision) || REJECT.equals(d.decision))) {
            return null;
        }
        d.invoiceId = invoice;
        d.decidedBy = by;
        d.decidedAt = at == null ? d.committedAt : at;
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionChange d && id == d.id && invoiceId == d.invoiceId
                && Objects.equals(bankReference, d.bankReference) && Objects.equals(decision, d.decision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, invoiceId, bankReference, decision);
    }
}
