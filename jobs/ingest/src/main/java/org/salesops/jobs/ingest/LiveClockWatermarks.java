package org.salesops.jobs.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.salesops.pipelines.common.KafkaRecord;

/**
 * Watermarks for a live run, one generator per Kafka partition: while records flow, the watermark
 * trails the newest event time by the out-of-orderness; once the partition has been quiet for the
 * idleness, it follows the wall clock instead (minus the same margin). An idle stream thus no
 * longer holds alerts back: a deadline with nothing happening after it still passes, about one
 * out-of-orderness late. Only for live inputs, whose event times are close to now; a replay of old
 * data must use plain bounded out-of-orderness, or every record would be late.
 */
public final class LiveClockWatermarks implements WatermarkGenerator<KafkaRecord> {

    /** The wall clock in epoch millis; injectable so tests can move time. */
    public interface Clock extends LongSupplier, Serializable {
    }

    private final long outOfOrdernessMillis;
    private final long idlenessMillis;
    private final Clock clock;
    private long newestEvent = Long.MIN_VALUE;
    private long lastRecordSeenAt;
    private long emitted = Long.MIN_VALUE;

    public LiveClockWatermarks(Duration outOfOrderness, Duration idleness, Clock clock) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.idlenessMillis = idleness.toMillis();
        this.clock = clock;
        this.lastRecordSeenAt = clock.getAsLong();
    }

    @Override
    public void onEvent(KafkaRecord record, long eventTimestamp, WatermarkOutput output) {
        newestEvent = Math.max(newestEvent, eventTimestamp);
        lastRecordSeenAt = clock.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.getAsLong();
        long candidate = newestEvent == Long.MIN_VALUE ? Long.MIN_VALUE : newestEvent - outOfOrdernessMillis - 1;
        if (now - lastRecordSeenAt >= idlenessMillis) {
            candidate = Math.max(candidate, now - outOfOrdernessMillis - 1);
        }
        if (candidate > emitted) {
            emitted = candidate;
            output.emitWatermark(new Watermark(candidate));
        }
    }
}
