package org.salesops.pipelines.integrity;

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

    static CrmChange created(String table, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "c", null, new HashMap<>(after.values), committedAt, null, null);
    }

    static CrmChange snapshot(String table, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "r", null, new HashMap<>(after.values), committedAt, null, null);
    }

    static CrmChange updated(String table, CrmRow before, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "u", new HashMap<>(before.values), new HashMap<>(after.values), committedAt, null, null);
    }

    static CrmChange deleted(String table, CrmRow before, Instant committedAt) {
        return new CrmChange(table, "d", new HashMap<>(before.values), null, committedAt, null, null);
    }
}
