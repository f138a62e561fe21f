package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.row;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmRow;

class ReceivablePathWatchTest {

    static final long CONTRACT = 840001L;
    static final long OWNER = 1007L;
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    static final List<String> STEPS = ReceivableChange.STEPS;

    KeyedOneInputStreamOperatorTestHarness<Long, ReceivableChange, SilenceEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ReceivablePathWatch(Threshold.hours(48), WorkingCalendar.china()), c -> c.contractId, Types.LONG);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static Instant at(double hours) {
        return T0.plusMillis((long) (hours * Duration.ofHours(1).toMillis()));
    }

    static long step(int index) {
        return 860001L + index;
    }

    static CrmRow contract(String status) {
        return row().with("id", CONTRACT).with("owner_id", OWNER).with("contract_no", "HT-2026-00001")
                .with("signed_at", T0).with("status", status).with("updated_at", T0);
    }

    static CrmRow stepRow(int index, Instant completedAt, Instant updatedAt) {
        return row().with("id", step(index)).with("contract_id", CONTRACT).with("step", STEPS.get(index))
                .with("completed_at", completedAt).with("updated_at", updatedAt);
    }

    void send(CrmChange change) throws Exception {
        for (ReceivableChange c : ReceivableChange.of(change)) {
            harness.processElement(c, change.committedAt().toEpochMilli());
        }
    }

    void signed() throws Exception {
        send(CrmRow.created("contracts", contract("signed"), T0));
        for (int i = 0; i < STEPS.size(); i++) {
            send(CrmRow.created("receivable_steps", stepRow(i, null, T0), T0));
        }
    }

    void completed(int index, double hours) throws Exception {
        send(CrmRow.updated("receivable_steps", stepRow(index, null, T0), stepRow(index, at(hours), at(hours)),
                at(hours)));
    }

    List<String> events() {
        List<String> events = new ArrayList<>();
        for (SilenceEvent e : harness.extractOutputValues()) {
            events.add(e.kind + " " + (e.subjectId - 860001L) + (e.kind.equals(SilenceEvent.WATCH)
                    ? " from " + Duration.between(T0, Instant.ofEpochMilli(e.silenceStart)).toHours() + "h due "
                    + Duration.between(T0, Instant.ofEpochMilli(e.deadline)).toHours() + "h" : ""));
        }
        return events;
    }

    void assertNothingLeaks() {
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                .isZero();
    }

    @Test
    void eachStepIsAwaitedInTurnFromTheLastActionOnThePath() throws Exception {
        signed();
        harness.processWatermark(at(0).toEpochMilli());
        assertThat(events()).containsExactly("watch 0 from 0h due 48h");

        completed(0, 30);
        completed(1, 50);
        harness.processWatermark(at(50).toEpochMilli());
        assertThat(events()).containsExactly("watch 0 from 0h due 48h",
                "stop 0", "watch 1 from 30h due 78h",
                "stop 1", "watch 2 from 50h due 98h");
        assertThat(harness.extractOutputValues().get(0).ownerId).isEqualTo(OWNER);
        assertThat(harness.extractOutputValues().get(0).message).contains("合同归档").contains("HT-2026-00001");

        completed(2, 60);
        completed(3, 70);
        harness.processWatermark(Long.MAX_VALUE);
        assertThat(events()).endsWith("stop 2", "watch 3 from 60h due 108h", "stop 3");
        assertNothingLeaks();
    }

    @Test
    void evidenceAddedToTheAwaitedStepIsAnActionAndRestartsTheSilence() throws Exception {
        signed();
        send(CrmRow.updated("receivable_steps", stepRow(0, null, T0),
                stepRow(0, null, at(20)).with("evidence_ref", "SF123"), at(20)));
        harness.processWatermark(at(20).toEpochMilli());

        assertThat(events()).containsExactly("watch 0 from 0h due 48h", "watch 0 from 20h due 68h");
    }

    @Test
    void theOrderOfArrivalDoesNotMatterOnlyEventTime() throws Exception {
        // the archive step's completion travels faster than the contract and its step rows
        completed(0, 30);
        signed();
        harness.processWatermark(at(30).toEpochMilli());

        assertThat(events()).containsExactly("watch 0 from 0h due 48h", "stop 0", "watch 1 from 30h due 78h");
    }

    @Test
    void aChangeBehindTheWatermarkIsAppliedAtOnceWithoutWaitingForTheNext() throws Exception {
        signed();
        harness.processWatermark(at(40).toEpochMilli());

        // the archive step's completion at 30 h arrives after the watermark passed 40 h
        completed(0, 30);

        assertThat(events()).containsExactly("watch 0 from 0h due 48h", "stop 0", "watch 1 from 30h due 78h");
        assertThat(harness.numEventTimeTimers()).as("nothing held for the late change").isZero();
    }

    @Test
    void aTerminatedOrDeletedContractAwaitsNothing() throws Exception {
        signed();
        harness.processWatermark(at(1).toEpochMilli());
        send(CrmRow.updated("contracts", contract("signed"), contract("terminated"), at(5)));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(events()).containsExactly("watch 0 from 0h due 48h", "stop 0");
        assertNothingLeaks();

        // a late correction of a step of the forgotten path reopens nothing
        completed(1, 80);
        assertThat(events()).hasSize(2);
        assertNothingLeaks();
    }
}
