package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The checkpoints the ingest runs retain in one directory, as Flink lays them out: {@code <job id>/chk-<n>/_metadata}.
 * A checkpoint is complete once its {@code _metadata} exists (Flink writes it aside and renames it into place).
 * Checkpoint numbers continue across restores, so the highest number is the latest, whichever job wrote it.
 */
record CheckpointFolder(Path dir) {

    /** The latest complete checkpoint, as the path to restore from. */
    Optional<Path> latest() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(dir)) {
            return jobs.flatMap(CheckpointFolder::checkpointsOf)
                    .filter(chk -> Files.isRegularFile(chk.resolve("_metadata")))
                    .max(Comparator.comparingLong(CheckpointFolder::number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of the latest complete checkpoint, 0 before the first. */
    long latestNumber() {
        return latest().map(CheckpointFolder::number).orElse(0L);
    }

    /**
     * Waits until checkpoint {@code number} (or a later one) is complete — a point of real progress whatever the
     * machine's speed — and returns true; returns false as soon as the job is no longer running.
     */
    boolean await(long number, BooleanSupplier jobRunning) throws InterruptedException {
        while (latestNumber() < number) {
            if (!jobRunning.getAsBoolean()) {
                return latestNumber() >= number;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * The checkpoint to restart from after a cancellation: the latest complete one once the folder has stayed
     * unchanged for {@code quiet}. Flink cleans up after a cancelled job while the job already counts as ended: a
     * checkpoint that was being completed can still be on disk, metadata and all, and be discarded a moment later,
     * and restoring from it would replay commits that never happened.
     */
    Path retainedAfterCancellation(Duration quiet) throws InterruptedException {
        Instant deadline = Instant.now().plus(quiet.multipliedBy(20));
        List<Path> seen = all();
        Instant unchangedSince = Instant.now();
        while (Duration.between(unchangedSince, Instant.now()).compareTo(quiet) < 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the checkpoints in " + dir + " kept changing: " + seen);
            }
            Thread.sleep(100);
            List<Path> now = all();
            if (!now.equals(seen)) {
                seen = now;
                unchangedSince = Instant.now();
            }
        }
        return latest().orElseThrow();
    }

    /** Every checkpoint folder of every job, complete or not, sorted. */
    private List<Path> all() {
        try (Stream<Path> jobs = Files.list(dir)) {
            return jobs.flatMap(CheckpointFolder::checkpointsOf)
                    .map(chk -> Files.isRegularFile(chk.resolve("_metadata")) ? chk.resolve("_metadata") : chk)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long number(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    private static Stream<Path> checkpointsOf(Path jobDir) {
        // Listed while Flink adds and subsumes checkpoints: a folder gone meanwhile simply has none.
        try (Stream<Path> entries = Files.list(jobDir)) {
            return entries.filter(p -> p.getFileName().toString().matches("chk-\\d+")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
