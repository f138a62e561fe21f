package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.KafkaRecord;

/**
 * The enumerator's backlog report: a bounded source that ends after a checkpoint is "processing a backlog" from its
 * start until every reader has read its last record. No broker is contacted: partition discovery, which the
 * connector's enumerator asks of the coordinator, is never run here.
 */
class FinishingKafkaSourceTest {

    private final TwoReaders coordinator = new TwoReaders();

    @Test
    void reportsABacklogUntilEveryReaderHasReadItsLastRecord() throws Exception {
        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                     source(true).createEnumerator(coordinator)) {
            enumerator.start();
            assertThat(coordinator.backlogReports).containsExactly(true);

            enumerator.handleSourceEvent(1, CheckpointedEndReader.LastRecordRead.INSTANCE);
            enumerator.handleSourceEvent(1, CheckpointedEndReader.LastRecordRead.INSTANCE);
            assertThat(coordinator.backlogReports).as("reader 0 still reads").containsExactly(true);

            enumerator.handleSourceEvent(0, CheckpointedEndReader.LastRecordRead.INSTANCE);
            assertThat(coordinator.backlogReports).containsExactly(true, false);
        }
    }

    @Test
    void aSourceThatEndsWithoutACheckpointReportsNoBacklog() throws Exception {
        try (SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
                     source(false).createEnumerator(coordinator)) {
            enumerator.start();
            assertThat(coordinator.backlogReports).isEmpty();
        }
    }

    private static FinishingKafkaSource<KafkaRecord> source(boolean endsAfterCheckpoint) {
        KafkaSource<KafkaRecord> kafka = KafkaSource.<KafkaRecord>builder()
                .setBootstrapServers("127.0.0.1:9")
                .setTopics("crm.public.leads")
                .setDeserializer(new KafkaRecordDeserializer())
                .setBounded(OffsetsInitializer.latest())
                .build();
        return new FinishingKafkaSource<>(kafka, endsAfterCheckpoint);
    }

    /** A coordinator of two readers that keeps the backlog reports and never runs asynchronous work. */
    private static final class TwoReaders implements SplitEnumeratorContext<KafkaPartitionSplit> {
        final List<Boolean> backlogReports = new ArrayList<>();

        @Override
        public void setIsProcessingBacklog(boolean isProcessingBacklog) {
            backlogReports.add(isProcessingBacklog);
        }

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return UnregisteredMetricsGroup.createSplitEnumeratorMetricGroup();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return Map.of();
        }

        @Override
        public void assignSplits(SplitsAssignment<KafkaPartitionSplit> newSplitAssignments) {
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
        }
    }
}
