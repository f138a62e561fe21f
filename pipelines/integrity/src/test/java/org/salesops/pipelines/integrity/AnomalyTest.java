package org.salesops.pipelines.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.integrity.Harnesses.at;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

class AnomalyTest {

    static final TableDefinition TABLE = TableDefinitions.load("gold/integrity_anomalies");

    @Test
    void everyKindFillsExactlyTheTablesColumns() {
        List<String> columns = TABLE.schema().columns().stream().map(Types.NestedField::name).toList();
        List<Anomaly> kinds = List.of(
                Anomaly.backDated("lead", 1L, 7L, 1L, at(-30), at(0)),
                Anomaly.bulkStatusFlip(7L, "pending_followup", List.of(1L, 2L), at(0), at(0.1), at(0.3)),
                Anomaly.callWithoutCdr(5L, 7L, 1L, at(0), at(2), Duration.ofHours(2)),
                Anomaly.unapprovedStatusChange(1L, 7L, "lost", at(0), at(24), Duration.ofHours(24)));

        assertThat(kinds).allSatisfy(a -> assertThat(a.toRow().keySet()).containsExactlyInAnyOrderElementsOf(columns));
        assertThat(kinds).allSatisfy(a -> assertThat(a.details).matches(".*\\p{IsHan}.*[A-Za-z].*"));
        assertThat(TABLE.identifierColumns()).containsExactly("anomaly_id");
    }

    @Test
    void aBulkFlipConvertsToTheSinkRowWithItsLeads() {
        RowConverter converter = new RowConverter(TABLE);
        Map<String, Object> values = Anomaly.bulkStatusFlip(7L, "pending_followup", List.of(11L, 12L, 13L),
                at(0), at(0.1), at(0.3)).toRow();

        RowData row = converter.convert(values);

        List<String> names = converter.rowType().getFieldNames();
        assertThat(row.getString(names.indexOf("anomaly_id")).toString())
                .isEqualTo("bulk_status_flip:user:7:" + at(0));
        var leads = row.getArray(names.indexOf("lead_ids"));
        assertThat(List.of(leads.getLong(0), leads.getLong(1), leads.getLong(2))).containsExactly(11L, 12L, 13L);
        assertThat(row.getTimestamp(names.indexOf("last_at"), 6).getMillisecond()).isEqualTo(at(0.1));
        assertThat(row.isNullAt(names.indexOf("claimed_at"))).isTrue();
    }
}
