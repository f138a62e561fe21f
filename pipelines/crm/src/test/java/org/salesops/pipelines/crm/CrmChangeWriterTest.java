package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salesops.pipelines.common.RejectedInput;

/** The writer: what it writes reads back to the same change, and looks like what Debezium writes. */
class CrmChangeWriterTest {

    private static final CrmSchema SCHEMA = CrmSchema.load();
    private static final Instant COMMITTED = Instant.parse("2026-03-02T01:30:00.123Z");

    private final CrmChangeWriter writer = new CrmChangeWriter();
    private final CrmChangeParser parser = new CrmChangeParser();

    /** Every CRM table with every combination of the two flags. */
    static Stream<Arguments> tablesAndFlags() {
        return SCHEMA.tables().keySet().stream().flatMap(table -> Stream.of(
                Arguments.of(table, false, false), Arguments.of(table, false, true),
                Arguments.of(table, true, false), Arguments.of(table, true, true)));
    }

    /** One change of each op for the table, nullable columns both filled and null. */
    static List<CrmChange> changesOf(String tableName) {
        CrmSchema.Table table = SCHEMA.table(tableName);
        Map<String, Object> before = CrmRows.full(table, 42L, 0);
        Map<String, Object> after = CrmRows.full(table, 42L, 1);
        List<CrmChange> changes = new ArrayList<>();
        changes.add(new CrmChange(tableName, "c", null, after, COMMITTED, 24023128L, 7811L));
        changes.add(new CrmChange(tableName, "c", null, CrmRows.sparse(table, 43L), COMMITTED, 24023200L, 7812L));
        changes.add(new CrmChange(tableName, "u", before, after, COMMITTED.plusMillis(1), 24023300L, 7813L));
        changes.add(new CrmChange(tableName, "d", after, null, COMMITTED.plusMillis(2), 24023400L, 7814L));
        changes.add(new CrmChange(tableName, "r", null, before, COMMITTED, null, null));
        return changes;
    }

    @ParameterizedTest(name = "{0} wrapper={1} base64={2}")
    @MethodSource("tablesAndFlags")
    void everyChangeReadsBackAsItWasWritten(String table, boolean withSchemaWrapper, boolean decimalsAsBase64)
            throws RejectedInput {
        for (CrmChange change : changesOf(table)) {
            byte[] value = writer.value(change, withSchemaWrapper, decimalsAsBase64);

            assertThat(parser.parse(CrmTopics.topic(table), writer.key(change, withSchemaWrapper), value))
                    .as("%s %s", table, change.op())
                    .isEqualTo(change);
        }
    }

    @ParameterizedTest(name = "{0} wrapper={1}")
    @MethodSource("tablesAndFlags")
    void tombstonesAreANullValueAndTheKey(String table, boolean withSchemaWrapper, boolean decimalsAsBase64)
            throws RejectedInput {
        CrmChange tombstone = new CrmChange(table, "tombstone", Map.of("id", 42L), null, null, null, null);

        assertThat(writer.value(tombstone, withSchemaWrapper, decimalsAsBase64)).isNull();
        assertThat(parser.parse(CrmTopics.topic(table), writer.key(tombstone, withSchemaWrapper), null)).isEqualTo(tombstone);
    }

    @Test
    void negativeDecimalsReadBackFromBase64() throws RejectedInput {
        CrmSchema.Table contracts = SCHEMA.table("contracts");
        Map<String, Object> row = new LinkedHashMap<>(CrmRows.full(contracts, 7L, 0));
        row.put("amount", new BigDecimal("-12.05"));
        CrmChange refund = new CrmChange("contracts", "c", null, row, COMMITTED, 1L, 2L);

        assertThat(parser.parse("crm.public.contracts", null, writer.value(refund, true, true))).isEqualTo(refund);
        assertThat(parser.parse("crm.public.contracts", null, writer.value(refund, false, true))).isEqualTo(refund);
    }

    @Test
    void writesTheKeyAsDebeziumDoes() throws IOException {
        CrmChange change = changesOf("leads").get(0);

        assertThat(ConnectJson.MAPPER.readTree(writer.key(change))).isEqualTo(ConnectJson.MAPPER.readTree("{\"id\":42}"));
        assertThat(ConnectJson.MAPPER.readTree(writer.key(change, true))).isEqualTo(ConnectJson.MAPPER.readTree(
                "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"}],"
                        + "\"optional\":false,\"name\":\"crm.public.leads.Key\"},\"payload\":{\"id\":42}}"));
    }

    @Test
    void declaresDebeziumsFieldTypesInTheWrapper() throws IOException {
        CrmChange change = changesOf("opportunities").get(0);
        JsonNode precise = ConnectJson.MAPPER.readTree(writer.value(change, true, true));
        JsonNode asString = ConnectJson.MAPPER.readTree(writer.value(change, true, false));

        assertThat(precise.at("/schema/name").asText()).isEqualTo("crm.public.opportunities.Envelope");
        assertThat(field(precise, "after", "amount")).isEqualTo(ConnectJson.MAPPER.readTree(
                "{\"type\":\"bytes\",\"optional\":true,\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,"
                        + "\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"14\"},\"field\":\"amount\"}"));
        assertThat(field(asString, "after", "amount")).isEqualTo(ConnectJson.MAPPER.readTree(
                "{\"type\":\"string\",\"optional\":true,\"field\":\"amount\"}"));
        assertThat(field(precise, "after", "id").toString()).isEqualTo("{\"type\":\"int64\",\"optional\":false,\"field\":\"id\"}");
        assertThat(field(precise, "after", "owner_id").path("optional").booleanValue()).isFalse();
        assertThat(field(precise, "after", "lead_id").path("optional").booleanValue()).isTrue();
        assertThat(field(precise, "after", "created_at").path("name").asText()).isEqualTo("io.debezium.time.ZonedTimestamp");
        assertThat(field(precise, "after", "expected_close_date").path("name").asText()).isEqualTo("io.debezium.time.Date");
        assertThat(field(precise, "after", "expected_close_date").path("type").asText()).isEqualTo("int32");

        // 99999999999.93 at scale 2: unscaled 9999999999993 = 0x09184E729FF9
        assertThat(change.after().get("amount")).isEqualTo(new BigDecimal("99999999999.93"));
        assertThat(precise.at("/payload/after/amount").asText()).isEqualTo("CRhOcp/5");
        assertThat(asString.at("/payload/after/amount").asText()).isEqualTo("99999999999.93");
        assertThat(change.after().get("created_at")).isEqualTo(Instant.parse("2026-03-02T12:30:00.123456Z"));
        assertThat(precise.at("/payload/after/created_at").asText()).isEqualTo("2026-03-02T12:30:00.123456Z");
        assertThat(precise.at("/payload/source/ts_ms").longValue()).isEqualTo(COMMITTED.toEpochMilli());
        assertThat(precise.at("/payload/source/ts_us").longValue()).isEqualTo(COMMITTED.toEpochMilli() * 1000);
        assertThat(precise.at("/payload/source/table").asText()).isEqualTo("opportunities");
        assertThat(precise.at("/payload/source/name").asText()).isEqualTo("crm");
    }

    @Test
    void writesEveryEnvelopeAndSourceFieldTheRealConnectorWrites() throws IOException {
        JsonNode real = ConnectJson.MAPPER.readTree(Samples.events(
                "debezium__debezium/docs-extracted/postgresql-create-with-schema.json").get(0).json());
        JsonNode ours = ConnectJson.MAPPER.readTree(writer.value(changesOf("leads").get(0), true, true));

        assertThat(names(ours.get("payload"))).containsAll(names(real.get("payload")));
        assertThat(names(ours.at("/payload/source"))).containsAll(names(real.at("/payload/source")));
        assertThat(fieldNames(ours.get("schema"))).containsAll(fieldNames(real.get("schema")));
        assertThat(ours.at("/schema/fields/2/name")).isEqualTo(real.at("/schema/fields/2/name"));
    }

    @Test
    void refusesChangesItCannotWriteFaithfully() {
        CrmSchema.Table leads = SCHEMA.table("leads");
        Map<String, Object> wrongType = new LinkedHashMap<>(CrmRows.full(leads, 1L, 0));
        wrongType.put("owner_id", "21");
        Map<String, Object> unknownColumn = new LinkedHashMap<>(CrmRows.full(leads, 1L, 0));
        unknownColumn.put("wechat_id", "wx");

        assertThatThrownBy(() -> writer.value(new CrmChange("leads", "c", null, wrongType, COMMITTED, 1L, 1L), false, false))
                .hasMessageStartingWith("leads.owner_id: cannot write String 21 as BIGINT");
        assertThatThrownBy(() -> writer.value(new CrmChange("leads", "c", null, unknownColumn, COMMITTED, 1L, 1L), false, false))
                .hasMessage("leads has no column wechat_id");
        assertThatThrownBy(() -> writer.value(new CrmChange("leads", "c", null, CrmRows.full(leads, 1L, 0), null, 1L, 1L),
                false, false)).hasMessageContaining("needs committedAt");
    }

    private static JsonNode field(JsonNode wrapped, String side, String column) {
        for (JsonNode sideSchema : wrapped.at("/schema/fields")) {
            if (side.equals(sideSchema.path("field").asText())) {
                for (JsonNode field : sideSchema.path("fields")) {
                    if (column.equals(field.path("field").asText())) {
                        return field;
                    }
                }
            }
        }
        throw new AssertionError("no " + side + "." + column + " in the schema");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> fieldNames(JsonNode struct) {
        Set<String> names = new HashSet<>();
        struct.path("fields").forEach(f -> names.add(f.path("field").asText()));
        return names;
    }
}
