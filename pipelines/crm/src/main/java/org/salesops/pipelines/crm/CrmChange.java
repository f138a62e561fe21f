package org.salesops.pipelines.crm;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.salesops.pipelines.common.ImmutableTypeInfo;

/**
 * One row change in the CRM's database, as Debezium reports it, with values already typed
 * according to the CRM schema (schemas/input/crm-source.sql): bigint -> Long, integer -> Integer,
 * text -> String, boolean -> Boolean, numeric -> BigDecimal (with the column's scale),
 * timestamptz -> Instant, date -> LocalDate. Immutable, maps included, so the job hands one change to the many
 * operators that read it instead of a copy to each ({@link #TYPE}).
 *
 * @param table       CRM table name, e.g. "leads"
 * @param op          "c" create, "u" update, "d" delete, "r" snapshot read, "tombstone" (the null-value
 *                    record Debezium sends after a delete, so the key can be compacted away)
 * @param before      row before the change (null on c/r; for a tombstone, just the key columns)
 * @param after       row after the change (null on d)
 * @param committedAt source.ts_ms: when the change was committed in the CRM database
 * @param lsn         source.lsn (PostgreSQL), null for other sources
 * @param txId        source.txId, null when absent
 */
public record CrmChange(
        String table,
        String op,
        Map<String, Object> before,
        Map<String, Object> after,
        Instant committedAt,
        Long lsn,
        Long txId) {

    /** The Flink type of a change: serialised as a POJO, never copied (it cannot change). */
    public static final TypeInformation<CrmChange> TYPE = new ImmutableTypeInfo<>(TypeInformation.of(CrmChange.class));

    public CrmChange {
        before = before == null ? null : Collections.unmodifiableMap(before);
        after = after == null ? null : Collections.unmodifiableMap(after);
    }

    /** The row the change leaves behind: after, or before for a delete. */
    public Map<String, Object> row() {
        return after != null ? after : before;
    }
}
