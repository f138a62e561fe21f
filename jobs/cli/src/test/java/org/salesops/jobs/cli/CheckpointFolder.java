package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
