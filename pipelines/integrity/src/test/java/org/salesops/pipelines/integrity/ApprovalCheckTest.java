package org.salesops.pipelines.integrity;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.integrity.Harnesses.assertNothingLeaks;
import static org.salesops.pipelines.integrity.Harnesses.at;
import static org.salesops.pipelines.integrity.Harnesses.instant;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalCheckTest {

    static final long LEAD = 100042L;
    static final long REP = 1007L;

    KeyedTwoInputStreamOperatorTestHarness<Long, StatusChange, Approval, Anomaly> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new ApprovalCheck(IntegritySettings.defaults()),
                c -> c.leadId, a -> a.leadId, Types.LONG);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    void change(String status, double hours) throws Exception {
        harness.processElement1(new StatusChange(LEAD, REP, status, at(hours)), at(hours));
    }

    void approval(long request, String status, double decidedHours, double knownHours) throws Exception {
        harness.processElement2(new Approval(request, LEAD, status, true, at(decidedHours), at(knownHours)), at(knownHours));
    }

    void endOfInput() throws Exception {
        harness.processWatermark1(new Watermark(Long.MAX_VALUE));
        harness.processWatermark2(new Watermark(Long.MAX_VALUE));
    }

    void watermark(double hours) throws Exception {
        harness.processWatermark1(new Watermark(at(hours)));
        harness.processWatermark2(new Watermark(at(hours)));
    }

    List<Anomaly> anomalies() {
        return harness.extractOutputValues();
    }

    @Test
    void aLeadClosedWithoutARequestIsReportedAtTheEndOfTheApprovalWindow() throws Exception {
        // given a lead closed as invalid with no request at all
        change("invalid", 0);

        // when the window has not passed, nothing is said
        watermark(24 - 0.001);
        assertThat(anomalies()).isEmpty();

        // then at 24 h after the change it is unapproved
        watermark(24);
        assertThat(anomalies()).hasSize(1);
        Anomaly a = anomalies().get(0);
        assertThat(a.anomalyId).isEqualTo("unapproved_status_change:lead:100042:" + at(0));
        assertThat(a.userId).isEqualTo(REP);
        assertThat(a.status).isEqualTo("invalid");
        assertThat(a.detectedAt).isEqualTo(at(24));
        assertThat(a.details).contains("未经主管审批");
        endOfInput();
        assertNothingLeaks(harness);
    }

    @Test
    void theApprovalLandingWithTheChangeCoversIt() throws Exception {
        // the generator's 华北 team: the change lands in the decision's transaction
        approval(870001L, "lost", 5, 5);
        change("lost", 5);
        endOfInput();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void anApprovalKnownAfterTheChangeButWithinTheWindowCovers() throws Exception {
        change("lost", 0);
        watermark(10);
        approval(870001L, "lost", 23, 23);
        endOfInput();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void approvalsForAnotherStatusOrOutsideTheWindowDoNotCover() throws Exception {
        approval(870001L, "invalid", 0, 0);      // approved, but for another status
        approval(870002L, "lost", -25, -25);     // decided 25 h before the change
        harness.processElement2(new Approval(870003L, LEAD, "lost", false, 0L, at(1)), at(1)); // rejected
        change("lost", 0);
        endOfInput();

        assertThat(anomalies()).extracting(a -> a.status + "@" + a.occurredAt).containsExactly("lost@" + at(0));
        assertNothingLeaks(harness);
    }

    @Test
    void aWithdrawnApprovalNoLongerCovers() throws Exception {
        approval(870001L, "lost", 1, 1);
        harness.processElement2(new Approval(870001L, LEAD, "lost", false, 0L, at(2)), at(2)); // decision reverted
        change("lost", 3);
        endOfInput();

        assertThat(anomalies()).hasSize(1);
        assertNothingLeaks(harness);
    }

    @Test
    void theLatestVersionOfARequestWinsWhateverTheArrivalOrder() throws Exception {
        // the approval overtakes the pending request it updates (they travel through parallel tasks)
        approval(870001L, "lost", 5, 5);
        harness.processElement2(new Approval(870001L, LEAD, "lost", false, 0L, at(-20)), at(-20));
        change("lost", 5);
        endOfInput();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void otherStatusesNeedNoApprovalAndARedeliveredChangeIsReportedOnce() throws Exception {
        change("contacted", 0);
        change("pending_followup", 1);
        change("invalid", 2);
        change("invalid", 2);
        endOfInput();

        assertThat(anomalies()).extracting(a -> a.anomalyId)
                .containsExactly("unapproved_status_change:lead:100042:" + at(2));
        assertNothingLeaks(harness);
    }

    @Test
    void approvalsAreReadFromStatusChangeRequests() {
        CrmRow request = CrmRow.row().with("id", 870001L).with("lead_id", LEAD).with("requested_by", REP)
                .with("from_status", "contacted").with("to_status", "lost").with("created_at", instant(0));
        CrmRow approved = request.copy().with("decision", "approved").with("decided_by", 1002L).with("decided_at", instant(3));
        CrmRow rejected = request.copy().with("decision", "rejected").with("decided_at", instant(3));

        assertThat(Approval.of(CrmRow.created("status_change_requests", request, instant(0)))).get()
                .satisfies(a -> assertThat(a.approved).isFalse());
        assertThat(Approval.of(CrmRow.updated("status_change_requests", request, approved, instant(3)))).get()
                .satisfies(a -> {
                    assertThat(a.approved).isTrue();
                    assertThat(a.decidedAt).isEqualTo(at(3));
                    assertThat(a.toStatus).isEqualTo("lost");
                });
        assertThat(Approval.of(CrmRow.snapshot("status_change_requests", rejected, instant(4)))).get()
                .satisfies(a -> assertThat(a.approved).isFalse());
        assertThat(Approval.of(CrmRow.deleted("status_change_requests", approved, instant(5)))).get()
                .satisfies(a -> assertThat(a.approved).isFalse());
    }
}
