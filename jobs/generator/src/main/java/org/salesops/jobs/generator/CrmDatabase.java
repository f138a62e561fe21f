package org.salesops.jobs.generator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * The CRM's PostgreSQL database as the simulation writes it, and the Debezium connector watching
 * it. Before the snapshot the database fills silently (the company's history); the snapshot emits
 * every row as a read ({@code r}); afterwards each write is captured as a change with the full
 * before and after rows (REPLICA IDENTITY FULL), an increasing LSN, the transaction id and the
 * commit time, and a delete is followed by its tombstone.
 */
final class CrmDatabase {

    private static final Map<String, Long> FIRST_IDS = Map.ofEntries(
            Map.entry("teams", 1L), Map.entry("users", 1001L), Map.entry("customers", 20001L),
            Map.entry("leads", 100001L), Map.entry("opportunities", 300001L), Map.entry("activities", 500001L),
            Map.entry("daily_reports", 700001L), Map.entry("quotes", 800001L), Map.entry("commitments", 810001L),
            Map.entry("collab_tasks", 820001L), Map.entry("delivery_schedule", 830001L),
            Map.entry("contracts", 840001L), Map.entry("invoices", 850001L), Map.entry("receivable_steps", 860001L),
            Map.entry("status_change_requests", 870001L), Map.entry("payment_match_decisions", 880001L));

    private final CrmSchema schema;
    private final Agenda agenda;
    private final Rng rng;
    private final Map<String, TreeMap<Long, Map<String, Object>>> tables = new LinkedHashMap<>();
    private final Map<String, Long> nextIds = new HashMap<>();
    private final List<CrmChange> changes = new ArrayList<>();
    private boolean capturing;
    private long lsn = 38_271_512L;
    private long txId = 6_412L;
    private Instant lastCommit = Instant.EPOCH;
    private int transactionDepth;
    private Instant transactionCommit;
    private Instant snapshotCommittedAt;

    CrmDatabase(CrmSchema schema, Agenda agenda, Rng rng) {
        this.schema = schema;
        this.agenda = agenda;
        this.rng = rng;
        for (String table : schema.tables().keySet()) {
            tables.put(table, new TreeMap<>());
            nextIds.put(table, FIRST_IDS.getOrDefault(table, 1L));
        }
    }

    long nextId(String table) {
        long id = nextIds.get(table);
        nextIds.put(table, id + 1);
        return id;
    }

    /** Inserts a row (id included); columns not given are null, updated_at defaults to now. */
    Map<String, Object> insert(String table, Map<String, Object> values) {
        CrmSchema.Table definition = schema.table(table);
        Map<String, Object> given = new LinkedHashMap<>(values);
        if (definition.column("updated_at") != null) {
            given.putIfAbsent("updated_at", agenda.now());
        }
        Map<String, Object> row = RowTyping.complete(definition, given);
        long id = (Long) row.get(definition.primaryKey());
        if (tables.get(table).putIfAbsent(id, row) != null) {
            throw new IllegalStateException(table + " " + id + " inserted twice");
        }
        capture(table, "c", null, row);
        return Collections.unmodifiableMap(row);
    }

    /** Changes some columns of a row; updated_at becomes now. */
    void update(String table, long id, Map<String, Object> patch) {
        CrmSchema.Table definition = schema.table(table);
        Map<String, Object> before = existing(table, id);
        Map<String, Object> after = new LinkedHashMap<>(before);
        for (Map.Entry<String, Object> change : patch.entrySet()) {
            CrmSchema.Column column = definition.column(change.getKey());
            if (column == null) {
                throw new IllegalArgumentException(table + " has no column " + change.getKey());
            }
            after.put(change.getKey(), RowTyping.typed(definition, column, change.getValue()));
        }
        if (definition.column("updated_at") != null && !patch.containsKey("updated_at")) {
            after.put("updated_at", agenda.now());
        }
        after = RowTyping.complete(definition, after);
        tables.get(table).put(id, after);
        capture(table, "u", before, after);
    }

    void delete(String table, long id) {
        Map<String, Object> before = existing(table, id);
        tables.get(table).remove(id);
        capture(table, "d", before, null);
    }

    /** The current row, read-only; null when there is none. */
    Map<String, Object> row(String table, long id) {
        Map<String, Object> row = tables.get(table).get(id);
        return row == null ? null : Collections.unmodifiableMap(row);
    }

    Collection<Map<String, Object>> rows(String table) {
        return Collections.unmodifiableCollection(tables.get(table).values());
    }

    /** Runs the writes as one database transaction: one txId, one commit time. */
    void transaction(Runnable writes) {
        if (transactionDepth++ == 0) {
            transactionCommit = null;
        }
        try {
            writes.run();
        } finally {
            transactionDepth--;
        }
    }

    /** Debezium's initial snapshot: every row as a read, then capture of every later commit. */
    void snapshot() {
        Instant at = commitTime();
        snapshotCommittedAt = at;
        txId++;
        for (Map.Entry<String, TreeMap<Long, Map<String, Object>>> table : tables.entrySet()) {
            for (Map<String, Object> row : table.getValue().values()) {
                changes.add(new CrmChange(table.getKey(), "r", null, frozen(row), at, nextLsn(), txId));
            }
        }
        capturing = true;
    }

    /** When the last write was committed: what a record of that write is stamped with. */
    Instant lastCommittedAt() {
        return lastCommit;
    }

    /** When the database's content first became visible downstream: the snapshot's commit time. */
    Instant snapshotCommittedAt() {
        return snapshotCommittedAt;
    }

    /** When a write committed at the given time became visible downstream (earlier writes: with the snapshot). */
    Instant visibleAt(Instant committedAt) {
        return snapshotCommittedAt == null || committedAt.isAfter(snapshotCommittedAt) ? committedAt : snapshotCommittedAt;
    }

    List<CrmChange> changes() {
        return Collections.unmodifiableList(changes);
    }

    private Map<String, Object> existing(String table, long id) {
        Map<String, Object> row = tables.get(table).get(id);
        if (row == null) {
            throw new IllegalStateException(table + " " + id + " does not exist at " + agenda.now());
        }
        return row;
    }

    private void capture(String table, String op, Map<String, Object> before, Map<String, Object> after) {
        Instant committedAt;
        if (transactionDepth > 0) {
            if (transactionCommit == null) {
                transactionCommit = commitTime();
                txId++;
            }
            committedAt = transactionCommit;
        } else {
            committedAt = commitTime();
            txId++;
        }
        if (!capturing) {
            return;
        }
        changes.add(new CrmChange(table, op, frozen(before), frozen(after), committedAt, nextLsn(), txId));
        if (op.equals("d")) {
            String key = schema.table(table).primaryKey();
            Map<String, Object> keyOnly = new LinkedHashMap<>();
            keyOnly.put(key, before.get(key));
            changes.add(new CrmChange(table, "tombstone", Collections.unmodifiableMap(keyOnly), null,
                    committedAt, null, null));
        }
    }

    /** The commit lands a few milliseconds after the application's now(), never before the previous one. */
    private Instant commitTime() {
        Instant candidate = agenda.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(rng.between(2, 180));
        lastCommit = candidate.isAfter(lastCommit) ? candidate : lastCommit.plusMillis(1);
        return lastCommit;
    }

    private long nextLsn() {
        lsn += rng.between(56, 2_400);
        return lsn;
    }

    private static Map<String, Object> frozen(Map<String, Object> row) {
        return row == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }
}
