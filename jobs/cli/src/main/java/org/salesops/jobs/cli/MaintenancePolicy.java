package org.salesops.jobs.cli;

import java.time.Duration;

/**
 * What table maintenance keeps and how large a compacted file may grow.
 *
 * @param targetFileSizeBytes compaction packs a partition's small files into files of about this size
 * @param snapshotAge         snapshots younger than this are kept (time travel and running queries need them)
 * @param keepLast            the latest snapshots kept whatever their age (at least 2: the one a running query
 *                            may have started on stays readable after a compaction replaced it)
 * @param orphanAge           a file no snapshot or metadata file references is deleted only when older than
 *                            this, so files a writer has written but not yet committed are never touched
 */
record MaintenancePolicy(long targetFileSizeBytes, Duration snapshotAge, int keepLast, Duration orphanAge) {

    /** Below this an orphan may be an uncommitted file of a checkpoint still in flight (or awaiting a restore). */
    static final Duration MINIMUM_ORPHAN_AGE = Duration.ofHours(1);

    MaintenancePolicy {
        if (targetFileSizeBytes <= 0) {
            throw new IllegalArgumentException("the target file size must be positive");
        }
        if (snapshotAge.isNegative()) {
            throw new IllegalArgumentException("the snapshot age must not be negative");
        }
        if (keepLast < 2) {
            throw new IllegalArgumentException("at least the last 2 snapshots must be kept (got " + keepLast
                    + "): a query that started before a compaction reads the snapshot before it");
        }
        if (orphanAge.compareTo(MINIMUM_ORPHAN_AGE) < 0) {
            throw new IllegalArgumentException("orphan files must be older than " + MINIMUM_ORPHAN_AGE
                    + " to be removed (got " + orphanAge + "): younger ones may belong to a commit in flight");
        }
    }
}
