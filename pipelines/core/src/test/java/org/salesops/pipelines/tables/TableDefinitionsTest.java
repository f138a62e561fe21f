package org.salesops.pipelines.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class TableDefinitionsTest {

    @Test
    void crmRawTableHasMetadataAndEveryEntityColumnFromTheDdl() {
        TableDefinition leads = TableDefinitions.crmRaw("leads");

        assertThat(leads.qualifiedName()).isEqualTo("raw.crm_leads");
        assertThat(leads.description()).startsWith("One row per change event of the CRM table `leads`");
        assertThat(leads.schema().findField("_op").isRequired()).isTrue();
        assertThat(leads.schema().findField("assigned_at").type()).isEqualTo(Types.TimestampType.withZone());
        assertThat(leads.schema().findField("channel").isOptional()).isTrue();
        assertThat(leads.partitionSpec().fields()).hasSize(1);
        assertThat(TableDefinitions.crmRaw("contracts").schema().findField("commission_rate").type())
                .isEqualTo(Types.DecimalType.of(5, 4));
    }

    @Test
    void rawTablesCoverEveryCrmEntityAndTheOtherFamilies() {
        List<String> names = TableDefinitions.rawTables().stream().map(TableDefinition::qualifiedName).toList();

        assertThat(names).hasSize(16 + 3).contains("raw.crm_payment_match_decisions", "raw.calls",
                "raw.bank_transactions", "raw.dead_letters");
    }

    @Test
    void goldTableCarriesItsUpsertIdentifier() {
        TableDefinition response = TableDefinitions.load("gold/lead_response");

        assertThat(response.identifierColumns()).containsExactly("lead_id", "assigned_at");
        assertThat(response.schema().identifierFieldNames()).containsExactlyInAnyOrder("lead_id", "assigned_at");
    }

    @Test
    void convertsJavaValuesToTheSinkRowOfAnyTable() {
        RowConverter converter = new RowConverter(TableDefinitions.load("raw/bank_transactions"));
        Map<String, Object> values = new HashMap<>();
        values.put("transaction_key", "REF-1");
        values.put("amount", new BigDecimal("-12.5"));
        values.put("booking_date", LocalDate.of(2026, 3, 2));
        values.put("booked_at", Instant.parse("2026-03-02T01:02:03Z"));
        values.put("reversal", true);
        values.put("referred_documents", List.of("INV-1", "INV-2"));

        RowData row = converter.convert(values);

        List<String> columns = converter.rowType().getFieldNames();
        assertThat(row.getString(columns.indexOf("transaction_key")).toString()).isEqualTo("REF-1");
        assertThat(row.getDecimal(columns.indexOf("amount"), 18, 5).toBigDecimal()).isEqualByComparingTo("-12.5");
        assertThat(row.getInt(columns.indexOf("booking_date"))).isEqualTo((int) LocalDate.of(2026, 3, 2).toEpochDay());
        assertThat(row.getTimestamp(columns.indexOf("booked_at"), 6).toInstant()).isEqualTo("2026-03-02T01:02:03Z");
        assertThat(row.getBoolean(columns.indexOf("reversal"))).isTrue();
        assertThat(row.getArray(columns.indexOf("referred_documents")).size()).isEqualTo(2);
        assertThat(row.isNullAt(columns.indexOf("currency"))).isTrue();
    }
}
