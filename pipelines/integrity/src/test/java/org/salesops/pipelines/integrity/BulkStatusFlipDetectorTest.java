package org.salesops.pipelines.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.integrity.Harnesses.MINUTE;
import static org.salesops.pipelines.integrity.Harnesses.assertNothingLeaks;
import static org.salesops.pipelines.integrity.Harnesses.at;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkStatusFlipDetectorTest {

    static final long REP = 1007L;
    static final long OTHER_REP = 1008L;
    static final String PENDING = "pending_followup";

    KeyedOneInputStreamOperatorTestHarness<String, StatusChange, Anomaly> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new BulkStatusFlipDetector(IntegritySettings.defaults()), StatusChange::ownerAndStatus, Types.STRING);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    /** Leads 1..count set to pending_followup by REP, one every {@code everySeconds} from 17:00 local (09:00 UTC). */
    static List<StatusChange> burst(int count, long everySeconds, long firstLead, double startHours) {
        List<StatusChange> flips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            flips.add(new StatusChange(firstLead + i, REP, PENDING, at(startHours) + i * everySeconds * 1000));
        }
        return flips;
    }

    void send(List<StatusChange> changes) throws Exception {
        for (StatusChange c : changes) {
            harness.processElement(c, c.at);
        }
    }

    void endOfInput() throws Exception {
        harness.processWatermark(Long.MAX_VALUE);
    }

    List<Anomaly> anomalies() {
        return harness.extractOutputValues();
    }

    @Test
    void twelveLeadsInSixMinutesAreOneBurstDecidedTenMinutesAfterTheLast() throws Exception {
        // given the seed's evasion: 12 stale leads set to pending_followup, 30 s apart
        List<StatusChange> flips = burst(12, 30, 100001L, 8);
        send(flips);
        long last = flips.get(11).at;

        // when the watermark has not yet passed the last flip by the window, nothing is said
        harness.processWatermark(last + 10 * MINUTE - 1);
        assertThat(anomalies()).isEmpty();

        // then at the end of the window one anomaly names every lead, in flip order
        harness.processWatermark(last + 10 * MINUTE);
        assertThat(anomalies()).hasSize(1);
        Anomaly a = anomalies().get(0);
        assertThat(a.anomalyId).isEqualTo("bulk_status_flip:user:1007:" + at(8));
        assertThat(a.leadIds).containsExactlyElementsOf(LongStream.range(100001L, 100013L).boxed().toList());
        assertThat(a.status).isEqualTo(PENDING);
        assertThat(a.occurredAt).isEqualTo(at(8));
        assertThat(a.lastAt).isEqualTo(last);
        assertThat(a.detectedAt).isEqualTo(last + 10 * MINUTE);
        assertThat(a.details).contains("12 leads to pending_followup within 330 s");
        endOfInput();
        assertThat(anomalies()).hasSize(1);
        assertNothingLeaks(harness);
    }

    @Test
    void arrivalOrderAndRedeliveriesDoNotChangeTheResult() throws Exception {
        List<StatusChange> flips = new ArrayList<>(burst(12, 30, 100001L, 8));
        flips.addAll(burst(12, 30, 100001L, 8)); // every change delivered twice
        Collections.shuffle(flips, new Random(7));

        send(flips);
        endOfInput();

        assertThat(anomalies()).hasSize(1);
        assertThat(anomalies().get(0).leadIds).containsExactlyElementsOf(LongStream.range(100001L, 100013L).boxed().toList());
        assertNothingLeaks(harness);
    }

    @Test
    void tenLeadsWithinTenMinutesIsTheEdgeNineIsNot() throws Exception {
        // exactly 10 leads, the last one exactly 10 minutes after the first
        List<StatusChange> ten = new ArrayList<>(burst(9, 60, 1L, 8));
        ten.add(new StatusChange(10L, REP, PENDING, at(8) + 10 * MINUTE));
        send(ten);
        harness.processWatermark(at(9));
        assertThat(anomalies()).hasSize(1);

        send(burst(9, 30, 101L, 10));
        endOfInput();
        assertThat(anomalies()).hasSize(1);
        assertNothingLeaks(harness);
    }

    @Test
    void aSteadyPaceIsNoBurst() throws Exception {
        // ten leads, one every 2.5 minutes: never ten within any 10-minute window
        send(burst(10, 150, 1L, 8));
        endOfInput();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }

    @Test
    void aBurstGoesOnWhileFlipsFollowWithinTheWindowAndAPauseEndsIt() throws Exception {
        List<StatusChange> flips = new ArrayList<>(burst(10, 20, 1L, 8));
        long tail = flips.get(9).at + 9 * MINUTE;           // 9 minutes later: still the same burst
        flips.add(new StatusChange(11L, REP, PENDING, tail));
        flips.addAll(burst(10, 20, 21L, 10));                // two hours later: a second burst
        send(flips);
        endOfInput();

        assertThat(anomalies()).extracting(a -> a.leadIds.size() + " from " + a.occurredAt)
                .containsExactly("11 from " + at(8), "10 from " + at(10));
        assertThat(anomalies().get(0).lastAt).isEqualTo(tail);
        assertNothingLeaks(harness);
    }

    @Test
    void flipsOfDifferentOwnersOrStatusesDoNotAddUp() throws Exception {
        List<StatusChange> flips = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long owner = i % 2 == 0 ? REP : OTHER_REP;
            String status = i % 3 == 0 ? "lost" : PENDING;
            flips.add(new StatusChange(i + 1, owner, status, at(8) + i * 20_000L));
        }
        flips.add(new StatusChange(99L, null, PENDING, at(8)));   // no owner: nobody to attribute it to
        send(flips);
        endOfInput();

        assertThat(anomalies()).isEmpty();
        assertNothingLeaks(harness);
    }
}
