package org.salesops.pipelines.process;

import org.salesops.pipelines.crm.CrmChange;

/** A commitment registered for a customer (or, removed, no longer there), as it counts for promises. */
public class Registration {
    public long customerId;
    public long commitmentId;
    public long createdAt;
    public boolean removed;
    public ChangeVersion version;

    public Registration() {
    }

    public Registration(long customerId, long commitmentId, long createdAt, boolean removed, ChangeVersion version) {
        this.customerId = customerId;
        this.commitmentId = commitmentId;
        this.createdAt = createdAt;
        this.removed = removed;
        this.version = version;
    }

    /** Null for anything but a commitments change with its customer and creation time. */
    public static Registration of(CrmChange change) {
        CommitmentChange c = CommitmentChange.of(change);
        return c == null ? null : new Registration(c.customerId, c.commitmentId, c.createdAt, c.deleted, c.version);
    }
}
