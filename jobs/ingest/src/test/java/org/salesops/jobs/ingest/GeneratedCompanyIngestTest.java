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
 * The ingest job over the generated small company (bounded sources, MiniCluster at parallelism 2,
 * real Iceberg tables), its alerts and response times compared with the ground truth: once with the
 * records in order, once with every record displaced by up to four minutes of event time (within the
 * five-minute out-of-orderness), which must not change a single result. The data ends at its last
 * event; the bounded replay's final watermark then fires deadlines the data never reached, so alerts
 * are compared as of the last event.
 */
class GeneratedCompanyIngestTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Duration DISPLACEMENT = Duration.ofMinutes(4);

    @TempDir
    static Path dir;
    static GeneratedCompany company;
    static TempWarehouse inOrder;
    static TempWarehouse outOfOrder;

    @BeforeAll
    static void replayTheSmallCompanyInOrderAndOutOfOrder() throws Exception {
        company = CompanyGenerator.generate(CompanyProfile.small());
        List<KafkaRecord> records = new ArrayList<>();
        long offset = 0;
        for (WireRecord r : WireFormats.records(company, true, false)) {
            records.add(new KafkaRecord(r.topic(), 0, offset++, r.timestamp(), r.key(), r.value()));
        }
        inOrder = replay(records, dir.resolve("in-order"));
        outOfOrder = replay(displaced(records, DISPLACEMENT, 20261128L), dir.resolve("out-of-order"));
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
        assertThat(alerts(inOrder)).containsExactlyInAnyOrderElementsOf(company.groundTruth().expectedAlertsAsOfLastEvent());
    }

    @Test
    void recordsOutOfOrderWithinTheOutOfOrdernessGiveTheSameAlertsAndResponseTimes() throws Exception {
        assertThat(alerts(outOfOrder)).containsExactlyInAnyOrderElementsOf(company.groundTruth().expectedAlertsAsOfLastEvent());
        assertThat(responses(outOfOrder)).isEqualTo(responses(inOrder)).hasSameSizeAs(company.groundTruth().leadAssignments());
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

    static Set<String> alerts(TempWarehouse warehouse) throws Exception {
        GroundTruth truth = company.groundTruth();
        Set<String> actual = new HashSet<>();
        for (Record r : warehouse.read("gold.alerts")) {
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
