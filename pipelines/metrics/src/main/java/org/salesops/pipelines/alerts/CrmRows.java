package org.salesops.pipelines.alerts;

import java.time.Instant;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** Reading the typed CRM columns the alert rules need. */
final class CrmRows {

    private CrmRows() {
    }

    /** The row is gone: a delete, or the tombstone after it. */
    static boolean removed(CrmChange change) {
        return "d".equals(change.op()) || "tombstone".equals(change.op());
    }

    static long id(CrmChange change) {
        return (Long) change.row().get("id");
    }

    static String text(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }

    static Long bigint(Map<String, Object> row, String column) {
        return (Long) row.get(column);
    }

    /** A timestamptz column in epoch millis, or null. */
    static Long millis(Map<String, Object> row, String column) {
        Instant value = (Instant) row.get(column);
        return value == null ? null : value.toEpochMilli();
    }
}
