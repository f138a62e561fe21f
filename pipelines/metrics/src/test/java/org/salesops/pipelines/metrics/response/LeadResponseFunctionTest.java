package org.salesops.pipelines.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.salesops.pipelines.alerts.BusinessHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadResponseFunctionTest {

    static final long LEAD = 42L;
    static final long OWNER = 7L;
    static final long OTHER_REP = 8L;
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final BusinessHours HOURS = BusinessHours.configured();

    KeyedBroadcastOperatorTestHarness<Long, LeadSignal, RepIdentity, LeadResponse> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new LeadResponseFunction(ResponseTimeRules.defaults()), s -> s.leadId, Types.LONG,
                LeadResponseFunction.REPS);
        harness.processBroadcastElement(new RepIdentity(OWNER, "8001", "+8613800000007"), 0L);
        harness.processBroadcastElement(new RepIdentity(OTHER_REP, "8002", "+8613800000008"), 0L);
        // The reps side is reference data that is complete here: its watermark must not hold time back.
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static long at(double hours) {
        return T0.toEpochMilli() + (long) (hours * HOUR);
    }

    static LeadSignal callBy(String extension, double hours) {
        return LeadSignal.call("+8613912345678", at(hours), extension, null).forLead(LEAD);
    }

    void send(LeadSignal signal) throws Exception {
        harness.processElement(signal, signal.at);
    }

    void endOfInput() throws Exception {
        harness.processWatermark(Long.MAX_VALUE);
    }

    void assertNothingLeaks() {
        assertThat(harness.numEventTimeTimers()).isZero();
        HeapKeyedStateBackend<?> backend = (HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend();
        assertThat(backend.numKeyValueStateEntries()).isZero();
    }

    @Test
    void connectedCallByTheOwnerIsTheFirstContact() throws Exception {
        // given an assignment and, 3 hours later, a connected call from the owner's extension
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(callBy("8001", 3));

        // when the watermark passes the call
        harness.processWatermark(at(3) + 1);

        // then the response is reported at once, 180 minutes, within SLA
        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(3), "call").inBusinessHours(HOURS));
        assertThat(harness.extractOutputValues().get(0).responseMinutes()).isEqualTo(180L);
        endOfInput();
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertNothingLeaks();
    }

    @Test
    void responseTimeIsAlsoCountedInBusinessMinutes() throws Exception {
        // T0 is Monday 09:00 in Shanghai: assigned Friday 17:00, called back Monday 09:30
        send(LeadSignal.assignment(LEAD, at(4 * 24 + 8), OWNER));
        send(callBy("8001", 7 * 24 + 0.5));
        endOfInput();

        LeadResponse response = harness.extractOutputValues().get(0);
        assertThat(response.responseMinutes()).isEqualTo(64L * 60 + 30);
        assertThat(response.businessMinutes).isEqualTo(90L);
        assertThat(response.slaMet).isFalse();
        assertThat(response.toRow()).containsEntry("business_minutes", 90L);
        assertNothingLeaks();
    }

    @Test
    void sameResultWhenEventsArriveOutOfOrder() throws Exception {
        // the call arrives before the assignment it answers
        send(callBy("8001", 3));
        send(LeadSignal.followUp(LEAD, at(5), OWNER));
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        endOfInput();

        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(3), "call").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void contactsByOtherRepsOrBeforeTheAssignmentDoNotCount() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(callBy("8002", 1));                              // another rep's call
        send(LeadSignal.followUp(LEAD, at(2), OTHER_REP));     // another rep's follow-up
        send(LeadSignal.call("+8613912345678", at(-1), "8001", null).forLead(LEAD)); // before assignment
        send(LeadSignal.followUp(LEAD, at(4), OWNER));
        endOfInput();

        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(4), "follow_up").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void missedSlaIsReportedAtTheDeadlineNotAtTheNextEvent() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));

        harness.processWatermark(at(24) - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        // the deadline passes without any event for this lead
        harness.processWatermark(at(24));
        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), null, null).inBusinessHours(HOURS));

        // a late contact then replaces the row (same lead and assigned_at): SLA still missed
        send(LeadSignal.followUp(LEAD, at(30), OWNER));
        endOfInput();
        List<LeadResponse> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        assertThat(out.get(1)).isEqualTo(new LeadResponse(LEAD, at(0), OWNER, at(24), at(30), "follow_up").inBusinessHours(HOURS));
        assertThat(out.get(1).slaMet).isFalse();
        assertNothingLeaks();
    }

    @Test
    void followUpLoggedLateButBackDatedImprovesTheReportedContact() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(callBy("8001", 5));
        harness.processWatermark(at(6));
        // logged 17 hours after it says it happened (the seed's gap): still the earliest contact
        send(LeadSignal.followUp(LEAD, at(2), OWNER));
        endOfInput();

        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(5), "call").inBusinessHours(HOURS),
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(2), "follow_up").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void aSnapshotRevealsAnOldAssignmentAfterItsCallWasSeen() throws Exception {
        // the call happened and time moved on for days before Debezium's snapshot told us about the lead
        send(callBy("8001", 3));
        harness.processWatermark(at(24 * 10));
        harness.processElement(LeadSignal.assignment(LEAD, at(0), OWNER), at(24 * 10)); // committed at the snapshot
        harness.processWatermark(at(24 * 10) + 1);

        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(3), "call").inBusinessHours(HOURS));
        endOfInput();
        assertNothingLeaks();
    }

    @Test
    void atTheSameInstantTheCallIsTheContactWhicheverArrivesFirst() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(LeadSignal.followUp(LEAD, at(2), OWNER));
        harness.processWatermark(at(2) + 1);
        send(callBy("8001", 2));
        endOfInput();

        List<LeadResponse> out = harness.extractOutputValues();
        assertThat(out.get(out.size() - 1)).isEqualTo(new LeadResponse(LEAD, at(0), OWNER, at(24), at(2), "call").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    List<String> alerts() {
        var out = harness.getSideOutput(LeadResponseFunction.ALERTS);
        return out == null ? List.of() : out.stream().map(r -> r.getValue().status + "@" + hours(alertTime(r.getValue()))
                + " due " + hours(r.getValue().dueAt)).toList();
    }

    static long alertTime(org.salesops.pipelines.alerts.Alert a) {
        return a.resolvedAt != null ? a.resolvedAt : a.escalatedAt != null ? a.escalatedAt : a.dueAt;
    }

    static String hours(long millis) {
        return (millis - T0.toEpochMilli()) / HOUR + "h";
    }

    @Test
    void aLeadNeverContactedRaisesAnAlertAtTheDeadlineAndEscalatesAtTwiceIt() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));

        harness.processWatermark(at(24) - 1);
        assertThat(alerts()).isEmpty();
        harness.processWatermark(at(24));
        assertThat(alerts()).containsExactly("open@24h due 24h");
        harness.processWatermark(at(48));
        assertThat(alerts()).containsExactly("open@24h due 24h", "escalated@48h due 24h");
        assertThat(harness.getSideOutput(LeadResponseFunction.ALERTS).peek().getValue().alertId)
                .isEqualTo("lead_not_contacted:lead:42:" + at(0));
        endOfInput();
        assertThat(alerts()).as("still unresolved when the data ends").hasSize(2);
    }

    @Test
    void aLeadDeletedBeforeItsDeadlineRaisesNothingAndIsNotAMiss() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(LeadSignal.deletion(LEAD, at(5)));
        endOfInput();

        assertThat(alerts()).isEmpty();
        assertThat(harness.extractOutputValues()).isEmpty();
        assertNothingLeaks();
    }

    @Test
    void deletingALeadResolvesItsOpenAlert() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        harness.processWatermark(at(30));
        send(LeadSignal.deletion(LEAD, at(31)));
        endOfInput();

        assertThat(alerts()).containsExactly("open@24h due 24h", "resolved@31h due 24h");
        assertThat(harness.extractOutputValues()).as("the miss at the deadline stands")
                .containsExactly(new LeadResponse(LEAD, at(0), OWNER, at(24), null, null).inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void aLeadReopenedToTheSameOwnerIsANewAssignmentWithItsOwnClock() throws Exception {
        var lost = org.salesops.pipelines.crm.CrmRow.row().with("id", LEAD).with("owner_id", OWNER)
                .with("assigned_at", T0).with("status", "lost");
        var reopened = lost.copy().with("status", "assigned").with("assigned_at", T0.plusSeconds(30 * 86_400));
        // the CRM re-opens the lost lead and hands it to the same rep again
        var signal = LeadSignals.assignment(org.salesops.pipelines.crm.CrmRow.updated("leads", lost, reopened,
                T0.plusSeconds(30 * 86_400)));
        assertThat(signal).contains(LeadSignal.assignment(LEAD, at(30 * 24), OWNER));

        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(callBy("8001", 1));
        send(signal.orElseThrow());
        send(callBy("8001", 30 * 24 + 2));
        endOfInput();

        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(1), "call").inBusinessHours(HOURS),
                new LeadResponse(LEAD, at(30 * 24), OWNER, at(31 * 24), at(30 * 24 + 2), "call").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void aDeletionIsReadFromTheLeadsDeleteEventOnly() {
        var lead = org.salesops.pipelines.crm.CrmRow.row().with("id", LEAD).with("owner_id", OWNER)
                .with("assigned_at", T0);
        assertThat(LeadSignals.deletion(org.salesops.pipelines.crm.CrmRow.deleted("leads", lead, T0.plusSeconds(60))))
                .contains(LeadSignal.deletion(LEAD, T0.plusSeconds(60).toEpochMilli()));
        assertThat(LeadSignals.deletion(org.salesops.pipelines.crm.CrmRow.created("leads", lead, T0))).isEmpty();
    }

    @Test
    void theAlertResolvesWhenTheContactBecomesKnownEvenIfItIsDatedEarlier() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        harness.processWatermark(at(24));
        // a follow-up that says it happened at hour 2, logged at hour 26
        harness.processElement(LeadSignal.followUp(LEAD, at(2), OWNER), at(26));
        endOfInput();

        assertThat(alerts()).containsExactly("open@24h due 24h", "resolved@26h due 24h");
        assertThat(harness.extractOutputValues()).last()
                .isEqualTo(new LeadResponse(LEAD, at(0), OWNER, at(24), at(2), "follow_up").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void aLateCallOpensAndResolvesTheAlertEvenWhenTheWatermarkJumpsPastBoth() throws Exception {
        harness.processElement(LeadSignal.assignment(LEAD, at(0), OWNER), at(0));
        LeadSignal call = callBy("8001", 39.9);
        harness.processElement(call, at(40));
        harness.processWatermark(at(100));

        assertThat(alerts()).containsExactly("open@24h due 24h", "resolved@40h due 24h");
    }

    @Test
    void noAlertWhenTheContactIsKnownBeforeTheDeadline() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(callBy("8001", 23));
        endOfInput();

        assertThat(alerts()).isEmpty();
        assertNothingLeaks();
    }

    @Test
    void reassignmentResolvesTheOpenAlertOfTheOldOwner() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        harness.processWatermark(at(30));
        send(LeadSignal.assignment(LEAD, at(30), OTHER_REP));
        send(callBy("8002", 31));
        endOfInput();

        assertThat(alerts()).containsExactly("open@24h due 24h", "resolved@30h due 24h");
        assertNothingLeaks();
    }

    @Test
    void anOldSilentAssignmentRevealedBySnapshotAlertsAtOnceAlreadyEscalated() throws Exception {
        harness.processWatermark(at(24 * 10));
        harness.processElement(LeadSignal.assignment(LEAD, at(0), OWNER), at(24 * 10));
        harness.processWatermark(at(24 * 10) + 1);

        assertThat(alerts()).containsExactly("open@24h due 24h", "escalated@240h due 24h");
    }

    @Test
    void duplicatesAreHarmless() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(LeadSignal.followUp(LEAD, at(1), OWNER));
        send(LeadSignal.followUp(LEAD, at(1), OWNER));
        endOfInput();

        assertThat(harness.extractOutputValues()).containsExactly(
                new LeadResponse(LEAD, at(0), OWNER, at(24), at(1), "follow_up").inBusinessHours(HOURS));
        assertNothingLeaks();
    }

    @Test
    void reassignmentStartsANewClockAndEndsTheOldOne() throws Exception {
        send(LeadSignal.assignment(LEAD, at(0), OWNER));
        send(LeadSignal.assignment(LEAD, at(10), OTHER_REP));
        send(LeadSignal.followUp(LEAD, at(12), OWNER));      // old owner, after reassignment: counts for nobody
        send(callBy("8002", 11));
        endOfInput();

        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder(
                new LeadResponse(LEAD, at(0), OWNER, at(24), null, null).inBusinessHours(HOURS),
                new LeadResponse(LEAD, at(10), OTHER_REP, at(34), at(11), "call").inBusinessHours(HOURS));
        assertNothingLeaks();
    }
}
