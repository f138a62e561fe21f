package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack with the SQLite catalog, end to end: Kafka, Iceberg Java and Trino on one catalog. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    @TempDir
    static Path stackDir;

    static LocalStack stack;
    static final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startStack() throws Exception {
        StackPorts ports = new StackPorts(FreePorts.withNextFree(), FreePorts.any());
        stack = LocalStack.start(stackDir, ports, CatalogKind.SQLITE, progress::add);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void reportsWhereEverythingIs() {
        assertThat(stack.kafkaBootstrap()).isEqualTo("127.0.0.1:" + stack.ports().kafka());
        assertThat(stack.trinoJdbcUrl()).isEqualTo("jdbc:trino://127.0.0.1:" + stack.ports().trino() + "/lakehouse");
        assertThat(stack.catalogSettings().jdbcUrl()).startsWith("jdbc:sqlite:" + stackDir.resolve("catalog.db"));
        assertThat(stack.kafkaLogFile()).isRegularFile().content().contains("Kafka Server started");
        assertThat(stack.trinoLogFile()).isRegularFile().content().contains("SERVER STARTED");
        assertThat(progress).anyMatch(line -> line.startsWith("Kafka ready on"))
                .anyMatch(line -> line.startsWith("Trino ready at"))
                .last().asString().startsWith("Local stack ready");
    }

    @Test
    @Order(2)
    void brokerDeliversEveryProducedRecordInOrder() throws Exception {
        // given: the real CDR lines, keyed by their Asterisk uniqueid
        List<String> cdrLines = AsteriskCdr.lines();
        String topic = "pbx.cdr";

        // when
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String line : cdrLines) {
                String uniqueId = AsteriskCdr.fields(line).get(AsteriskCdr.UNIQUEID);
                producer.send(new ProducerRecord<>(topic, uniqueId, line)).get(30, TimeUnit.SECONDS);
            }
        }

        // then
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.size() >= cdrLines.size();
            });
        }
        assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(cdrLines);
        assertThat(received.get(0).key()).isEqualTo("1498555635.0");
    }

    @Test
    @Order(3)
    void trinoReadsTheTableIcebergJavaWrote_andIcebergJavaReadsTrinosInsert() throws Exception {
        // given: a format-version 2 table written by Iceberg Java, as a Flink job would
        List<String> cdrLines = AsteriskCdr.lines();
        int expectedBillsec = cdrLines.stream()
                .mapToInt(line -> Integer.parseInt(AsteriskCdr.fields(line).get(AsteriskCdr.BILLSEC))).sum();
        long expectedAnswered = cdrLines.stream()
                .filter(line -> AsteriskCdr.fields(line).get(AsteriskCdr.DISPOSITION).equals("ANSWERED")).count();
        try (JdbcCatalog catalog = CdrSmokeTable.openCatalog(stack.catalogSettings())) {
            Table table = CdrSmokeTable.create(catalog);
            CdrSmokeTable.append(table, cdrLines);
            assertThat(CdrSmokeTable.formatVersion(table)).isEqualTo(2);

            try (Connection trino = DriverManager.getConnection(stack.trinoJdbcUrl(), trinoUser());
                 Statement sql = trino.createStatement()) {
                // then: Trino sees the rows and the snapshot
                assertThat(single(sql, "SELECT count(*) FROM smoke.cdr_calls")).isEqualTo(cdrLines.size());
                assertThat(single(sql, "SELECT sum(billsec) FROM smoke.cdr_calls")).isEqualTo(expectedBillsec);
                assertThat(single(sql, "SELECT count(*) FROM smoke.cdr_calls WHERE disposition = 'ANSWERED'"))
                        .isEqualTo(expectedAnswered);
                try (ResultSet snapshots = sql.executeQuery(
                        "SELECT snapshot_id, operation FROM \"smoke\".\"cdr_calls$snapshots\"")) {
                    assertThat(snapshots.next()).isTrue();
                    assertThat(snapshots.getLong("snapshot_id")).isEqualTo(table.currentSnapshot().snapshotId());
                    assertThat(snapshots.getString("operation")).isEqualTo("append");
                    assertThat(snapshots.next()).isFalse();
                }

                // when: Trino writes into the same table
                sql.executeUpdate("INSERT INTO smoke.cdr_calls VALUES ('trino.1', '100', '200', 'ANSWERED', 42)");
            }

            // then: Iceberg Java sees Trino's commit through the shared catalog. (Reading rows back
            // with IcebergGenerics needs Flink's table classes next to iceberg-flink-runtime.)
            table.refresh();
            assertThat(table.snapshots()).hasSize(2);
            assertThat(table.currentSnapshot().summary())
                    .containsEntry("added-records", "1")
                    .containsEntry("total-records", Integer.toString(cdrLines.size() + 1));
            assertThat(CdrSmokeTable.formatVersion(table)).isEqualTo(2);
        }
    }

    @Test
    @Order(4)
    void aBusyPortFailsFastNamingThePortAndLeavesNothingRunning(@TempDir Path otherDir) {
        int kafkaPort = stack.ports().kafka();
        assertThatThrownBy(() -> new KafkaBroker(otherDir.resolve("kafka"), kafkaPort).start(line -> { }))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("Port " + kafkaPort)
                .hasMessageContaining("Kafka broker")
                .hasMessageContaining("StackPorts.kafka");

        int freeKafkaPort = FreePorts.withNextFree();
        int trinoPort = stack.ports().trino();
        long started = System.nanoTime();
        assertThatThrownBy(() -> LocalStack.start(otherDir.resolve("stack"), new StackPorts(freeKafkaPort, trinoPort),
                CatalogKind.SQLITE, line -> { }))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("Port " + trinoPort)
                .hasMessageContaining("StackPorts.trino")
                .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(trinoPort));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(FreePorts.isFree(freeKafkaPort)).as("no broker left running").isTrue();
    }

    @Test
    @Order(5)
    void closeStopsKafkaAndTrino() throws Exception {
        stack.close();

        assertThat(FreePorts.isFree(stack.ports().kafka())).isTrue();
        assertThat(FreePorts.isFree(stack.ports().kafka() + 1)).isTrue();
        assertThat(FreePorts.isFree(stack.ports().trino())).isTrue();
    }

    private static Properties trinoUser() {
        Properties properties = new Properties();
        // A service account of schemas/access/groups.txt: the access rules give it everything.
        properties.setProperty("user", "test");
        return properties;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}
