package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.GroundTruth;
import org.salesops.jobs.generator.WireFormats;
import org.salesops.jobs.generator.WireRecord;
import org.salesops.pipelines.common.KafkaRecord;

/**
 * The ingest job over generated companies (bounded sources, MiniCluster at parallelism 2, real
 * Iceberg tables), checked against what the generator knows and against hand computations from the
 * raw tables the job wrote. The small company runs twice: once with the records in order, once with
 * every record displaced by up to four minutes of event time (within the five-minute
 * out-of-orderness), which must not change a single result. The held-out company
 * ({@link CompanyProfile#heldOut()}: another seed, other people and habits, a fortnight over the
 * Labour Day holiday) runs once, so the rules are not only right for the company they were written
 * against. The data ends at its last event; the bounded replay's final watermark then fires
 * deadlines the data never reached, so alerts are compared as of the last event.
 */
class GeneratedCompanyIngestTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Duration DISPLACEMENT = Duration.ofMinutes(4);

    /** A generated company and the warehouse one replay of it wrote. */
    record Replayed(String name, GeneratedCompany company, TempWarehouse warehouse) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path dir;
    static Replayed inOrder;
    static Replayed outOfOrder;
    static Replayed heldOut;

    @BeforeAll
    static void replayTheSmallCompanyInOrderAndOutOfOrderAndTheHeldOutCompany() throws Exception {
        GeneratedCompany small = CompanyGenerator.generate(CompanyProfile.small());
        inOrder = new Replayed("small company, in order", small, replay(records(small), dir.resolve("in-order")));
        outOfOrder = new Replayed("small company, displaced", small,
                replay(displaced(records(small), DISPLACEMENT, 20261128L), dir.resolve("out-of-order")));
        GeneratedCompany other = CompanyGenerator.generate(CompanyProfile.heldOut());
        heldOut = new Replayed("held-out company", other, replay(records(other), dir.resolve("held-out")));
    }

    static List<Replayed> allReplays() {
        return List.of(inOrder, outOfOrder, heldOut);
    }

    static List<KafkaRecord> records(GeneratedCompany company) {
        List<KafkaRecord> records = new ArrayList<>();
        long offset = 0;
        for (WireRecord r : WireFormats.records(company, true, false)) {
            records.add(new KafkaRecord(r.topic(), 0, offset++, r.timestamp(), r.key(), r.value()));
        }
        return records;
    }

    /** Each record moved later in arrival by a random amount of event time below the bound (seeded). */
    static List<KafkaRecord> displaced(List<KafkaRecord> records, Duration bound, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Map<KafkaRecord, Long> arrival = new java.util.IdentityHashMap<>();
        for (KafkaRecord r : records) {
            arrival.put(r, r.timestamp + (long) (random.nextDouble() * bound.toMillis()));
        }
        List<KafkaRecord> shuffled = new ArrayList<>(records);
        shuffled.sort(java.util.Comparator.comparingLong(arrival::get));
        return shuffled;
    }

    static TempWarehouse replay(List<KafkaRecord> records, Path directory) throws Exception {
        List<KafkaRecord> crm = new ArrayList<>();
        List<KafkaRecord> calls = new ArrayList<>();
        List<KafkaRecord> bank = new ArrayList<>();
        for (KafkaRecord record : records) {
            (record.topic.startsWith("crm.") ? crm : record.topic.equals(WireFormats.CALL_TOPIC) ? calls : bank)
                    .add(record);
        }
        java.nio.file.Files.createDirectories(directory);
        TempWarehouse warehouse = new TempWarehouse(directory);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofSeconds(2).toMillis());
        new IngestJob(new IngestJob.Sources(bounded(crm), bounded(calls), bounded(bank)),
                new IcebergTableSink(warehouse.loader), new CollectingPublisher(),
                IngestSettings.defaults()).build(env);
        env.execute("generated company");
        return warehouse;
    }

    @Test
    void alertsEqualTheGroundTruthAsOfTheLastEvent() throws Exception {
        for (Replayed replay : allReplays()) {
            assertThat(alerts(replay)).as(replay.name())
                    .containsExactlyInAnyOrderElementsOf(replay.company().groundTruth().expectedAlertsAsOfLastEvent());
        }
    }

    @Test
    void responseTimesEqualTheGroundTruthAndDoNotDependOnArrivalOrder() throws Exception {
        for (Replayed replay : List.of(inOrder, heldOut)) {
            assertThat(responses(replay.warehouse())).as(replay.name()).isEqualTo(truthResponses(replay.company()));
        }
        assertThat(responses(outOfOrder.warehouse())).isEqualTo(responses(inOrder.warehouse()));
    }

    @Test
    void processTablesEqualTheirHandComputationFromTheRawHistory() throws Exception {
        for (Replayed replay : allReplays()) {
            TempWarehouse warehouse = replay.warehouse();
            ProcessTablesByHand hand = new ProcessTablesByHand(warehouse);
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(rendered(warehouse, "gold.follow_up_discovery", r -> true, "activity_id", "owner_id", "lead_id",
                    "opportunity_id", "customer_id", "type", "occurred_at", "occurred_day", "questions_asked",
                    "discovery_count", "discoveries", "evidence_present", "deleted"))
                    .as(replay + ": follow_up_discovery").containsExactlyInAnyOrderElementsOf(hand.followUpDiscovery());
            soft.assertThat(rendered(warehouse, "gold.discovery_daily", r -> true, "rep_id", "day", "follow_ups",
                    "follow_ups_with_question_count", "questions_asked", "avg_questions", "discoveries",
                    "discoveries_per_follow_up", "follow_ups_with_discoveries", "evidence_share"))
                    .as(replay + ": discovery_daily").containsExactlyInAnyOrderElementsOf(hand.discoveryDaily());
            soft.assertThat(rendered(warehouse, "gold.commitments", r -> true, "commitment_id", "code", "owner_id",
                    "customer_id", "opportunity_id", "content", "created_at", "due_at", "status", "fulfilled_at", "outcome",
                    "evidence_present", "deleted"))
                    .as(replay + ": commitments").containsExactlyInAnyOrderElementsOf(hand.commitments());
            soft.assertThat(rendered(warehouse, "gold.unregistered_commitments", r -> "unregistered".equals(r.getField("status")),
                    "activity_id", "customer_id", "owner_id", "lead_id", "opportunity_id", "occurred_at", "phrase",
                    "registration_deadline", "status"))
                    .as(replay + ": unregistered_commitments").containsExactlyInAnyOrderElementsOf(hand.unregisteredCommitments());
            Set<Long> takenBack = hand.quotesTakenBack();
            soft.assertThat(rendered(warehouse, "gold.quote_feedback", r -> !takenBack.contains((Long) r.getField("quote_id")),
                    "quote_id", "opportunity_id", "owner_id", "sent_at", "feedback_type", "feedback_at", "feedback_hours",
                    "feedback_within_window", "stage_advanced_at", "advanced_to_stage", "violation", "deleted"))
                    .as(replay + ": quote_feedback").containsExactlyInAnyOrderElementsOf(hand.quoteFeedback());
            soft.assertThat(warehouse.read("gold.quote_feedback"))
                    .filteredOn(r -> takenBack.contains((Long) r.getField("quote_id")))
                    .as(replay + ": a quote taken back is marked deleted").allMatch(r -> (Boolean) r.getField("deleted"));
            soft.assertThat(rendered(warehouse, "gold.integrity_anomalies", r -> "unapproved_status_change".equals(r.getField("kind")),
                    "lead_id", "status", "occurred_at", "user_id"))
                    .as(replay + ": unapproved status changes").containsExactlyInAnyOrderElementsOf(hand.unapprovedStatusChanges());
            Map<String, Set<?>> computed = Map.of("follow-ups", hand.followUpDiscovery(), "rep-days", hand.discoveryDaily(),
                    "commitments", hand.commitments(), "unregistered promises", hand.unregisteredCommitments(),
                    "quotes", hand.quoteFeedback(), "unapproved status changes", hand.unapprovedStatusChanges());
            System.out.println(replay + " by hand: " + computed.entrySet().stream()
                    .map(e -> e.getValue().size() + " " + e.getKey()).sorted().toList());
            computed.forEach((what, rows) -> soft.assertThat(rows).as(replay + ": the company has " + what).isNotEmpty());
            soft.assertAll();
        }
    }

    /**
     * The lead anomalies the generator planted after the snapshot (before it, rows arrive as snapshot
     * reads, whose commit time says nothing about when they were entered). The CRM commits a change a
     * fraction of a second after the moment the generator acted, so times are compared to the second.
     */
    @Test
    void backDatedLeadsAndBulkStatusFlipsAreTheOnesTheGeneratorPlanted() throws Exception {
        for (Replayed replay : allReplays()) {
            GroundTruth truth = replay.company().groundTruth();
            List<Record> anomalies = replay.warehouse().read("gold.integrity_anomalies");
            assertThat(anomalies).filteredOn(r -> "back_dated".equals(r.getField("kind")) && "lead".equals(r.getField("subject_type")))
                    .extracting(r -> r.getField("subject_id") + " claims " + second(instant(r.getField("claimed_at")))
                            + ", entered " + second(instant(r.getField("occurred_at"))))
                    .as(replay.name()).containsExactlyInAnyOrderElementsOf(truth.backDatedLeads().stream()
                            .filter(b -> !b.enteredAt().isBefore(truth.snapshotAt()))
                            .map(b -> b.leadId() + " claims " + second(b.createdAt()) + ", entered " + second(b.enteredAt())).toList());
            assertThat(anomalies).filteredOn(r -> "bulk_status_flip".equals(r.getField("kind")))
                    .extracting(r -> r.getField("user_id") + " set " + r.getField("status") + " " + second(instant(r.getField("occurred_at")))
                            + ".." + second(instant(r.getField("last_at"))) + " on " + r.getField("lead_ids"))
                    .as(replay.name()).containsExactlyInAnyOrderElementsOf(truth.bulkStatusFlips().stream()
                            .filter(f -> !f.from().isBefore(truth.snapshotAt()))
                            .map(f -> f.userId() + " set " + f.toStatus() + " " + second(f.from()) + ".." + second(f.to())
                                    + " on " + f.leadIds()).toList());
        }
    }

    static Instant second(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    static Set<String> truthResponses(GeneratedCompany company) {
        Set<String> rows = new HashSet<>();
        for (GroundTruth.LeadAssignment a : company.groundTruth().leadAssignments()) {
            rows.add(a.leadId() + "|" + a.assignedAt() + "|" + a.ownerId() + "|" + a.firstContactAt() + "|"
                    + a.contactKind() + "|" + a.businessMinutes() + "|" + a.slaMet());
        }
        return rows;
    }

    static List<String> rendered(TempWarehouse warehouse, String table, java.util.function.Predicate<Record> which,
                                 String... columns) throws Exception {
        return warehouse.read(table).stream().filter(which).map(r -> ProcessTablesByHand.render(r, columns)).toList();
    }

    static Set<String> responses(TempWarehouse warehouse) throws Exception {
        Set<String> rows = new HashSet<>();
        for (Record r : warehouse.read("gold.lead_response")) {
            rows.add(r.getField("lead_id") + "|" + instant(r.getField("assigned_at")) + "|" + r.getField("owner_id") + "|"
                    + instant(r.getField("first_contact_at")) + "|" + r.getField("contact_kind") + "|"
                    + r.getField("business_minutes") + "|" + r.getField("sla_met"));
        }
        return rows;
    }

    static Set<String> alerts(Replayed replay) throws Exception {
        GroundTruth truth = replay.company().groundTruth();
        Set<String> actual = new HashSet<>();
        for (Record r : replay.warehouse().read("gold.alerts")) {
            String alert = truth.alertAsOfLastEvent((String) r.getField("alert_id"), (Long) r.getField("owner_id"),
                    instant(r.getField("due_at")), instant(r.getField("escalated_at")), instant(r.getField("resolved_at")));
            if (alert != null) {
                actual.add(alert);
            }
        }
        return actual;
    }

    static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }

    static RecordSource bounded(List<KafkaRecord> records) {
        List<KafkaRecord> copy = List.copyOf(records);
        return (env, watermarks) -> env.fromData(copy, TypeInformation.of(KafkaRecord.class))
                .assignTimestampsAndWatermarks(watermarks);
    }
}
