package org.salesops.pipelines.alerts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/** Builds typed CRM rows and changes the way CrmChangeParser delivers them (nulls allowed). */
final class CrmRow {

    private final Map<String, Object> values = new HashMap<>();

    static CrmRow row() {
        return new CrmRow();
    }

    CrmRow with(String column, Object value) {
        values.put(column, value);
        return this;
    }

    CrmRow copy() {
        CrmRow copy = new CrmRow();
        copy.values.putAll(values);
        return copy;
    }

    Map<String, Object> values() {
        return values;
    }

    static CrmChange created(String table, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "c", null, after.values(), committedAt, null, null);
    }

    static CrmChange snapshot(String table, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "r", null, after.values(), committedAt, null, null);
    }

    static CrmChange updated(String table, CrmRow before, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "u", before.values(), after.values(), committedAt, null, null);
    }

    static CrmChange deleted(String table, CrmRow before, Instant committedAt) {
        return new CrmChange(table, "d", before.values(), null, committedAt, null, null);
    }

    static CrmChange tombstone(String table, long id, Instant committedAt) {
        return new CrmChange(table, "tombstone", row().with("id", id).values(), null, committedAt, null, null);
    }
}
