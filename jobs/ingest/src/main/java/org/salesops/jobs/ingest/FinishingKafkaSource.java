package org.salesops.jobs.ingest;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;

/**
 * A bounded KafkaSource that also finishes when the job is restored from a checkpoint or savepoint.
 *
 * <p>flink-connector-kafka 5.0.0-2.1's restored enumerator finds every partition already assigned, returns
 * before it marks its discovery done, and never tells the readers that no more splits will come: they read to
 * their stopping offsets and then wait forever, so a replay restarted after a failure never ends (FLINK-31006,
 * FLINK-33466; the upstream fix is not released). This source is the KafkaSource with the same splits, state
 * and serializers, whose enumerator tells each registered reader once that no splits will follow, as soon as
 * the connector's enumerator has no asynchronous work (partition discovery, split initialisation) left.
 *
 * <p>In a job that checkpoints, each reader ends only after a checkpoint covering all it read has completed
 * (see CheckpointedEndReader): Iceberg's commit at the end of input must never precede the checkpoint a restart
 * would resume from. Such a source also reports that it is processing a backlog until every reader has read its
 * last record: a bounded job may then checkpoint seldom while it reads (execution.checkpointing.interval-during-
 * backlog) and often once all is read, so that the covering checkpoint follows the last record closely. A reader
 * that finished before a restore does not report again, and its source keeps the backlog interval: the end then
 * only comes later.
 */
final class FinishingKafkaSource<T> implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T> {

    private final KafkaSource<T> kafka;
    private final boolean endsAfterCheckpoint;

    /** @param endsAfterCheckpoint the job checkpoints: a reader ends once a checkpoint covers its last record */
    FinishingKafkaSource(KafkaSource<T> kafka, boolean endsAfterCheckpoint) {
        if (kafka.getBoundedness() != Boundedness.BOUNDED) {
            throw new IllegalArgumentException("only a bounded KafkaSource finishes");
        }
        this.kafka = kafka;
        this.endsAfterCheckpoint = endsAfterCheckpoint;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) {
        SignallingContext signalling = new SignallingContext(context);
        return new Enumerator(kafka.createEnumerator(signalling), signalling, endsAfterCheckpoint);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state) throws IOException {
        SignallingContext signalling = new SignallingContext(context);
        return new Enumerator(kafka.restoreEnumerator(signalling, state), signalling, endsAfterCheckpoint);
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return kafka.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return kafka.getEnumeratorCheckpointSerializer();
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context) throws Exception {
        SourceReader<T, KafkaPartitionSplit> reader = kafka.createReader(context);
        return endsAfterCheckpoint ? new CheckpointedEndReader<>(reader, context) : reader;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return kafka.getProducedType();
    }

    /**
     * The connector's enumerator; a reader registering once all is assigned is told at once that nothing follows.
     * Used on the coordinator thread only.
     */
    private static final class Enumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {

        private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka;
        private final SignallingContext context;
        private final boolean reportsBacklog;
        /** The subtasks whose readers have read their last record. */
        private final Set<Integer> readToTheEnd = new HashSet<>();

        Enumerator(SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> kafka, SignallingContext context,
                   boolean reportsBacklog) {
            this.kafka = kafka;
            this.context = context;
            this.reportsBacklog = reportsBacklog;
        }

        @Override
        public void start() {
            if (reportsBacklog) {
                context.setIsProcessingBacklog(true);
            }
            kafka.start();
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            kafka.handleSplitRequest(subtaskId, requesterHostname);
        }

        @Override
        public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
            kafka.addSplitsBack(splits, subtaskId);
        }

        @Override
        public void addReader(int subtaskId) {
            // A reader registering again (a restarted subtask) has not been told yet.
            context.forget(subtaskId);
            kafka.addReader(subtaskId);
            context.signalIfSettled(subtaskId);
        }

        @Override
        public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
            return kafka.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            kafka.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
            if (!(sourceEvent instanceof CheckpointedEndReader.LastRecordRead)) {
                kafka.handleSourceEvent(subtaskId, sourceEvent);
            } else if (readToTheEnd.add(subtaskId) && readToTheEnd.size() == context.currentParallelism()) {
                context.setIsProcessingBacklog(false);
            }
        }

        @Override
        public void close() throws IOException {
            kafka.close();
        }
    }

    /**
     * The coordinator's context as the connector's enumerator sees it: counts its asynchronous calls in flight
     * and remembers whom it told there are no more splits, so each reader is told exactly once (a second
     * NoMoreSplits to a reader that already finished fails the job). Used on the coordinator thread only.
     */
    private static final class SignallingContext implements SplitEnumeratorContext<KafkaPartitionSplit> {

        private final SplitEnumeratorContext<KafkaPartitionSplit> coordinator;
        private final Set<Integer> told = new HashSet<>();
        private int callsInFlight;
        private boolean settled;

        SignallingContext(SplitEnumeratorContext<KafkaPartitionSplit> coordinator) {
            this.coordinator = coordinator;
        }

        void forget(int subtaskId) {
            told.remove(subtaskId);
        }

        void signalIfSettled(int subtaskId) {
            if (settled) {
                signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler) {
            callsInFlight++;
            coordinator.callAsync(callable, (result, failure) -> {
                try {
                    handler.accept(result, failure);
                } finally {
                    callsInFlight--;
                    if (callsInFlight == 0 && failure == null) {
                        // Discovery done and every split it found assigned: a bounded source gets no more.
                        settled = true;
                        coordinator.registeredReaders().keySet().forEach(this::signalNoMoreSplits);
                    }
                }
            });
        }

        @Override
        public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler, long initialDelay, long period) {
            coordinator.callAsync(callable, handler, initialDelay, period);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            if (told.add(subtask)) {
                coordinator.signalNoMoreSplits(subtask);
            }
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return coordinator.metricGroup();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            coordinator.sendEventToSourceReader(subtaskId, event);
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, int attemptNumber, SourceEvent event) {
            coordinator.sendEventToSourceReader(subtaskId, attemptNumber, event);
        }

        @Override
        public int currentParallelism() {
            return coordinator.currentParallelism();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return coordinator.registeredReaders();
        }

        @Override
        public Map<Integer, Map<Integer, ReaderInfo>> registeredReadersOfAttempts() {
            return coordinator.registeredReadersOfAttempts();
        }

        @Override
        public void assignSplits(SplitsAssignment<KafkaPartitionSplit> newSplitAssignments) {
            coordinator.assignSplits(newSplitAssignments);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            coordinator.runInCoordinatorThread(runnable);
        }

        @Override
        public void setIsProcessingBacklog(boolean isProcessingBacklog) {
            coordinator.setIsProcessingBacklog(isProcessingBacklog);
        }
    }
}
