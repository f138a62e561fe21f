package org.salesops.pipelines.process;

import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Where a change stands in its row's history: the commit time, then the log position. A change
 * that is not after the last one applied is a re-delivery or arrived out of order, and is ignored.
 */
public class ChangeVersion {
    public long committedAt;
    /** PostgreSQL LSN; -1 when the source has none (then the commit time alone orders). */
    public long lsn = -1;

    public ChangeVersion() {
    }

    public ChangeVersion(long committedAt, long lsn) {
        this.committedAt = committedAt;
        this.lsn = lsn;
    }

    public static ChangeVersion of(CrmChange change) {
        return new ChangeVersion(change.committedAt().toEpochMilli(), change.lsn() == null ? -1 : change.lsn());
    }

    /** True when this change comes after {@code other} (null: nothing applied yet). */
    public boolean isAfter(ChangeVersion other) {
        return other == null || committedAt > other.committedAt
                || (committedAt == other.committedAt && lsn > other.lsn);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeVersion v && committedAt == v.committedAt && lsn == v.lsn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(committedAt, lsn);
    }

    @Override
    public String toString() {
        return committedAt + "/" + lsn;
    }
}
