package org.salesops.pipelines.process;

import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** A commitments row (承诺登记表) as one change leaves it. A POJO for Flink state. */
public class CommitmentChange {
    public long commitmentId;
    public String code;
    public long customerId;
    public Long opportunityId;
    public long ownerId;
    public String content;
    public long dueAt;
    public String status;
    public Long fulfilledAt;
    public long createdAt;
    public boolean evidencePresent;
    public boolean deleted;
    public ChangeVersion version;

    public CommitmentChange() {
    }

    /** Null for other tables, tombstones and rows missing a required column. */
    public static CommitmentChange of(CrmChange change) {
        if (!"commitments".equals(change.table()) || "tombstone".equals(change.op())) {
            return null;
        }
        Map<String, Object> row = change.row();
        Long id = CrmValues.bigint(row, "id");
        Long customer = CrmValues.bigint(row, "customer_id");
        Long owner = CrmValues.bigint(row, "owner_id");
        Long dueAt = CrmValues.millis(row, "due_at");
        Long createdAt = CrmValues.millis(row, "created_at");
        String status = CrmValues.text(row, "status");
        if (id == null || customer == null || owner == null || dueAt == null || createdAt == null || status == null) {
            return null;
        }
        CommitmentChange c = new CommitmentChange();
        c.commitmentId = id;
        c.code = CrmValues.text(row, "code");
        c.customerId = customer;
        c.opportunityId = CrmValues.bigint(row, "opportunity_id");
        c.ownerId = owner;
        c.content = CrmValues.text(row, "content");
        c.dueAt = dueAt;
        c.status = status;
        c.fulfilledAt = CrmValues.millis(row, "fulfilled_at");
        c.createdAt = createdAt;
        c.evidencePresent = CrmValues.present(row, "evidence_ref");
        c.deleted = change.after() == null;
        c.version = ChangeVersion.of(change);
        return c;
    }
}
