package org.salesops.pipelines.matching;

import org.salesops.pipelines.crm.CrmChange;

/**
 * What every CRM row change the engine reads carries: its row id, whether the row is gone, and
 * where the change stands in the row's history (commit time, then log position), so a re-delivered
 * or older change never overwrites a newer one.
 */
public abstract class CrmRowChange {
    public long id;
    public boolean deleted;
    public long committedAt;
    /** PostgreSQL LSN; -1 when the source has none (then the commit time alone orders). */
    public long lsn = -1;

    void versionOf(CrmChange change) {
        id = CrmColumns.bigint(change.row(), "id");
        deleted = change.after() == null;
        committedAt = change.committedAt().toEpochMilli();
        lsn = change.lsn() == null ? -1 : change.lsn();
    }

    /** True when this change comes after {@code other} (null: nothing applied yet). */
    boolean isAfter(CrmRowChange other) {
        return other == null || committedAt > other.committedAt || (committedAt == other.committedAt && lsn > other.lsn);
    }

    /** Rows the engine reads: not a tombstone (the delete before it said all), and with an id. */
    static boolean readable(CrmChange change, String table) {
        return table.equals(change.table()) && !"tombstone".equals(change.op()) && change.row() != null
                && change.row().get("id") != null;
    }
}
