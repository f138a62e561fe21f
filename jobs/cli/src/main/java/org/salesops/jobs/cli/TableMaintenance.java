package org.salesops.jobs.cli;

import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.actions.Actions;
import org.apache.iceberg.relocated.com.google.common.collect.Iterables;

/**
 * One maintenance pass over one table, in the order that keeps readers safe: compact (the small files stay
 * in the snapshot before, which is kept), expire old snapshots (deleting only files no kept snapshot
 * needs), then delete orphans (unreferenced and older than the policy allows).
 */
final class TableMaintenance {

    /** What one pass did to one table; {@code problem} is null when every step succeeded. */
    record Result(String table, long dataFilesBefore, long dataFilesAfter, long deleteFiles, int snapshotsBefore,
                  int snapshotsAfter, int filesRewritten, int filesWritten, int orphansRemoved, String problem) {
    }

    private final MaintenancePolicy policy;
    private final StreamExecutionEnvironment flink;

    TableMaintenance(MaintenancePolicy policy, StreamExecutionEnvironment flink) {
        this.policy = policy;
        this.flink = flink;
    }

    Result run(String name, Table table) {
        long dataBefore = count(table, "total-data-files");
        int snapshotsBefore = Iterables.size(table.snapshots());
        int rewritten = 0;
        int written = 0;
        int orphans = 0;
        String problem = null;
        try {
            if (table.currentSnapshot() != null) {
                var compaction = Actions.forTable(flink, table).rewriteDataFiles()
                        .targetSizeInBytes(policy.targetFileSizeBytes())
                        // new files take the sequence number the compaction started from, so an equality delete a
                        // writer commits meanwhile still applies to them: no conflict with the running ingest job
                        .useStartingSequenceNumber(true)
                        .execute();
                rewritten = compaction.deletedDataFiles().size();
                written = compaction.addedDataFiles().size();
                table.refresh();
            }
            long now = System.currentTimeMillis();
            table.expireSnapshots().expireOlderThan(now - policy.snapshotAge().toMillis())
                    .retainLast(policy.keepLast()).cleanExpiredFiles(true).commit();
            table.refresh();
            List<String> orphanFiles = OrphanFiles.find(table, now - policy.orphanAge().toMillis());
            orphanFiles.forEach(table.io()::deleteFile);
            orphans = orphanFiles.size();
        } catch (RuntimeException e) {
            // A conflict with a concurrent commit or an unreadable file: this table waits for the next pass.
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            table.refresh();
        }
        return new Result(name, dataBefore, count(table, "total-data-files"), count(table, "total-delete-files"),
                snapshotsBefore, Iterables.size(table.snapshots()), rewritten, written, orphans, problem);
    }

    private static long count(Table table, String summaryKey) {
        Snapshot current = table.currentSnapshot();
        return current == null ? 0 : Long.parseLong(current.summary().getOrDefault(summaryKey, "0"));
    }
}
