package org.salesops.pipelines.integrity;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.row;
import static org.salesops.pipelines.integrity.Harnesses.at;
import static org.salesops.pipelines.integrity.Harnesses.instant;

import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class BackDatedRowsTest {

    static final long REP = 1007L;

    OneInputStreamOperatorTestHarness<CrmChange, Anomaly> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new BackDatedRows(IntegritySettings.defaults()));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static CrmRow lead(long id, Instant createdAt) {
        return row().with("id", id).with("status", "assigned").with("owner_id", REP).with("created_by", REP)
                .with("created_at", createdAt).with("updated_at", createdAt);
    }

    List<Anomaly> send(CrmChange... changes) throws Exception {
        for (CrmChange c : changes) {
            harness.processElement(c, c.committedAt().toEpochMilli());
        }
        return harness.extractOutputValues();
    }

    @Test
    void aLeadEnteredWithACreationTimeDaysAgoIsBackDated() throws Exception {
        // given a referral the rep got 30 hours ago, typed in now with the day it came in
        CrmChange entered = CrmRow.created("leads", lead(100001L, instant(-30)), instant(0));

        // when it is committed, then it is reported at once
        List<Anomaly> out = send(entered);

        assertThat(out).hasSize(1);
        Anomaly a = out.get(0);
        assertThat(a.anomalyId).isEqualTo("back_dated:lead:100001:" + at(0));
        assertThat(a.subjectType).isEqualTo("lead");
        assertThat(a.userId).isEqualTo(REP);
        assertThat(a.leadId).isEqualTo(100001L);
        assertThat(a.claimedAt).isEqualTo(at(-30));
        assertThat(a.occurredAt).isEqualTo(at(0));
        assertThat(a.detectedAt).isEqualTo(at(0));
        assertThat(a.details).contains("补录").contains("30 h after");
    }

    @Test
    void theThresholdIsAtLeastTwentyFourHours() throws Exception {
        List<Anomaly> out = send(
                CrmRow.created("leads", lead(1L, instant(-24)), instant(0)),
                CrmRow.created("leads", lead(2L, Instant.ofEpochMilli(at(-24) + 1)), instant(0)));

        assertThat(out).extracting(a -> a.subjectId).containsExactly(1L);
    }

    @Test
    void snapshotRowsAndLiveRowsAreNotBackDated() throws Exception {
        List<Anomaly> out = send(
                CrmRow.snapshot("leads", lead(1L, instant(-24 * 20)), instant(0)),
                CrmRow.created("leads", lead(2L, instant(0.9)), instant(1)));

        assertThat(out).isEmpty();
    }

    @Test
    void anUpdateMovingCreatedAtBackIsBackDatedButMovingItToTodayIsNot() throws Exception {
        CrmRow old = lead(3L, instant(-50));
        List<Anomaly> out = send(
                // the bulk flip's trick: created_at edited to now, so the lead looks new
                CrmRow.updated("leads", old, old.copy().with("created_at", instant(0)).with("status", "pending_followup"), instant(0)),
                // a status change that leaves created_at alone
                CrmRow.updated("leads", old, old.copy().with("status", "contacted"), instant(1)),
                // created_at moved three days back
                CrmRow.updated("leads", lead(4L, instant(2)), lead(4L, instant(-70)), instant(2)));

        assertThat(out).extracting(a -> a.anomalyId).containsExactly("back_dated:lead:4:" + at(2));
        assertThat(out.get(0).claimedAt).isEqualTo(at(-70));
    }

    @Test
    void activitiesAndOpportunitiesAnswerToTheirOwner() throws Exception {
        CrmRow activity = row().with("id", 500001L).with("lead_id", 100001L).with("owner_id", REP).with("type", "call")
                .with("created_at", instant(-48));
        CrmRow opportunity = row().with("id", 300001L).with("lead_id", null).with("owner_id", 1008L)
                .with("created_at", instant(-26));

        List<Anomaly> out = send(CrmRow.created("activities", activity, instant(0)),
                CrmRow.created("opportunities", opportunity, instant(0)),
                CrmRow.created("customers", row().with("id", 20001L).with("created_at", instant(-99)), instant(0)));

        assertThat(out).extracting(a -> a.subjectType + " " + a.subjectId + " user " + a.userId + " lead " + a.leadId)
                .containsExactly("activity 500001 user 1007 lead 100001", "opportunity 300001 user 1008 lead null");
    }

    @Test
    void aRedeliveredChangeYieldsTheSameRow() throws Exception {
        CrmChange entered = CrmRow.created("leads", lead(5L, instant(-40)), instant(0));

        List<Anomaly> out = send(entered, entered);

        assertThat(out).hasSize(2);
        assertThat(out.get(1)).isEqualTo(out.get(0));
    }
}
