package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.infra.local.LocalStack;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.GroundTruth;
import org.salesops.jobs.ingest.KafkaResultPublisher;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * The walking skeleton on the real stack: a Kafka broker and Trino started from Maven jars, a
 * generated company published in the real formats, the ingest job on a Flink MiniCluster at
 * parallelism 2, and every result read back through Trino with trino-jdbc and compared with the
 * generator's ground truth.
 */
class EndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static LocalStack stack;
    static Connection trino;
    static GeneratedCompany company;
    static CompanyPublisher.Published published;

    @BeforeAll
    static void runTheSmallCompanyThroughTheWholeStack() throws Exception {
        CompanyOnTheStack run = CompanyOnTheStack.get();
        stack = run.stack;
        trino = run.trino;
        company = run.company;
        published = run.published;
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
                    a.responseMinutes(), a.businessMinutes(), a.slaMet()));
        }
        Set<String> actual = new HashSet<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT lead_id, assigned_at, owner_id, first_contact_at, contact_kind, response_minutes,
                       business_minutes, sla_met
                FROM gold.lead_response""")) {
            while (rs.next()) {
                actual.add(responseRow(rs.getLong(1), instant(rs, 2), rs.getLong(3), instant(rs, 4), rs.getString(5),
                        (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getBoolean(8)));
            }
        }
        assertThat(actual).hasSameSizeAs(company.groundTruth().leadAssignments());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Every follow-up logged as a call on a lead is either backed by its call record, with the gap
     * between the call and the entry exactly as the generator knows it, or an anomaly when no call
     * took place.
     */
    @Test
    void callFollowUpsAreLogGapsOrCallsWithoutCdrExactlyAsTheGroundTruthSays() throws SQLException {
        Map<Long, Long> expectedGaps = new HashMap<>();
        Set<Long> expectedWithoutCall = new HashSet<>();
        // A lead deleted before the CDC snapshot never reaches the pipeline: its phone, and so its calls, are unknown.
        Set<Long> leadsInCdc = new HashSet<>();
        company.crmChanges().stream().filter(c -> c.table().equals("leads"))
                .forEach(c -> leadsInCdc.add((Long) c.row().get("id")));
        for (GroundTruth.CallFollowUp f : company.groundTruth().callFollowUps()) {
            if (f.leadId() == null || !leadsInCdc.contains(f.leadId())) {
                continue;
            }
            if (f.callId() == null) {
                expectedWithoutCall.add(f.activityId());
            } else {
                expectedGaps.put(f.activityId(), f.logGapMinutes());
            }
        }
        Map<Long, Long> gaps = new HashMap<>();
        try (Statement s = trino.createStatement();
             ResultSet rs = s.executeQuery("SELECT activity_id, gap_minutes FROM gold.follow_up_log_gap")) {
            while (rs.next()) {
                gaps.put(rs.getLong(1), rs.getLong(2));
            }
        }
        Set<Long> withoutCall = new HashSet<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CAST(split_part(anomaly_id, ':', 3) AS bigint) FROM gold.integrity_anomalies "
                        + "WHERE kind = 'call_without_cdr'")) {
            while (rs.next()) {
                withoutCall.add(rs.getLong(1));
            }
        }

        assertThat(expectedGaps.values()).as("the seed's late loggers are in the data").anyMatch(m -> m >= 14 * 60);
        // Compared as differences: thousands of entries would not fit in a readable failure message.
        Map<Long, String> differences = new java.util.TreeMap<>();
        expectedGaps.forEach((id, minutes) -> {
            if (!minutes.equals(gaps.get(id))) {
                differences.put(id, "expected " + minutes + " min, got " + gaps.get(id));
            }
        });
        gaps.keySet().stream().filter(id -> !expectedGaps.containsKey(id))
                .forEach(id -> differences.put(id, "not a backed call follow-up, got " + gaps.get(id) + " min"));
        assertThat(differences).isEmpty();
        assertThat(new java.util.TreeSet<>(withoutCall)).isEqualTo(new java.util.TreeSet<>(expectedWithoutCall));
    }

    @Test
    void theDirectorSummaryRendersFromTrino() throws SQLException {
        String summary = DirectorSummary.render(trino, new ArrayList<>(CrmSchema.load().tables().keySet()));

        assertThat(summary).contains("douyin", "expo", "website", "referral", "华东", "dead letters");
    }

    @Test
    void alertsOnKafkaAreExactlyTheStatesOfTheAlertTableEachOnce() throws Exception {
        Map<String, List<String>> statesOnKafka = new HashMap<>();
        for (ConsumerRecord<String, String> r : CompanyOnTheStack.get().readTopic(KafkaResultPublisher.ALERTS_TOPIC)) {
            String status = JSON.readTree(r.value()).get("status").asText();
            statesOnKafka.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(status);
        }
        Map<String, String> table = new HashMap<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("SELECT alert_id, status FROM gold.alerts")) {
            while (rs.next()) {
                table.put(rs.getString(1), rs.getString(2));
            }
        }

        assertThat(table).isNotEmpty();
        assertThat(statesOnKafka.keySet()).isEqualTo(table.keySet());
        statesOnKafka.forEach((id, states) -> {
            assertThat(states).as("states of %s, each once", id).doesNotHaveDuplicates();
            assertThat(states.get(states.size() - 1)).as("last state of %s", id).isEqualTo(table.get(id));
        });
    }

    /** Every alert equals the ground truth, as the alerts stand when the data ends (see GroundTruth). */
    @Test
    void alertsEqualTheGroundTruthAsOfTheLastEvent() throws SQLException {
        GroundTruth truth = company.groundTruth();
        Set<String> actual = new HashSet<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT alert_id, owner_id, due_at, escalated_at, resolved_at FROM gold.alerts")) {
            while (rs.next()) {
                String alert = truth.alertAsOfLastEvent(rs.getString(1), rs.getLong(2), instant(rs, 3), instant(rs, 4),
                        instant(rs, 5));
                if (alert != null) {
                    actual.add(alert);
                }
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(truth.expectedAlertsAsOfLastEvent());
    }


    @Test
    void funnelHistoryAsOfTheEndIsTheCurrentStateAndTheFunnelCountsEveryLead() throws SQLException {
        Map<String, Long> current = counts("SELECT status, count(*) FROM crm.leads GROUP BY status");
        Map<String, Long> asOfEnd = counts("""
                SELECT status, count(*) FROM gold.lead_status_history
                WHERE valid_to IS NULL AND status <> 'deleted' GROUP BY status""");
        assertThat(asOfEnd).isEqualTo(current);

        Map<String, Long> perChannel = counts("SELECT channel, sum(leads) FROM gold.funnel_by_channel_month GROUP BY channel");
        assertThat(perChannel).isEqualTo(company.groundTruth().leadsPerChannel());
        assertThat(single("SELECT count(*) FROM gold.funnel_by_channel_month WHERE contracts > quotes OR quotes > opportunities"))
                .as("a lead reaches a later step only through the earlier ones").isZero();
        assertThat(single("SELECT count(*) FROM gold.lost_at_follow_up"))
                .isEqualTo(single("SELECT count(DISTINCT id) FROM raw.crm_opportunities WHERE stage = 'lost'"));
    }

    @Test
    void everyViewAnswersOnTrinoWithRows() throws SQLException {
        for (String file : TrinoViews.index()) {
            String view = "gold." + file.replaceFirst("^gold_", "").replaceFirst("\\.sql$", "");
            assertThat(single("SELECT count(*) FROM " + view)).as(view).isPositive();
        }
        assertThat(single("SELECT count(*) FROM gold.scorecard_thresholds")).isEqualTo(5);
        assertThat(single("SELECT count(*) FROM gold.rep_scorecard_daily WHERE health_colour NOT IN ('red', 'amber', 'green')"))
                .isZero();
    }

    static Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static String responseRow(long lead, Instant assignedAt, long owner, Instant contact, String kind, Long minutes,
                              Long businessMinutes, boolean slaMet) {
        return lead + "|" + assignedAt + "|" + owner + "|" + contact + "|" + kind + "|" + minutes + "|"
                + businessMinutes + "|" + slaMet;
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
}
