package org.salesops.pipelines.integrity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.salesops.pipelines.crm.CrmChange;

/**
 * A lead's status set to a new value: an update that changes it, or an insert (a lead can be created
 * already closed). Snapshot reads show no change. {@code at} is the row's updated_at (the CRM's clock;
 * the commit time when it is missing). A POJO for Flink state.
 */
public class StatusChange {
    public long leadId;
    /** The lead's owner after the change (leads have no updated_by: the owner is who answers for it), or null. */
    public Long ownerId;
    public String toStatus;
    public long at;

    public StatusChange() {
    }

    public StatusChange(long leadId, Long ownerId, String toStatus, long at) {
        this.leadId = leadId;
        this.ownerId = ownerId;
        this.toStatus = toStatus;
        this.at = at;
    }

    public static Optional<StatusChange> of(CrmChange change) {
        if (!"leads".equals(change.table()) || change.after() == null) {
            return Optional.empty();
        }
        Map<String, Object> after = change.after();
        String status = (String) after.get("status");
        boolean changed = switch (change.op()) {
            case "c" -> true;
            case "u" -> change.before() == null || !Objects.equals(change.before().get("status"), status);
            default -> false;
        };
        if (!changed || status == null) {
            return Optional.empty();
        }
        Instant updatedAt = (Instant) after.get("updated_at");
        long at = (updatedAt != null ? updatedAt : change.committedAt()).toEpochMilli();
        return Optional.of(new StatusChange((Long) after.get("id"), (Long) after.get("owner_id"), status, at));
    }

    /** Who set which status: the key under which bursts are looked for. */
    public String ownerAndStatus() {
        return ownerId + "/" + toStatus;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusChange s && leadId == s.leadId && at == s.at && Objects.equals(ownerId, s.ownerId)
                && Objects.equals(toStatus, s.toStatus);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leadId, at, toStatus);
    }

    @Override
    public String toString() {
        return "lead " + leadId + " -> " + toStatus + " by " + ownerId + " at " + Instant.ofEpochMilli(at);
    }
}
