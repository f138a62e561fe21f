package org.salesops.jobs.cli;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/**
 * The generated company's CRM as it stood at an instant, worked out by hand from its change record: each row's
 * last change committed at or before the instant, deleted rows gone. What the as-of views must agree with.
 */
final class CrmAsOf {

    private final Map<String, Map<Long, Map<String, Object>>> tables = new LinkedHashMap<>();

    CrmAsOf(List<CrmChange> changes, Instant at) {
        for (CrmChange change : changes) {
            if (change.committedAt() == null || change.committedAt().isAfter(at) || change.op().equals("tombstone")) {
                continue;
            }
            Map<Long, Map<String, Object>> rows = tables.computeIfAbsent(change.table(), t -> new LinkedHashMap<>());
            Long id = (Long) change.row().get("id");
            if (change.after() == null) {
                rows.remove(id);
            } else {
                rows.put(id, change.after());
            }
        }
    }

    Collection<Map<String, Object>> rows(String table) {
        return tables.getOrDefault(table, Map.of()).values();
    }

    Map<String, Object> row(String table, long id) {
        return tables.getOrDefault(table, Map.of()).get(id);
    }
}
