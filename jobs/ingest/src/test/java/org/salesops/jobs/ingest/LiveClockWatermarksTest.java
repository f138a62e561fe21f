package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.KafkaRecord;

class LiveClockWatermarksTest {

    final AtomicLong now = new AtomicLong(1_000_000L);
    final List<Long> emitted = new ArrayList<>();
    final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    };
    final LiveClockWatermarks watermarks =
            new LiveClockWatermarks(Duration.ofSeconds(2), Duration.ofSeconds(10), now::get);

    void record(long eventTime) {
        watermarks.onEvent(new KafkaRecord("t", 0, 0, eventTime, null, null), eventTime, output);
    }

    @Test
    void whileRecordsFlowTheWatermarkTrailsTheNewestEvent() {
        record(990_000L);
        record(995_000L);
        record(993_000L);
        watermarks.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(995_000L - 2_000 - 1);
    }

    @Test
    void aQuietPartitionFollowsTheWallClockSoDeadlinesStillPass() {
        record(995_000L);
        now.addAndGet(9_000);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(992_999L);

        // ten seconds without a record: the wall clock drives time on
        now.addAndGet(1_000);
        watermarks.onPeriodicEmit(output);
        now.addAndGet(30_000);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(992_999L, 1_010_000L - 2_001, 1_040_000L - 2_001);
    }

    @Test
    void thePartitionNeverSeenAnythingAlsoFollowsTheClockAndTheWatermarkNeverGoesBack() {
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();
        now.addAndGet(10_000);
        watermarks.onPeriodicEmit(output);
        // a record from the past arrives: it is late, but time does not run backwards
        record(900_000L);
        watermarks.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(1_010_000L - 2_001);
    }
}
