package org.salesops.jobs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Peak resident memory (the kernel's high-water mark, VmHWM in /proc/PID/status) of the embedded
 * stack's processes: the Kafka broker and Trino server of a local stack, and this JVM, which runs
 * the Flink job on its MiniCluster. The own mark can be reset (clear_refs "5"), so the job's peak is
 * not that of the company generator run before it.
 */
final class PeakMemory {

    private PeakMemory() {
    }

    /** Resets this JVM's high-water mark to its current RSS; false where the kernel does not allow it. */
    static boolean resetOwnPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Peak RSS in MiB of the stack's Kafka broker and Trino server (by the pid files they keep there) and of this JVM. */
    static Map<String, Long> peaksMiB(Path stackDir) {
        Map<String, Long> peaks = new LinkedHashMap<>();
        pidIn(stackDir.resolve("kafka/kafka.pid")).flatMap(PeakMemory::highWaterMiB).ifPresent(m -> peaks.put("Kafka broker", m));
        pidIn(stackDir.resolve("trino/trino.pid")).flatMap(PeakMemory::highWaterMiB).ifPresent(m -> peaks.put("Trino server", m));
        highWaterMiB(ProcessHandle.current().pid()).ifPresent(m -> peaks.put("Flink job JVM (CLI, MiniCluster)", m));
        return peaks;
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> highWaterMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux: no figure rather than a wrong one
        }
        return Optional.empty();
    }
}
