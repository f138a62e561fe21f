package org.salesops.pipelines.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One row of gold.commitments: a registered commitment as it stands now. */
public class CommitmentLife {
    public long commitmentId;
    public String code;
    public long ownerId;
    public long customerId;
    public Long opportunityId;
    public String content;
    public long createdAt;
    public long dueAt;
    public String status;
    public Long fulfilledAt;
    public CommitmentOutcome outcome;
    public boolean evidencePresent;
    public boolean deleted;

    public CommitmentLife() {
    }

    /**
     * @param fulfilledKnownAt when fulfilment became known (the commit that set status fulfilled):
     *                         stands in for fulfilled_at when the rep left it empty
     * @param asOf             event time of the decision
     */
    public static CommitmentLife of(CommitmentChange c, Long fulfilledKnownAt, long asOf) {
        CommitmentLife life = new CommitmentLife();
        life.commitmentId = c.commitmentId;
        life.code = c.code;
        life.ownerId = c.ownerId;
        life.customerId = c.customerId;
        life.opportunityId = c.opportunityId;
        life.content = c.content;
        life.createdAt = c.createdAt;
        life.dueAt = c.dueAt;
        life.status = c.status;
        life.fulfilledAt = c.fulfilledAt;
        life.outcome = CommitmentOutcome.decide(c.status, c.dueAt,
                c.fulfilledAt != null ? c.fulfilledAt : fulfilledKnownAt, asOf);
        life.evidencePresent = c.evidencePresent;
        life.deleted = c.deleted;
        return life;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("commitment_id", commitmentId);
        row.put("code", code);
        row.put("owner_id", ownerId);
        row.put("customer_id", customerId);
        row.put("opportunity_id", opportunityId);
        row.put("content", content);
        row.put("created_at", CrmValues.instant(createdAt));
        row.put("due_at", CrmValues.instant(dueAt));
        row.put("status", status);
        row.put("fulfilled_at", CrmValues.instant(fulfilledAt));
        row.put("outcome", outcome.column());
        row.put("evidence_present", evidencePresent);
        row.put("deleted", deleted);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitmentLife c && commitmentId == c.commitmentId && Objects.equals(code, c.code)
                && ownerId == c.ownerId && customerId == c.customerId && Objects.equals(opportunityId, c.opportunityId)
                && Objects.equals(content, c.content) && createdAt == c.createdAt && dueAt == c.dueAt
                && Objects.equals(status, c.status) && Objects.equals(fulfilledAt, c.fulfilledAt) && outcome == c.outcome
                && evidencePresent == c.evidencePresent && deleted == c.deleted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(commitmentId, dueAt, status, outcome);
    }

    @Override
    public String toString() {
        return "Commitment(" + commitmentId + " " + code + " due " + CrmValues.instant(dueAt) + " " + status + " -> "
                + outcome + (deleted ? ", deleted" : "") + ")";
    }
}
