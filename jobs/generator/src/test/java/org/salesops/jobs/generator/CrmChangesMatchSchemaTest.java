package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmSchema;

class CrmChangesMatchSchemaTest {

    private final CrmSchema schema = CrmSchema.load();
    private final List<CrmChange> changes = Companies.small().crmChanges();

    @Test
    void everyRowHasExactlyItsTablesColumnsTypedAsTheDdlSays() {
        for (CrmChange change : changes) {
            CrmSchema.Table table = schema.table(change.table());
            assertThat(table).as(change.table()).isNotNull();
            if (change.op().equals("tombstone")) {
                assertThat(change.before()).containsOnlyKeys(table.primaryKey());
                assertThat(change.after()).isNull();
                continue;
            }
            for (Map<String, Object> row : new Map[] {change.before(), change.after()}) {
                if (row == null) {
                    continue;
                }
                assertThat(List.copyOf(row.keySet())).as(change.table())
                        .isEqualTo(table.columns().stream().map(CrmSchema.Column::name).toList());
                for (CrmSchema.Column column : table.columns()) {
                    Object value = row.get(column.name());
                    String where = change.table() + "." + column.name() + " in " + change;
                    if (value == null) {
                        assertThat(column.notNull()).as(where).isFalse();
                        continue;
                    }
                    assertThat(value).as(where).isInstanceOf(javaType(column.type()));
                    if (value instanceof BigDecimal decimal) {
                        assertThat(decimal.scale()).as(where).isEqualTo(column.scale());
                        assertThat(decimal.precision() - decimal.scale()).as(where)
                                .isLessThanOrEqualTo(column.precision() - column.scale());
                    }
                }
            }
        }
    }

    @Test
    void opsCarryTheImagesDebeziumGivesWithReplicaIdentityFull() {
        for (CrmChange change : changes) {
            switch (change.op()) {
                case "r", "c" -> assertThat(change.before()).as(change.toString()).isNull();
                case "u" -> assertThat(change.before()).as(change.toString()).isNotNull();
                case "d" -> assertThat(change.after()).as(change.toString()).isNull();
                case "tombstone" -> assertThat(change.lsn()).isNull();
                default -> throw new AssertionError("unexpected op " + change.op());
            }
            if (!change.op().equals("d") && !change.op().equals("tombstone")) {
                assertThat(change.after()).as(change.toString()).isNotNull();
            }
        }
    }

    @Test
    void theSnapshotComesFirstThenCommitsInOrderWithGrowingLsn() {
        int firstLive = 0;
        while (changes.get(firstLive).op().equals("r")) {
            firstLive++;
        }
        assertThat(firstLive).isGreaterThan(100);
        assertThat(changes.subList(firstLive, changes.size())).noneMatch(c -> c.op().equals("r"));
        Instant committed = Instant.MIN;
        long lsn = Long.MIN_VALUE;
        for (int i = 0; i < changes.size(); i++) {
            CrmChange change = changes.get(i);
            assertThat(change.committedAt()).isAfterOrEqualTo(committed);
            committed = change.committedAt();
            if (change.op().equals("tombstone")) {
                CrmChange delete = changes.get(i - 1);
                assertThat(delete.op()).isEqualTo("d");
                assertThat(change.before()).containsEntry("id", delete.before().get("id"));
                assertThat(change.committedAt()).isEqualTo(delete.committedAt());
                continue;
            }
            assertThat(change.lsn()).isGreaterThan(lsn);
            lsn = change.lsn();
            assertThat(change.txId()).isNotNull();
        }
    }

    @Test
    void aRowsOwnTimestampsAreNotAfterItsCommit() {
        for (CrmChange change : changes) {
            Map<String, Object> row = change.after();
            if (row == null) {
                continue;
            }
            for (String column : List.of("updated_at", "created_at", "occurred_at", "assigned_at", "sent_at",
                    "feedback_at", "signed_at", "issued_at", "completed_at", "decided_at", "submitted_at", "done_at")) {
                if (row.get(column) instanceof Instant time) {
                    assertThat(time).as(column + " of " + change).isBeforeOrEqualTo(change.committedAt());
                }
            }
        }
    }

    @Test
    void updatesFollowTheRowsPreviousStateAndIdsAreUnique() {
        Map<String, Map<Object, Map<String, Object>>> current = new HashMap<>();
        for (CrmChange change : changes) {
            Map<Object, Map<String, Object>> rows = current.computeIfAbsent(change.table(), t -> new HashMap<>());
            switch (change.op()) {
                case "r", "c" -> assertThat(rows.put(change.after().get("id"), change.after())).as(change.toString()).isNull();
                case "u" -> {
                    assertThat(rows.get(change.before().get("id"))).as(change.toString()).isEqualTo(change.before());
                    rows.put(change.after().get("id"), change.after());
                }
                case "d" -> assertThat(rows.remove(change.before().get("id"))).isEqualTo(change.before());
                default -> assertThat(rows).doesNotContainKey(change.before().get("id"));
            }
        }
        // payment_match_decisions are rare: the small company may have none (see DefaultCompanyTest).
        assertThat(current.keySet()).containsAll(Set.of("teams", "users", "customers", "leads", "opportunities",
                "activities", "daily_reports", "quotes", "commitments", "collab_tasks", "delivery_schedule",
                "contracts", "invoices", "receivable_steps", "status_change_requests"));
    }

    private static Class<?> javaType(CrmSchema.SqlType type) {
        return switch (type) {
            case BIGINT -> Long.class;
            case INTEGER -> Integer.class;
            case TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
            case NUMERIC -> BigDecimal.class;
            case TIMESTAMPTZ -> Instant.class;
            case DATE -> LocalDate.class;
        };
    }
}
