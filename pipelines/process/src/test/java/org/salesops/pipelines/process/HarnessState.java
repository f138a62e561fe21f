package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** The end-of-test check every operator test makes: no timer left, no state left. */
final class HarnessState {

    private HarnessState() {
    }

    static void assertNothingLeaks(AbstractStreamOperatorTestHarness<?> harness) {
        assertThat(harness.numEventTimeTimers()).as("event-time timers left").isZero();
        HeapKeyedStateBackend<?> backend =
                (HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend();
        assertThat(backend.numKeyValueStateEntries()).as("keyed state entries left").isZero();
    }
}
