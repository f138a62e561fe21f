package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.LocalStack;
import org.salesops.infra.local.StackPorts;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.GroundTruth;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * The walking skeleton on the real stack: a Kafka broker and Trino started from Maven jars, a
 * generated company published in the real formats, the ingest job on a Flink MiniCluster at
 * parallelism 2, and every result read back through Trino with trino-jdbc and compared with the
 * generator's ground truth.
 */
class EndToEndTest {

    @TempDir
    static Path stackDir;
    static LocalStack stack;
    static Connection trino;
    static GeneratedCompany company;
    static CompanyPublisher.Published published;

    @BeforeAll
    static void runTheSmallCompanyThroughTheWholeStack() throws Exception {
        stack = LocalStack.start(stackDir, freePorts(), CatalogKind.SQLITE, line -> { });
        company = CompanyGenerator.generate(CompanyProfile.small());
        published = CompanyPublisher.publish(company, stack.kafkaBootstrap(), CompanyPublisher.Options.defaults(), n -> { });
        IngestRun.run(new IngestRun.Options(stack.kafkaBootstrap(), stack.catalogSettings().name(),
                stack.catalogSettings().icebergProperties(), 2, Duration.ofSeconds(2), true), true);
        trino = DriverManager.getConnection(stack.trinoJdbcUrl(), "test", null);
        TrinoViews.createCurrentCrmViews(trino);
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (trino != null) {
            trino.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPublishedRecordIsATypedRowOrADeadLetterAndNeverBoth() throws SQLException {
        List<String> positions = new ArrayList<>();
        for (String table : CrmSchema.load().tables().keySet()) {
            positions.add("SELECT DISTINCT _source_topic t, _source_partition p, _source_offset o FROM raw.crm_" + table);
        }
        positions.add("SELECT DISTINCT _source_topic, _source_partition, _source_offset FROM raw.calls");
        positions.add("SELECT DISTINCT _source_topic, _source_partition, _source_offset FROM raw.bank_transactions");
        String typed = String.join(" UNION ALL ", positions);

        long typedRecords = single("SELECT count(*) FROM (" + typed + ")");
        long deadLetters = single("SELECT count(*) FROM raw.dead_letters");
        long distinctPositions = single("SELECT count(*) FROM (SELECT DISTINCT t, p, o FROM (" + typed
                + " UNION ALL SELECT source_topic, source_partition, source_offset FROM raw.dead_letters))");

        assertThat(typedRecords + deadLetters).isEqualTo(published.total());
        assertThat(distinctPositions).as("no record is in two places").isEqualTo(published.total());
    }

    @Test
    void rawTablesHoldExactlyTheGeneratedRows() throws SQLException {
        GroundTruth truth = company.groundTruth();
        for (Map.Entry<String, Long> expected : truth.rowsPerRawTable().entrySet()) {
            assertThat(single("SELECT count(*) FROM raw." + expected.getKey()))
                    .as("rows in raw.%s", expected.getKey()).isEqualTo(expected.getValue());
        }
    }

    @Test
    void deadLettersAreTheMalformedPayloadsAndTheReDeliveriesEachWithAReason() throws SQLException {
        assertThat(single("SELECT count(*) FROM raw.dead_letters WHERE error_kind = 'rejected'"))
                .isEqualTo(company.groundTruth().deadLetters());
        assertThat(single("SELECT count(*) FROM raw.dead_letters WHERE error_kind = 'duplicate'"))
                .isEqualTo(published.redeliveries());
        assertThat(single("SELECT count(*) FROM raw.dead_letters WHERE error IS NULL OR length(error) < 10")).isZero();
    }

    @Test
    void leadsPerChannelAgreeWithTheGroundTruth() throws SQLException {
        Map<String, Long> actual = new HashMap<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(DirectorSummary.LEADS_PER_CHANNEL)) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(actual).isEqualTo(company.groundTruth().leadsPerChannel());
    }

    @Test
    void leadResponseTimesEqualTheGroundTruthRowForRow() throws SQLException {
        Set<String> expected = new HashSet<>();
        for (GroundTruth.LeadAssignment a : company.groundTruth().leadAssignments()) {
            expected.add(responseRow(a.leadId(), a.assignedAt(), a.ownerId(), a.firstContactAt(), a.contactKind(),
                    a.responseMinutes(), a.slaMet()));
        }
        Set<String> actual = new HashSet<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT lead_id, assigned_at, owner_id, first_contact_at, contact_kind, response_minutes, sla_met
                FROM gold.lead_response""")) {
            while (rs.next()) {
                actual.add(responseRow(rs.getLong(1), instant(rs, 2), rs.getLong(3), instant(rs, 4), rs.getString(5),
                        (Long) rs.getObject(6), rs.getBoolean(7)));
            }
        }
        assertThat(actual).hasSameSizeAs(company.groundTruth().leadAssignments());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theDirectorSummaryRendersFromTrino() throws SQLException {
        String summary = DirectorSummary.render(trino, new ArrayList<>(CrmSchema.load().tables().keySet()));

        assertThat(summary).contains("douyin", "expo", "website", "referral", "华东", "dead letters");
    }

    static String responseRow(long lead, Instant assignedAt, long owner, Instant contact, String kind, Long minutes,
                              boolean slaMet) {
        return lead + "|" + assignedAt + "|" + owner + "|" + contact + "|" + kind + "|" + minutes + "|" + slaMet;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(column, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
        return ts == null ? null : ts.toInstant();
    }

    static long single(String sql) throws SQLException {
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static StackPorts freePorts() throws IOException {
        // Kafka needs two consecutive ports (broker, controller); Trino one more.
        for (int attempt = 0; attempt < 50; attempt++) {
            int kafka;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                kafka = s.getLocalPort();
            }
            if (kafka < 65000 && free(kafka + 1) && free(kafka + 2)) {
                return new StackPorts(kafka, kafka + 2);
            }
        }
        throw new IOException("no three consecutive free loopback ports found");
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
