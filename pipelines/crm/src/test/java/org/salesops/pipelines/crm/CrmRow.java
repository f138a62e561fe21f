package org.salesops.pipelines.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds typed CRM rows and changes the way CrmChangeParser delivers them (nulls allowed), for the tests
 * of every module that consumes CRM changes (shared through this module's test-jar).
 */
public final class CrmRow {

    private final Map<String, Object> values = new HashMap<>();

    public static CrmRow row() {
        return new CrmRow();
    }

    public CrmRow with(String column, Object value) {
        values.put(column, value);
        return this;
    }

    public CrmRow copy() {
        CrmRow copy = new CrmRow();
        copy.values.putAll(values);
        return copy;
    }

    public Map<String, Object> values() {
        return values;
    }

    public static CrmChange created(String table, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "c", null, new HashMap<>(after.values), committedAt, null, null);
    }

    public static CrmChange snapshot(String table, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "r", null, new HashMap<>(after.values), committedAt, null, null);
    }

    public static CrmChange updated(String table, CrmRow before, CrmRow after, Instant committedAt) {
        return new CrmChange(table, "u", new HashMap<>(before.values), new HashMap<>(after.values), committedAt, null, null);
    }

    public static CrmChange deleted(String table, CrmRow before, Instant committedAt) {
        return new CrmChange(table, "d", new HashMap<>(before.values), null, committedAt, null, null);
    }

    public static CrmChange tombstone(String table, long id, Instant committedAt) {
        return new CrmChange(table, "tombstone", row().with("id", id).values, null, committedAt, null, null);
    }
}
