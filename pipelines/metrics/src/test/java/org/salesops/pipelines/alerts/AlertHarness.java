package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.salesops.pipelines.crm.CrmChange;

/** SilenceAlertFunction in a Flink test harness, fed silence events or CRM changes through the rules. */
final class AlertHarness implements AutoCloseable {

    static final WorkingCalendar CALENDAR = WorkingCalendar.china();

    private final KeyedOneInputStreamOperatorTestHarness<String, SilenceEvent, Alert> harness;
    private final AlertRules rules = AlertRules.all(CALENDAR);

    AlertHarness() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SilenceAlertFunction(CALENDAR)), SilenceEvent::key, Types.STRING);
        harness.open();
    }

    void send(SilenceEvent event, long elementTimestamp) throws Exception {
        harness.processElement(event, elementTimestamp);
    }

    /** A CRM change through all rules, stamped with its commit time as the job does. */
    void send(CrmChange change) throws Exception {
        for (SilenceEvent event : rules.apply(change)) {
            send(event, change.committedAt().toEpochMilli());
        }
    }

    void watermark(long time) throws Exception {
        harness.processWatermark(time);
    }

    void watermark(Instant time) throws Exception {
        watermark(time.toEpochMilli());
    }

    void endOfInput() throws Exception {
        watermark(Long.MAX_VALUE);
    }

    List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    int stateEntries() {
        HeapKeyedStateBackend<?> backend = (HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend();
        return backend.numKeyValueStateEntries();
    }

    void assertNothingLeaks() {
        assertThat(timers()).as("event-time timers").isZero();
        assertThat(stateEntries()).as("keyed state entries").isZero();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
