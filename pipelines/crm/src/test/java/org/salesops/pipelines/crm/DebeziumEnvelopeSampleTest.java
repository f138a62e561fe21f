package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.salesops.pipelines.common.RejectedInput;

/** The generic envelope on every real Debezium event in shared/samples/debezium. */
class DebeziumEnvelopeSampleTest {

    private static final String FLINK_FULL = "apache__flink/debezium-postgres-data-schema-exclude.txt";
    private static final String FLINK_DEFAULT = "apache__flink/debezium-postgres-data-replica-identity.txt";
    private static final String FLINK_WRAPPED = "apache__flink/debezium-postgres-data-schema-include.txt";
    private static final String PAIMON_ALL_TYPES = "apache__paimon/kafka/debezium/table/schema/alltype/debezium-data-1.txt";

    static List<Samples.Event> events() {
        return Samples.debeziumEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void readsEveryRowChangeAndNamesEveryOtherEvent(Samples.Event event) throws RejectedInput {
        SampleKind kind = SampleKind.of(event.file());
        if (kind.rejectedByEnvelope) {
            assertThatThrownBy(() -> DebeziumEnvelope.parse(event.bytes()))
                    .isInstanceOf(RejectedInput.class)
                    .hasMessageStartingWith(kind.reason);
            return;
        }
        DebeziumEnvelope envelope = DebeziumEnvelope.parse(event.bytes());
        assertThat(envelope.op()).isIn(switch (kind) {
            case TRUNCATE -> List.of("t");
            case MESSAGE -> List.of("m");
            default -> List.of("c", "u", "d", "r");
        });
        assertThat(envelope.source()).isNotNull();
        switch (envelope.op()) {
            case "c", "r" -> assertThat(envelope.after()).isNotNull().isNotEmpty();
            case "u" -> assertThat(envelope.after()).isNotNull();
            case "t", "m" -> assertThat(envelope.before()).isNull();
            default -> assertThat(envelope.after()).isNull();
        }
        if (envelope.source().connector() != null && envelope.source().connector().equals("postgresql")
                && !envelope.op().equals("m")) {
            assertThat(envelope.source().table()).isNotBlank();
            assertThat(envelope.source().lsn()).isPositive();
            assertThat(envelope.source().txId()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "apache__flink/debezium-postgres-data-schema-exclude.txt, c=2 d=1 r=9 u=4",
            "apache__flink/debezium-postgres-data-replica-identity.txt, c=2 d=1 r=9 u=4",
            "apache__flink/debezium-postgres-data-schema-include.txt, c=2 d=1 r=9 u=4",
            "apache__paimon/kafka/debezium/table/schemaevolution/debezium-data-3.txt, c=2 d=1 u=1",
            "apache__paimon/kafka/debezium/table/schema/schemaevolution/debezium-data-with-delete.txt, d=1",
            "apache__paimon/kafka/debezium/table/schema/alltype/debezium-data-1.txt, r=1",
            "apache__paimon/kafka/debezium/table/schema/include/debezium-data-1.txt, c=1",
            "apache__paimon/kafka/debezium/table/nullvalue/debezium-data-1.txt, c=1",
            "debezium__debezium/docs-extracted/postgresql-create-with-schema.json, c=1",
            "debezium__debezium/docs-extracted/postgresql-update.json, u=1",
            "debezium__debezium/docs-extracted/postgresql-delete.json, d=1",
            "debezium__debezium/docs-extracted/postgresql-truncate.json, t=1",
            "debezium__debezium/docs-extracted/postgresql-logical-decoding-message.json, m=1",
            "debezium__debezium/docs-extracted/mysql-truncate.json, t=1",
            "debezium__debezium/json/serde-unknown-property.json, u=1",
    })
    void findsTheOpsTheSourcesListSays(String file, String expectedOps) throws RejectedInput {
        Map<String, Integer> ops = new TreeMap<>();
        for (Samples.Event event : Samples.events(file)) {
            ops.merge(DebeziumEnvelope.parse(event.bytes()).op(), 1, Integer::sum);
        }
        StringBuilder counted = new StringBuilder();
        ops.forEach((op, n) -> counted.append(counted.isEmpty() ? "" : " ").append(op).append('=').append(n));
        assertThat(counted.toString()).isEqualTo(expectedOps);
    }

    @Test
    void replicaIdentityFullGivesTheWholeRowBeforeWhileDefaultGivesNone() throws RejectedInput {
        List<Samples.Event> full = Samples.events(FLINK_FULL);
        List<Samples.Event> identityDefault = Samples.events(FLINK_DEFAULT);
        assertThat(full).hasSameSizeAs(identityDefault).hasSize(16);
        for (int i = 0; i < full.size(); i++) {
            DebeziumEnvelope withFull = DebeziumEnvelope.parse(full.get(i).bytes());
            DebeziumEnvelope withDefault = DebeziumEnvelope.parse(identityDefault.get(i).bytes());
            assertThat(withDefault.op()).isEqualTo(withFull.op());
            if (withFull.op().equals("u") || withFull.op().equals("d")) {
                assertThat(withFull.before().properties()).extracting(Map.Entry::getKey)
                        .containsExactly("id", "name", "description", "weight");
                assertThat(withDefault.before()).isNull();
            }
        }
        DebeziumEnvelope delete = DebeziumEnvelope.parse(identityDefault.get(15).bytes());
        assertThat(delete.op()).isEqualTo("d");
        assertThat(delete.after()).isNull();
    }

    @Test
    void theWrappedStreamCarriesTheSameEventsAsTheBareOnePlusTheRowSchema() throws RejectedInput {
        List<Samples.Event> bare = Samples.events(FLINK_FULL);
        List<Samples.Event> wrapped = Samples.events(FLINK_WRAPPED);
        assertThat(wrapped).hasSameSizeAs(bare);
        for (int i = 0; i < bare.size(); i++) {
            DebeziumEnvelope plain = DebeziumEnvelope.parse(bare.get(i).bytes());
            DebeziumEnvelope withSchema = DebeziumEnvelope.parse(wrapped.get(i).bytes());
            assertThat(withSchema.op()).isEqualTo(plain.op());
            assertThat(withSchema.before()).isEqualTo(plain.before());
            assertThat(withSchema.after()).isEqualTo(plain.after());
            assertThat(withSchema.source()).isEqualTo(plain.source());
            assertThat(withSchema.tsMs()).isEqualTo(plain.tsMs());
            assertThat(plain.rowFields()).isEmpty();
            assertThat(withSchema.rowFields()).containsOnlyKeys("id", "name", "description", "weight");
        }
        DebeziumEnvelope first = DebeziumEnvelope.parse(wrapped.get(0).bytes());
        assertThat(first.rowFields().get("id")).isEqualTo(new ConnectField("id", "int32", null, Map.of(), false));
        assertThat(first.rowFields().get("weight").type()).isEqualTo("double");
        assertThat(first.source()).isEqualTo(new DebeziumSource("postgresql", "fullfillment", "postgres", "inventory",
                "products", 1596001099434L, 34078720L, 601L));
        assertThat(first.source().defaultTopic()).isEqualTo("fullfillment.inventory.products");
    }

    @Test
    void decodesPaimonsDecimalsDatesAndTimestampsFromTheWrapperAlone() throws RejectedInput {
        DebeziumEnvelope allTypes = DebeziumEnvelope.parse(Samples.events(PAIMON_ALL_TYPES).get(0).bytes());
        Map<String, ConnectField> fields = allTypes.rowFields();

        // Connect Decimals written as JSON numbers (JsonConverter decimal.format=NUMERIC): every digit is kept,
        // even beyond a double's 17; the scale comes from the wrapper
        assertThat(fields.get("_numeric").scale()).isEqualTo(3);
        assertThat(decimal(allTypes, "pt")).isEqualTo(new BigDecimal("1.1"));
        assertThat(decimal(allTypes, "_numeric")).isEqualTo(new BigDecimal("12345.110"));
        assertThat(decimal(allTypes, "_decimal")).isEqualTo(new BigDecimal("11111"));
        assertThat(decimal(allTypes, "_fixed")).isEqualTo(new BigDecimal("123456789876543212345678987654321.110"));
        assertThat(decimal(allTypes, "_big_decimal")).isEqualTo(new BigDecimal("2222222222222222300000001111.1234567890"));
        assertThat(decimal(allTypes, "_serial")).isEqualTo(new BigDecimal("40000000000"));

        assertThat(DebeziumValues.date(allTypes.after().get("_date"))).isEqualTo(LocalDate.of(2023, 3, 23));
        assertThat(timestamp(allTypes, "_datetime3")).isEqualTo(Instant.parse("2023-03-23T14:30:05.123Z"));
        assertThat(timestamp(allTypes, "_datetime6")).isEqualTo(Instant.parse("2023-03-23T14:30:05.123456Z"));
        assertThat(timestamp(allTypes, "_timestamp")).isEqualTo(Instant.parse("2023-03-23T22:00:10.123456Z"));
        assertThatThrownBy(() -> DebeziumValues.timestamp(allTypes.after().get("_datetime3"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a schema wrapper saying its unit");
    }

    @Test
    void decodesBase64UnscaledBytesAtTheWrappersScale() {
        ConnectField amount = new ConnectField("amount", "bytes", ConnectField.DECIMAL,
                Map.of("scale", "2", "connect.decimal.precision", "14"), true);
        // "C+o=" is 0x0BEA = 3050 unscaled, the example in Debezium's PostgreSQL documentation
        assertThat(DebeziumValues.decimal(new TextNode("C+o="), amount, null))
                .isEqualTo(new BigDecimal("30.50"));
        assertThat(DebeziumValues.decimal(new TextNode("/w=="), amount, null))
                .isEqualTo(new BigDecimal("-0.01"));
    }

    @Test
    void keysAreReadWithAndWithoutTheirSchema() throws RejectedInput {
        DebeziumKey mysql = DebeziumKey.parse(Samples.events("debezium__debezium/docs-extracted/mysql-key-with-schema.json")
                .get(0).bytes());
        assertThat(mysql.columns().get("id").intValue()).isEqualTo(1001);
        assertThat(mysql.fields().get("id").type()).isEqualTo("int32");

        // the PostgreSQL documentation renders the key schema in a non-JsonConverter shape: no usable field schemas
        DebeziumKey postgres = DebeziumKey.parse(Samples.events(
                "debezium__debezium/docs-extracted/postgresql-key-with-schema.json").get(0).bytes());
        assertThat(postgres.columns().get("id").asText()).isEqualTo("1");
        assertThat(postgres.fields()).isEmpty();
    }

    private static BigDecimal decimal(DebeziumEnvelope envelope, String column) {
        ConnectField field = envelope.rowFields().get(column);
        return DebeziumValues.decimal(envelope.after().get(column), field, null).setScale(field.scale());
    }

    private static Instant timestamp(DebeziumEnvelope envelope, String column) {
        return DebeziumValues.timestamp(envelope.after().get(column), envelope.rowFields().get(column));
    }
}
