package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * real Iceberg tables), its alerts compared with the ground truth. The data ends at its last event;
 * the bounded replay's final watermark then fires deadlines the data never reached, so alerts are
 * compared as of the last event.
 */
class GeneratedCompanyIngestTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path dir;
    static TempWarehouse warehouse;
    static GeneratedCompany company;

    @BeforeAll
    static void replayTheSmallCompany() throws Exception {
        company = CompanyGenerator.generate(CompanyProfile.small());
        List<KafkaRecord> crm = new ArrayList<>();
        List<KafkaRecord> calls = new ArrayList<>();
        List<KafkaRecord> bank = new ArrayList<>();
        long offset = 0;
        for (WireRecord r : WireFormats.records(company, true, false)) {
            KafkaRecord record = new KafkaRecord(r.topic(), 0, offset++, r.timestamp(), r.key(), r.value());
            (r.topic().startsWith("crm.") ? crm : r.topic().equals(WireFormats.CALL_TOPIC) ? calls : bank).add(record);
        }
        warehouse = new TempWarehouse(dir);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofSeconds(2).toMillis());
        new IngestJob(new IngestJob.Sources(bounded(crm), bounded(calls), bounded(bank)),
                new IcebergTableSink(warehouse.loader), alerts -> alerts.sinkTo(new CollectingSink<>()),
                IngestSettings.defaults()).build(env);
        env.execute("generated company");
    }

    @Test
    void alertsEqualTheGroundTruthAsOfTheLastEvent() throws Exception {
        GroundTruth truth = company.groundTruth();
        Set<String> actual = new HashSet<>();
        for (Record r : warehouse.read("gold.alerts")) {
            String alert = truth.alertAsOfLastEvent((String) r.getField("alert_id"), (Long) r.getField("owner_id"),
                    instant(r.getField("due_at")), instant(r.getField("escalated_at")), instant(r.getField("resolved_at")));
            if (alert != null) {
                actual.add(alert);
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(truth.expectedAlertsAsOfLastEvent());
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
