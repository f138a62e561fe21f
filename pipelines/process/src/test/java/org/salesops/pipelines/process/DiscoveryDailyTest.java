package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.activity;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

/** The daily aggregate per rep and company day, with its lateness decided by commit time. */
class DiscoveryDailyTest {

    static final ProcessSettings SETTINGS = ProcessSettings.defaults();
    /** Midnight between Monday 2 and Tuesday 3 March 2026 in Shanghai. */
    static final long MIDNIGHT = Instant.parse("2026-03-02T16:00:00Z").toEpochMilli();
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);
    static final long MINUTE = 60_000L;

    KeyedOneInputStreamOperatorTestHarness<String, FollowUpDiscovery, DiscoveryDaily> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DiscoveryDayFunction(SETTINGS)),
                DiscoveryDayFunction::key, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    /** A follow-up by rep 7 at an absolute instant, committed some minutes later. */
    static CrmChange followUp(long id, long occurredAt, Integer questions, String discoveries, String evidence,
                              long committedAt) {
        double occurredHours = (occurredAt - Crm.at(0)) / (double) Crm.HOUR;
        double committedHours = (committedAt - Crm.at(0)) / (double) Crm.HOUR;
        return create("activities", activity(id, 7, 300L, occurredHours, questions, discoveries, evidence, "跟进"),
                committedHours);
    }

    void send(FollowUpDiscovery f) throws Exception {
        harness.processElement(f, f.version.committedAt);
    }

    void send(CrmChange change) throws Exception {
        send(FollowUpDiscovery.of(change, SETTINGS.zone()));
    }

    @Test
    void followUpsAreCountedOnTheirShanghaiDayAndReportedWhenTheDayEnds() throws Exception {
        // 23:59 Monday and 00:00 Tuesday in Shanghai (15:59 and 16:00 UTC, the same UTC day)
        send(followUp(1, MIDNIGHT - MINUTE, 3, "budget_confirmed;purchase_time_confirmed", "客户说:预算80万", MIDNIGHT - MINUTE));
        send(followUp(2, MIDNIGHT - 2 * MINUTE, null, null, null, MIDNIGHT - MINUTE));
        send(followUp(3, MIDNIGHT, 5, "tech_owner_involved", null, MIDNIGHT + MINUTE));

        harness.processWatermark(MIDNIGHT - 1 - 1);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(MIDNIGHT - 1);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(d -> {
            assertThat(d.day).isEqualTo(MONDAY);
            assertThat(d.followUps).isEqualTo(2);
            assertThat(d.avgQuestions()).isEqualTo(3.0);        // one of the two recorded a count
            assertThat(d.discoveriesPerFollowUp()).isEqualTo(1.0);
            assertThat(d.evidenceShare()).isEqualTo(1.0);
        });
        harness.processWatermark(MIDNIGHT + Duration.ofDays(1).toMillis());
        assertThat(harness.extractOutputValues()).hasSize(2);
        DiscoveryDaily tuesday = harness.extractOutputValues().get(1);
        assertThat(tuesday.day).isEqualTo(TUESDAY);
        assertThat(tuesday.toRow()).containsEntry("follow_ups", 1).containsEntry("avg_questions", 5.0)
                .containsEntry("evidence_share", 0.0).containsEntry("rep_id", 7L);
    }

    @Test
    void aFollowUpLoggedLateWithinTheLatenessCorrectsTheDayOutOfOrder() throws Exception {
        send(followUp(1, MIDNIGHT - 10 * 60 * MINUTE, 2, null, null, MIDNIGHT - 10 * 60 * MINUTE));
        harness.processWatermark(MIDNIGHT + 60 * MINUTE);
        // the evening's call, logged 17 hours later, the next day
        send(followUp(2, MIDNIGHT - 2 * 60 * MINUTE, 4, "budget_confirmed", "客户说:预算80万", MIDNIGHT + 15 * 60 * MINUTE));
        harness.processWatermark(MIDNIGHT + 15 * 60 * MINUTE);

        assertThat(harness.extractOutputValues()).extracting(d -> d.day + ":" + d.followUps + ":" + d.questionsAsked)
                .containsExactly(MONDAY + ":1:2", MONDAY + ":2:6");
    }

    @Test
    void changesAfterTheLatenessAreDroppedAndTheWindowStateIsGone() throws Exception {
        send(followUp(1, MIDNIGHT - 60 * MINUTE, 2, null, null, MIDNIGHT - 60 * MINUTE));
        harness.processWatermark(MIDNIGHT - 1 + SETTINGS.discoveryLateness().toMillis());
        send(followUp(2, MIDNIGHT - 60 * MINUTE, 9, null, null, MIDNIGHT + 3 * 24 * 60 * MINUTE));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(d -> assertThat(d.followUps).isEqualTo(1));
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void anEditReplacesTheFollowUpAndAWithdrawalEmptiesTheOldDay() throws Exception {
        Map<String, Object> first = activity(1, 7, 300L, 0, 2, null, null, "跟进");   // Monday 09:00
        Map<String, Object> edited = activity(1, 7, 300L, 0, 6, null, null, "跟进");
        FollowUpDiscovery original = FollowUpDiscovery.of(create("activities", first, 0.1), SETTINGS.zone());
        send(original);
        send(update("activities", first, edited, 2));
        harness.processWatermark(MIDNIGHT);
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(d -> assertThat(d.questionsAsked).isEqualTo(6));

        // the next morning the rep moves it to Tuesday: FollowUpVersions withdraws it from Monday
        FollowUpDiscovery moved = FollowUpDiscovery.of(update("activities", edited,
                activity(1, 7, 300L, 24, 6, null, null, "跟进"), 25), SETTINGS.zone());
        send(original.withdrawnBy(moved.version));
        send(moved);
        harness.processWatermark(MIDNIGHT + Duration.ofDays(1).toMillis());

        assertThat(harness.extractOutputValues()).extracting(d -> d.day + ":" + d.followUps)
                .containsExactly(MONDAY + ":1", MONDAY + ":0", TUESDAY + ":1");
    }

    @Test
    void theSnapshotsHistoryCountsInFullHoweverFarTheWatermarkHasGone() throws Exception {
        // Debezium's snapshot, taken three days later, brings Monday's follow-ups for the first time; the
        // watermark is already past Monday's lateness when the second one arrives.
        long snapshotAt = MIDNIGHT + Duration.ofDays(3).toMillis();
        send(snapshotRead(1, MIDNIGHT - 10 * 60 * MINUTE, 2, snapshotAt));
        harness.processWatermark(snapshotAt - 1);
        send(snapshotRead(2, MIDNIGHT - 9 * 60 * MINUTE, 3, snapshotAt));
        harness.processWatermark(snapshotAt);
        // a live edit committed that long after Monday does not change it any more
        send(followUp(3, MIDNIGHT - 8 * 60 * MINUTE, 9, null, null, snapshotAt + MINUTE));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).extracting(d -> d.day + ":" + d.followUps + ":" + d.questionsAsked)
                .containsExactly(MONDAY + ":2:5");
        HarnessState.assertNothingLeaks(harness);
    }

    static FollowUpDiscovery snapshotRead(long id, long occurredAt, int questions, long snapshotAt) {
        CrmChange created = followUp(id, occurredAt, questions, null, null, snapshotAt);
        return FollowUpDiscovery.of(new CrmChange(created.table(), "r", null, created.after(), created.committedAt(),
                null, null), SETTINGS.zone());
    }
}
