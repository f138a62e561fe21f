package org.salesops.jobs.ingest;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * A bounded source's reader that ends its input only once a checkpoint taken after its last record has completed.
 *
 * <p>Iceberg's FlinkSink commits a table the moment that table's input ends (IcebergFilesCommitter.endInput),
 * outside any checkpoint. In a bounded replay one input family ends long before the others; had the job crashed
 * between that commit and the next checkpoint, the restart would read the family again from the last checkpoint
 * and append its rows a second time. Held back like this, every record and every result of the final watermark is
 * already inside a completed checkpoint when the input ends: the commit at the end adds at most that checkpoint's
 * files (the sink's own notification of it may come after the source's), which a restore does not commit again, and
 * a restart from any checkpoint reads nothing twice.
 *
 * <p>The final watermark is emitted as soon as the last record is read, not at the end, so that the event-time
 * timers it fires write their results before that checkpoint's barrier too. The wrapped reader still takes part in
 * checkpoints while held (it has no splits left, and commits their final offsets).
 *
 * <p>Having read its last record, the reader tells its enumerator ({@link LastRecordRead}): once every reader of
 * every source has, the job is no longer processing a backlog, and checkpoints come at the regular interval
 * instead of the backlog's (see IngestMain), so the hold lasts about that short interval, not a replay's long one.
 */
final class CheckpointedEndReader<T, SplitT extends SourceSplit> implements SourceReader<T, SplitT> {

    private static final long NONE = Long.MIN_VALUE;

    private final SourceReader<T, SplitT> reader;
    private final SourceReaderContext context;
    private final CompletableFuture<Void> coveringCheckpointCompleted = new CompletableFuture<>();
    private boolean lastRecordRead;
    private long coveringCheckpoint = NONE;

    CheckpointedEndReader(SourceReader<T, SplitT> reader, SourceReaderContext context) {
        this.reader = reader;
        this.context = context;
    }

    @Override
    public void start() {
        reader.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (coveringCheckpointCompleted.isDone()) {
            return InputStatus.END_OF_INPUT;
        }
        if (lastRecordRead) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        InputStatus status = reader.pollNext(output);
        if (status != InputStatus.END_OF_INPUT) {
            return status;
        }
        lastRecordRead = true;
        output.emitWatermark(Watermark.MAX_WATERMARK);
        context.sendSourceEventToCoordinator(LastRecordRead.INSTANCE);
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return lastRecordRead ? coveringCheckpointCompleted : reader.isAvailable();
    }

    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        if (lastRecordRead && coveringCheckpoint == NONE) {
            coveringCheckpoint = checkpointId;
        }
        return reader.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        reader.notifyCheckpointComplete(checkpointId);
        // A completed later checkpoint subsumes the covering one, whose own notification may never come.
        if (coveringCheckpoint != NONE && checkpointId >= coveringCheckpoint) {
            coveringCheckpointCompleted.complete(null);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        reader.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void addSplits(List<SplitT> splits) {
        reader.addSplits(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
        reader.notifyNoMoreSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent sourceEvent) {
        reader.handleSourceEvents(sourceEvent);
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
        reader.pauseOrResumeSplits(splitsToPause, splitsToResume);
    }

    @Override
    public void close() throws Exception {
        reader.close();
    }

    /** A reader's word to its enumerator: it has read its last record and only waits for the covering checkpoint. */
    enum LastRecordRead implements SourceEvent {
        INSTANCE
    }
}
