package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flink's own bounded number-sequence reader, held until a checkpoint covers its last record. */
class CheckpointedEndReaderTest {

    private final Emitted emitted = new Emitted();
    private final OneSubtask context = new OneSubtask();
    private CheckpointedEndReader<Long, NumberSequenceSplit> reader;

    @BeforeEach
    void readOneToThree() throws Exception {
        reader = new CheckpointedEndReader<>(new NumberSequenceSource(1, 3).createReader(context), context);
        reader.start();
        reader.addSplits(List.of(new NumberSequenceSplit("only", 1, 3)));
        reader.notifyNoMoreSplits();
        assertThat(reader.snapshotState(6)).as("checkpoint 6, taken before the last record").hasSize(1);
        assertThat(reader.pollNext(emitted)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(context.toCoordinator).as("told before its last record").isEmpty();
        while (reader.pollNext(emitted) == InputStatus.MORE_AVAILABLE) {
            // Reads the rest of the sequence.
        }
    }

    @Test
    void emitsTheFinalWatermarkAfterTheLastRecordButHoldsTheEndBack() throws Exception {
        assertThat(emitted.events).containsExactly("1", "2", "3", "watermark MAX");
        assertThat(reader.pollNext(emitted)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.isAvailable()).isNotDone();
    }

    @Test
    void tellsItsEnumeratorOnceThatItReadItsLastRecord() throws Exception {
        reader.pollNext(emitted);
        reader.snapshotState(7);
        reader.notifyCheckpointComplete(7);
        reader.pollNext(emitted);
        assertThat(context.toCoordinator).containsExactly(CheckpointedEndReader.LastRecordRead.INSTANCE);
    }

    @Test
    void endsOnceACheckpointTakenAfterTheLastRecordCompletes() throws Exception {
        reader.notifyCheckpointComplete(6);
        assertThat(reader.isAvailable()).as("checkpoint 6 does not cover the last record").isNotDone();
        assertThat(reader.pollNext(emitted)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

        assertThat(reader.snapshotState(7)).as("no split is left to restore").isEmpty();
        reader.notifyCheckpointAborted(7);
        reader.snapshotState(8);
        assertThat(reader.isAvailable()).isNotDone();

        reader.notifyCheckpointComplete(8);
        assertThat(reader.isAvailable()).isDone();
        assertThat(reader.pollNext(emitted)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(emitted.events).containsExactly("1", "2", "3", "watermark MAX");
    }

    @Test
    void aLaterCompletedCheckpointEndsItWhenTheCoveringOnesNotificationNeverCame() throws Exception {
        reader.snapshotState(7);
        reader.snapshotState(8);
        reader.notifyCheckpointComplete(8);
        assertThat(reader.pollNext(emitted)).isEqualTo(InputStatus.END_OF_INPUT);
    }

    /** What the reader emitted, in order: records and watermarks. */
    private static final class Emitted implements ReaderOutput<Long> {
        final List<String> events = new ArrayList<>();

        @Override
        public void collect(Long record) {
            events.add(String.valueOf(record));
        }

        @Override
        public void collect(Long record, long timestamp) {
            collect(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            events.add(watermark.getTimestamp() == Long.MAX_VALUE ? "watermark MAX" : "watermark " + watermark);
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }

        @Override
        public SourceOutput<Long> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
        }
    }

    /** The context of a reader that is subtask 0 of 1; keeps the events the reader sends its enumerator. */
    private static final class OneSubtask implements SourceReaderContext {
        final List<SourceEvent> toCoordinator = new ArrayList<>();

        @Override
        public SourceReaderMetricGroup metricGroup() {
            return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
        }

        @Override
        public Configuration getConfiguration() {
            return new Configuration();
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public void sendSplitRequest() {
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            toCoordinator.add(sourceEvent);
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }
}
