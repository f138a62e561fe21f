package org.salesops.pipelines.integrity;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.row;
import static org.salesops.pipelines.integrity.Harnesses.MINUTE;
import static org.salesops.pipelines.integrity.Harnesses.assertNothingLeaks;
import static org.salesops.pipelines.integrity.Harnesses.at;
import static org.salesops.pipelines.integrity.Harnesses.instant;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.metrics.response.LeadSignal;
import org.salesops.pipelines.metrics.response.RepIdentity;

class CallWithoutCdrCheckTest {

    static final long LEAD = 100042L;
    static final long OWNER = 1007L;
    static final long OTHER_REP = 1008L;
    static final String PHONE = "+8613912345678";

    KeyedBroadcastOperatorTestHarness<Long, LeadCallEvent, RepIdentity, Anomaly> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new CallWithoutCdrCheck(IntegritySettings.defaults()), LeadCallEvent::leadId, Types.LONG,
                CallWithoutCdrCheck.REPS);
        harness.processBroadcastElement(new RepIdentity(OWNER, "8001", "+8613800000007"), 0L);
        harness.processBroadcastElement(new RepIdentity(OTHER_REP, "8002", null), 0L);
        // The reps are complete reference data here: their watermark must not hold time back.
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        // the lead exists (created days before)
        harness.processElement(LeadCallEvent.of(new LeadCallEvent.LeadRow(LEAD, false, at(-100))), at(-100));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    void logged(long activity, double occurredHours, double knownHours) throws Exception {
        harness.processElement(LeadCallEvent.of(new CallActivity(activity, LEAD, OWNER, at(occurredHours), at(knownHours), true, at(knownHours))), at(knownHours));
    }

    void call(String extension, String repNumber, double startedHours) throws Exception {
        LeadSignal call = LeadSignal.call(PHONE, at(startedHours), extension, repNumber).forLead(LEAD);
        harness.processElement(LeadCallEvent.of(call), at(startedHours) + 3 * MINUTE);
    }

    /** The lead's existence is state for as long as it lives: deleting it lets a test check nothing else remains. */
    void leadDeletedAndInputEnds() throws Exception {
        harness.processElement(LeadCallEvent.of(new LeadCallEvent.LeadRow(LEAD, true, at(30))), at(30));
        harness.processWatermark(Long.MAX_VALUE);
    }

    List<Anomaly> anomalies() {
        return harness.extractOutputValues();
    }

    @Test
    void aLoggedCallBackedByTheOwnersCallIsFine() throws Exception {
        // given the owner's extension called the lead at 10:00 and logged it at 10:05 as 10:00
        call("8001", null, 0);
        logged(500001L, 0, 0.1);
        leadDeletedAndInputEnds();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void aBackedFollowUpTellsHowLongAfterTheCallItWasLogged() throws Exception {
        // given two calls by the owner, at 16:00 and 16:40, and the follow-up typed as 16:30 but entered 17 h later
        call("8001", null, 0);
        call(null, "+8613800000007", 0.67);
        logged(500001L, 0.5, 17.5);
        leadDeletedAndInputEnds();

        // then the nearer call is the one it describes, and the gap runs from that call's start to the entry
        assertThat(anomalies()).isEmpty();
        assertThat(harness.getSideOutput(CallWithoutCdrCheck.LOG_GAPS)).extracting(r -> r.getValue())
                .containsExactly(new FollowUpLogGap(new CallActivity(500001L, LEAD, OWNER, at(0.5), at(17.5), true,
                        at(17.5)), at(0.67)));
        assertThat(harness.getSideOutput(CallWithoutCdrCheck.LOG_GAPS).peek().getValue().gapMinutes())
                .isEqualTo((at(17.5) - at(0.67)) / MINUTE);
        assertNothingLeaks(harness);
    }

    @Test
    void theConversationIsTheAnsweredCallNotANearerUnansweredAttempt() throws Exception {
        call("8001", null, 0.45);                                       // no answer, 3 minutes from the stated time
        LeadSignal answered = LeadSignal.call(PHONE, at(0.6), "8001", null).answered(true).forLead(LEAD);
        harness.processElement(LeadCallEvent.of(answered), at(0.6) + 3 * MINUTE);
        logged(500001L, 0.5, 16);
        leadDeletedAndInputEnds();

        assertThat(harness.getSideOutput(CallWithoutCdrCheck.LOG_GAPS)).extracting(r -> r.getValue().callStartedAt)
                .containsExactly(at(0.6));
        assertNothingLeaks(harness);
    }

    @Test
    void aLoggedCallWithNoCallIsReportedTwoHoursAfterItsTime() throws Exception {
        logged(500001L, 0, 0.05);

        harness.processWatermark(at(2) - 1);
        assertThat(anomalies()).isEmpty();

        harness.processWatermark(at(2));
        assertThat(anomalies()).hasSize(1);
        Anomaly a = anomalies().get(0);
        assertThat(a.anomalyId).isEqualTo("call_without_cdr:activity:500001:" + at(0));
        assertThat(a.userId).isEqualTo(OWNER);
        assertThat(a.leadId).isEqualTo(LEAD);
        assertThat(a.detectedAt).isEqualTo(at(2));
        assertThat(a.details).contains("没有该销售与线索").contains("within 120 min");
        leadDeletedAndInputEnds();
        assertNothingLeaks(harness);
    }

    @Test
    void callsByAnotherRepOrOutsideTheWindowDoNotBackIt() throws Exception {
        call("8002", null, 0);                   // a colleague called
        call("8001", null, -2.5);                // the owner, but 2.5 h before
        call(null, "+8613800000007", 2.1);       // the owner's mobile, 2.1 h after
        logged(500001L, 0, 0.1);
        leadDeletedAndInputEnds();

        assertThat(anomalies()).hasSize(1);
        assertNothingLeaks(harness);
    }

    @Test
    void theWindowIsInclusiveAndTheOwnersWorkNumberCounts() throws Exception {
        call(null, "+8613800000007", 2);         // exactly 2 h after, from the owner's mobile (Twilio)
        logged(500001L, 0, 0.1);
        leadDeletedAndInputEnds();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void aCallLoggedSeventeenHoursLaterIsDecidedWhenItBecomesKnown() throws Exception {
        // given the call happened and time moved on before the rep logged it, back-dated to the call
        call("8001", null, 0);
        harness.processWatermark(at(17));
        logged(500001L, 0, 17);
        logged(500002L, 3, 17);                  // and one more "call" the PBX never saw

        harness.processWatermark(at(17) + 1);
        assertThat(anomalies()).extracting(a -> a.subjectId + " detected " + a.detectedAt)
                .containsExactly("500002 detected " + at(17));
        leadDeletedAndInputEnds();
        assertNothingLeaks(harness);
    }

    @Test
    void arrivalOrderAndRedeliveriesDoNotMatter() throws Exception {
        logged(500001L, 0, 0.1);
        logged(500001L, 0, 0.1);                 // delivered twice
        logged(500002L, 1, 1.1);
        call("8001", null, 0.5);                 // arrives after both, within both windows
        logged(500003L, 5, 5.1);
        logged(500003L, 5, 5.1);
        leadDeletedAndInputEnds();

        assertThat(anomalies()).extracting(a -> a.subjectId).containsExactly(500003L);
        assertNothingLeaks(harness);
    }

    @Test
    void aWithdrawnActivityIsForgotten() throws Exception {
        logged(500001L, 0, 0.1);
        harness.processElement(LeadCallEvent.of(new CallActivity(500001L, LEAD, OWNER, at(0), at(0.2), false, at(0.2))), at(0.2));
        leadDeletedAndInputEnds();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void aWithdrawalArrivingBeforeTheVersionItWithdrawsStillWins() throws Exception {
        // the double-submitted copy is deleted 5 minutes later, but the delete overtakes the insert
        harness.processElement(LeadCallEvent.of(new CallActivity(500001L, LEAD, OWNER, at(0), at(0.2), false, at(0.2))), at(0.2));
        logged(500001L, 0, 0.1);
        leadDeletedAndInputEnds();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void followUpsOnALeadNeverSeenCannotBeChecked() throws Exception {
        // a lead deleted before the snapshot: its follow-ups survive, its phone is unknown
        harness.processElement(LeadCallEvent.of(new CallActivity(500009L, 100001L, OWNER, at(0), at(0.1), true, at(0.1))), at(0.1));
        leadDeletedAndInputEnds();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void aDeletedLeadIsStillKnownForItsLaterFollowUpsAndAnOlderVersionDoesNotRevive() throws Exception {
        harness.processElement(LeadCallEvent.of(new LeadCallEvent.LeadRow(LEAD, true, at(1))), at(1));
        harness.processElement(LeadCallEvent.of(new LeadCallEvent.LeadRow(LEAD, false, at(0.5))), at(1)); // overtaken
        logged(500001L, 3, 3.1);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(anomalies()).hasSize(1);
        assertNothingLeaks(harness);
    }

    @Test
    void anOwnerWhoseIdentityIsUnknownHasNoCalls() throws Exception {
        call("8009", null, 0);
        harness.processElement(LeadCallEvent.of(new CallActivity(500001L, LEAD, 1999L, at(0), at(0.1), true, at(0.1))), at(0.1));
        leadDeletedAndInputEnds();

        assertThat(anomalies()).extracting(a -> a.userId).containsExactly(1999L);
        assertNothingLeaks(harness);
    }

    @Test
    void activityChangesTellWhatToCheck() {
        CrmRow call = row().with("id", 500001L).with("lead_id", LEAD).with("owner_id", OWNER).with("type", "call")
                .with("occurred_at", instant(0)).with("created_at", instant(0.1));

        assertThat(CallActivity.of(CrmRow.created("activities", call, instant(0.1))))
                .containsExactly(new CallActivity(500001L, LEAD, OWNER, at(0), at(0.1), true, at(0.1)));
        assertThat(CallActivity.of(CrmRow.snapshot("activities", call, instant(5)))).hasSize(1);
        assertThat(CallActivity.of(CrmRow.created("activities", call.copy().with("type", "wechat"), instant(0.1)))).isEmpty();
        assertThat(CallActivity.of(CrmRow.created("activities", call.copy().with("lead_id", null), instant(0.1)))).isEmpty();
        // notes edited: the claim is unchanged, nothing to check again
        assertThat(CallActivity.of(CrmRow.updated("activities", call, call.copy().with("notes", "补充"), instant(1)))).isEmpty();
        // moved to another lead: withdrawn from the old one, logged on the new one
        assertThat(CallActivity.of(CrmRow.updated("activities", call, call.copy().with("lead_id", 7L), instant(1))))
                .containsExactly(new CallActivity(500001L, LEAD, OWNER, at(0), at(0.1), false, at(1)),
                        new CallActivity(500001L, 7L, OWNER, at(0), at(0.1), true, at(1)));
        // re-timed: logged again with the new time
        assertThat(CallActivity.of(CrmRow.updated("activities", call, call.copy().with("occurred_at", instant(1)), instant(1))))
                .containsExactly(new CallActivity(500001L, LEAD, OWNER, at(1), at(0.1), true, at(1)));
        assertThat(CallActivity.of(CrmRow.deleted("activities", call, instant(1))))
                .containsExactly(new CallActivity(500001L, LEAD, OWNER, at(0), at(0.1), false, at(1)));
        CrmRow lead = row().with("id", LEAD).with("phone", null);
        assertThat(LeadCallEvent.lead(CrmRow.snapshot("leads", lead, instant(2)))).get()
                .satisfies(e -> assertThat(e.lead.deleted).isFalse());
        assertThat(LeadCallEvent.lead(CrmRow.deleted("leads", lead, instant(3)))).get()
                .satisfies(e -> assertThat(e.lead.deleted + "@" + e.lead.version).isEqualTo("true@" + at(3)));
    }

    @Test
    void everyCallWithAnExternalNumberCountsAnsweredOrNot() {
        Instant start = instant(0);
        CallRecord unanswered = new CallRecord("asterisk", "1772413200.1", start, null, start.plusSeconds(30), 30, 0,
                "outbound", "8001", null, "13912345678", PHONE, "NO ANSWER", false);
        CallRecord internal = new CallRecord("asterisk", "1772413200.2", start, start, start.plusSeconds(60), 60, 55,
                "internal", "8001", null, "8002", null, "ANSWERED", true);

        assertThat(DialledCalls.signal(unanswered)).get()
                .satisfies(s -> assertThat(s.phone + " " + s.at + " " + s.repExtension).isEqualTo(PHONE + " " + at(0) + " 8001"));
        assertThat(DialledCalls.signal(internal)).isEmpty();
    }
}
