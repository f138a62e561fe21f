package org.salesops.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The buffer inside a keyed function in Flink's operator harness: inputs and watermarks in, released inputs out. */
class EventTimeBufferTest {

    /**
     * Holds every input except two commands: "own" sets a timer of the function's own at the input's time,
     * "holds?" says whether inputs wait for its time. Each timer emits "time:input" per released input, or
     * "time:none".
     */
    static final class Releasing extends KeyedProcessFunction<String, String, String> {
        private final boolean byFirstLetter;
        private transient EventTimeBuffer<String> buffer;

        Releasing(boolean byFirstLetter) {
            this.byFirstLetter = byFirstLetter;
        }

        @Override
        public void open(OpenContext context) {
            var state = getRuntimeContext().getMapState(EventTimeBuffer.state("waiting", String.class));
            buffer = byFirstLetter ? new EventTimeBuffer<>(state, Comparator.comparing(s -> s.charAt(0)))
                    : new EventTimeBuffer<>(state);
        }

        @Override
        public void processElement(String input, Context ctx, Collector<String> out) throws Exception {
            switch (input) {
                case "own" -> ctx.timerService().registerEventTimeTimer(ctx.timestamp());
                case "holds?" -> out.collect("holds " + buffer.holdsInputsFor(ctx.timestamp()));
                default -> buffer.hold(input, ctx.timestamp(), ctx.timerService());
            }
        }

        @Override
        public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
            List<String> released = buffer.release(time);
            if (released.isEmpty()) {
                out.collect(time + ":none");
            }
            released.forEach(input -> out.collect(time + ":" + input));
        }
    }

    static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(boolean byFirstLetter) throws Exception {
        // One key for every input: the order within a key is what the buffer decides.
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Releasing(byFirstLetter)),
                input -> "k", Types.STRING);
    }

    static void assertNothingLeft(KeyedOneInputStreamOperatorTestHarness<String, String, String> harness) {
        assertThat(harness.numEventTimeTimers()).as("event-time timers left").isZero();
        assertThat(harness.numKeyedStateEntries()).as("keyed state left").isZero();
    }

    @Test
    void inputsComeOutInEventTimeOrderOnlyOnceTheWatermarkPassesThem() throws Exception {
        try (var harness = harness(false)) {
            harness.open();
            harness.processElement("c", 30L);
            harness.processElement("b", 20L);
            harness.processElement("a", 10L);

            harness.processWatermark(19L);
            assertThat(harness.extractOutputValues()).containsExactly("10:a");

            harness.processWatermark(30L);
            assertThat(harness.extractOutputValues()).containsExactly("10:a", "20:b", "30:c");
            assertNothingLeft(harness);
        }
    }

    @Test
    void inputsOfOneInstantKeepTheirArrivalOrderUnlessAnOrderIsGiven() throws Exception {
        try (var arrival = harness(false); var sorted = harness(true)) {
            for (var harness : List.of(arrival, sorted)) {
                harness.open();
                harness.processElement("b1", 10L);
                harness.processElement("a1", 10L);
                harness.processElement("b0", 10L);
                harness.processWatermark(10L);
                assertNothingLeft(harness);
            }

            assertThat(arrival.extractOutputValues()).containsExactly("10:b1", "10:a1", "10:b0");
            // Sorted by the first letter only: the two b's keep the order they came in.
            assertThat(sorted.extractOutputValues()).containsExactly("10:a1", "10:b1", "10:b0");
        }
    }

    @Test
    void aLateInputWaitsForTheNextWatermark() throws Exception {
        try (var harness = harness(false)) {
            harness.open();
            harness.processWatermark(100L);

            harness.processElement("late", 50L);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(101L);
            assertThat(harness.extractOutputValues()).containsExactly("50:late");
            assertNothingLeft(harness);
        }
    }

    @Test
    void aTimerOfTheFunctionsOwnReleasesNothingAndTellsItNeedsNoInputs() throws Exception {
        try (var harness = harness(false)) {
            harness.open();
            harness.processElement("held", 20L);
            harness.processElement("holds?", 20L);
            harness.processElement("holds?", 10L);
            harness.processElement("own", 10L);

            harness.processWatermark(20L);
            assertThat(harness.extractOutputValues()).containsExactly("holds true", "holds false", "10:none", "20:held");
            assertNothingLeft(harness);
        }
    }

    @Test
    void heldInputsSurviveARestoreFromACheckpoint() throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness(false)) {
            before.open();
            before.processElement("a", 10L);
            before.processElement("b", 10L);
            before.processElement("c", 20L);
            snapshot = before.snapshot(1L, 1L);
            assertThat(before.extractOutputValues()).isEmpty();
        }

        try (var after = harness(false)) {
            after.initializeState(snapshot);
            after.open();
            after.processWatermark(Long.MAX_VALUE);
            assertThat(after.extractOutputValues()).containsExactly("10:a", "10:b", "20:c");
            assertNothingLeft(after);
        }
    }

    @Test
    void theStateKeepsTheShapeEveryOperatorCheckpointedBeforeTheBufferExisted() {
        // Savepoints of earlier builds hold this state as timestamp (Types.LONG) -> Types.LIST of the input type.
        MapStateDescriptor<Long, List<String>> state = EventTimeBuffer.state("pending", String.class);
        MapStateDescriptor<Long, List<String>> earlier =
                new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(TypeInformation.of(String.class)));
        state.initializeSerializerUnlessSet(new ExecutionConfig());
        earlier.initializeSerializerUnlessSet(new ExecutionConfig());

        assertThat(state.getName()).isEqualTo("pending");
        assertThat(state.getKeySerializer()).isEqualTo(earlier.getKeySerializer());
        assertThat(state.getValueSerializer()).isEqualTo(earlier.getValueSerializer());
    }
}
