package org.salesops.pipelines.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salesops.pipelines.crm.CrmChange;

/**
 * What a change of contracts or receivable_steps means for the receivable path (回款路径) of one
 * contract, keyed by contract id. A POJO for Flink state.
 */
public class ReceivableChange {

    /** The path's steps in order: 合同归档 -> 发票寄出 -> 客户签收 -> 财务入账. */
    public static final List<String> STEPS = List.of("contract_archived", "invoice_sent", "customer_signed",
            "finance_booked");
    private static final Set<String> CLOSED = Set.of("completed", "terminated");

    public long contractId;
    /** True for a contract row, false for a step row. */
    public boolean contract;
    /** The contract is closed (completed, terminated) or deleted, or the step row is deleted. */
    public boolean removed;
    public Long ownerId;
    public String contractNo;
    public long signedAt;
    public long stepId;
    public String step;
    public boolean completed;
    public long updatedAt;

    public ReceivableChange() {
    }

    public static List<ReceivableChange> of(CrmChange change) {
        if (change.op().equals("tombstone") || change.row() == null) {
            return List.of();
        }
        Map<String, Object> row = change.row();
        boolean deleted = change.op().equals("d");
        ReceivableChange c = new ReceivableChange();
        switch (change.table()) {
            case "contracts" -> {
                c.contract = true;
                c.contractId = (Long) row.get("id");
                c.ownerId = (Long) row.get("owner_id");
                c.contractNo = (String) row.get("contract_no");
                Long signed = CrmRows.millis(row, "signed_at");
                c.signedAt = signed == null ? Long.MIN_VALUE : signed;
                c.removed = deleted || CLOSED.contains((String) row.get("status"));
            }
            case "receivable_steps" -> {
                Long contract = (Long) row.get("contract_id");
                if (contract == null || !STEPS.contains((String) row.get("step"))) {
                    return List.of();
                }
                c.contractId = contract;
                c.stepId = (Long) row.get("id");
                c.step = (String) row.get("step");
                c.completed = row.get("completed_at") != null;
                Long updated = CrmRows.millis(row, "updated_at");
                c.updatedAt = updated == null ? Long.MIN_VALUE : updated;
                c.removed = deleted;
            }
            default -> {
                return List.of();
            }
        }
        return List.of(c);
    }
}
