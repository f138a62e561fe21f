package org.salesops.pipelines.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** Fixed instants of the rule tests, and the check that a rule leaves nothing behind. */
final class Harnesses {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final long MINUTE = Duration.ofMinutes(1).toMillis();
    static final long HOUR = Duration.ofHours(1).toMillis();

    private Harnesses() {
    }

    static long at(double hours) {
        return T0.toEpochMilli() + Math.round(hours * HOUR);
    }

    static Instant instant(double hours) {
        return Instant.ofEpochMilli(at(hours));
    }

    static void assertNothingLeaks(AbstractStreamOperatorTestHarness<?> harness) {
        assertThat(harness.numEventTimeTimers()).as("timers left").isZero();
        HeapKeyedStateBackend<?> backend = (HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend();
        assertThat(backend.numKeyValueStateEntries()).as("keyed state left").isZero();
    }
}
