package org.salesops.pipelines.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCall;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.GroundTruth;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.crm.CrmChange;

/** The four rules wired together on a MiniCluster at parallelism 2, over the generator's small company. */
class IntegrityAnomaliesTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static GeneratedCompany company;
    static GroundTruth truth;
    static final List<Anomaly> anomalies = new ArrayList<>();

    @BeforeAll
    static void runOverTheSmallCompany() throws Exception {
        company = CompanyGenerator.generate(CompanyProfile.small());
        truth = company.groundTruth();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<CrmChange> crm = env.fromData(company.crmChanges())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmChange>forMonotonousTimestamps()
                        .withTimestampAssigner((c, previous) -> c.committedAt().toEpochMilli()));
        List<CallRecord> records = company.calls().stream().map(GeneratedCall::record).toList();
        // A call record becomes known when the call ends.
        DataStream<CallRecord> calls = env.fromData(records)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CallRecord>forMonotonousTimestamps()
                        .withTimestampAssigner((c, previous) -> c.endedAt().toEpochMilli()));

        try (CloseableIterator<Anomaly> out = IntegrityAnomalies.compute(crm, calls, IntegritySettings.defaults()).anomalies()
                .executeAndCollect()) {
            out.forEachRemaining(anomalies::add);
        }
    }

    static List<Anomaly> ofKind(String kind) {
        return anomalies.stream().filter(a -> a.kind.equals(kind)).toList();
    }

    @Test
    void everyAnomalyIsReportedOnce() {
        Set<String> ids = new HashSet<>();
        assertThat(anomalies).allSatisfy(a -> assertThat(ids.add(a.anomalyId)).as(a.anomalyId).isTrue());
        assertThat(anomalies).allSatisfy(a -> assertThat(a.toRow()).containsKeys("anomaly_id", "details"));
    }

    @Test
    void backDatedLeadsAreTheOnesEnteredLiveWithAnOldCreationTime() {
        // Leads entered before the snapshot reach us as snapshot reads, which carry no entry time.
        List<GroundTruth.BackDatedLead> visible = truth.backDatedLeads().stream()
                .filter(b -> b.enteredAt().isAfter(truth.snapshotAt())).toList();
        assertThat(visible).isNotEmpty();

        List<Anomaly> found = ofKind(Anomaly.BACK_DATED);
        assertThat(found).allSatisfy(a -> assertThat(a.subjectType).isEqualTo("lead"));
        assertThat(found.stream().map(a -> a.subjectId + "@" + a.claimedAt).collect(Collectors.toSet()))
                .isEqualTo(visible.stream().map(b -> b.leadId() + "@" + b.createdAt().toEpochMilli())
                        .collect(Collectors.toSet()));
        Map<Long, Long> enteredAt = visible.stream().collect(Collectors.toMap(GroundTruth.BackDatedLead::leadId,
                b -> b.enteredAt().toEpochMilli()));
        // entered = the commit, a few milliseconds after the application wrote the row
        assertThat(found).allSatisfy(a -> assertThat(a.occurredAt - enteredAt.get(a.subjectId)).isBetween(0L, 1_000L));
    }

    @Test
    void bulkStatusFlipsAreExactlyTheTruths() {
        assertThat(truth.bulkStatusFlips()).isNotEmpty();

        assertThat(ofKind(Anomaly.BULK_STATUS_FLIP).stream()
                .map(a -> a.userId + " " + a.status + " " + a.occurredAt + ".." + a.lastAt + " " + a.leadIds).toList())
                .containsExactlyInAnyOrderElementsOf(truth.bulkStatusFlips().stream()
                        .map(f -> f.userId() + " " + f.toStatus() + " " + f.from().toEpochMilli() + ".."
                                + f.to().toEpochMilli() + " " + f.leadIds()).toList());
    }

    @Test
    void callsWithoutARecordAreTheFollowUpsLoggedWithoutACall() {
        // Follow-ups on deals from repeat business have no lead, and leads deleted before the snapshot are
        // never seen: no phone to check either way.
        Set<Long> seenLeads = new HashSet<>();
        company.crmChanges().stream().filter(c -> c.table().equals("leads") && c.row() != null)
                .forEach(c -> seenLeads.add((Long) c.row().get("id")));
        Set<Long> unbacked = truth.callFollowUps().stream()
                .filter(f -> f.leadId() != null && seenLeads.contains(f.leadId()) && f.callId() == null)
                .map(GroundTruth.CallFollowUp::activityId).collect(Collectors.toSet());
        assertThat(unbacked).isNotEmpty();

        assertThat(ofKind(Anomaly.CALL_WITHOUT_CDR).stream().map(a -> a.subjectId).collect(Collectors.toSet()))
                .isEqualTo(unbacked);
    }

    @Test
    void closingsWithAnApprovedRequestAreNeverReported() {
        Set<String> approved = new HashSet<>();
        for (CrmChange c : company.crmChanges()) {
            Approval.of(c).filter(a -> a.approved).ifPresent(a -> approved.add(a.leadId + " " + a.toStatus));
        }
        assertThat(approved).isNotEmpty();

        List<Anomaly> found = ofKind(Anomaly.UNAPPROVED_STATUS_CHANGE);
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(a -> {
            assertThat(a.status).isIn("invalid", "lost");
            assertThat(approved).doesNotContain(a.leadId + " " + a.status);
        });
        assertThat(found).allSatisfy(a -> assertThat(a.detectedAt - a.occurredAt)
                .isGreaterThanOrEqualTo(Duration.ofHours(24).toMillis()));
    }
}
