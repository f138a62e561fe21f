package org.salesops.pipelines.process;

import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** A quotes row as one change leaves it. A POJO for Flink state. */
public class QuoteChange {
    public long quoteId;
    public long opportunityId;
    public long ownerId;
    public String status;
    public Long sentAt;
    public String feedbackType;
    public Long feedbackAt;
    public boolean deleted;
    public ChangeVersion version;

    public QuoteChange() {
    }

    /** Null for other tables, tombstones and rows without their opportunity or owner. */
    public static QuoteChange of(CrmChange change) {
        if (!"quotes".equals(change.table()) || "tombstone".equals(change.op())) {
            return null;
        }
        Map<String, Object> row = change.row();
        Long id = CrmValues.bigint(row, "id");
        Long opportunity = CrmValues.bigint(row, "opportunity_id");
        Long owner = CrmValues.bigint(row, "owner_id");
        if (id == null || opportunity == null || owner == null) {
            return null;
        }
        QuoteChange q = new QuoteChange();
        q.quoteId = id;
        q.opportunityId = opportunity;
        q.ownerId = owner;
        q.status = CrmValues.text(row, "status");
        q.sentAt = CrmValues.millis(row, "sent_at");
        q.feedbackType = CrmValues.text(row, "feedback_type");
        q.feedbackAt = CrmValues.millis(row, "feedback_at");
        q.deleted = change.after() == null;
        q.version = ChangeVersion.of(change);
        return q;
    }
}
