package org.salesops.pipelines.integrity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Where a status_change_requests row stands: approved (with the status and when it was decided) or not
 * (pending, rejected, deleted — then it approves nothing). Versions of one request can arrive out of
 * order (the changes travel through parallel tasks), so each carries its commit time: the latest wins.
 * A POJO for Flink state.
 */
public class Approval {
    public long requestId;
    public long leadId;
    public String toStatus;
    public boolean approved;
    /** decided_at; meaningful only when approved. */
    public long decidedAt;
    /** The commit time of this version of the request. */
    public long version;

    public Approval() {
    }

    public Approval(long requestId, long leadId, String toStatus, boolean approved, long decidedAt, long version) {
        this.requestId = requestId;
        this.leadId = leadId;
        this.toStatus = toStatus;
        this.approved = approved;
        this.decidedAt = decidedAt;
        this.version = version;
    }

    public static Optional<Approval> of(CrmChange change) {
        if (!"status_change_requests".equals(change.table()) || change.row() == null
                || change.op().equals("tombstone")) {
            return Optional.empty();
        }
        Map<String, Object> row = change.row();
        Instant decidedAt = (Instant) row.get("decided_at");
        boolean approved = change.after() != null && "approved".equals(row.get("decision")) && decidedAt != null;
        return Optional.of(new Approval((Long) row.get("id"), (Long) row.get("lead_id"), (String) row.get("to_status"),
                approved, approved ? decidedAt.toEpochMilli() : 0L, change.committedAt().toEpochMilli()));
    }

    @Override
    public String toString() {
        return "request " + requestId + " lead " + leadId + " -> " + toStatus
                + (approved ? " approved at " + Instant.ofEpochMilli(decidedAt) : " not approved");
    }
}
