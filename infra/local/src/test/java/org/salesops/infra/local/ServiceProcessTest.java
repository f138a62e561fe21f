package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new start does with the pid file a killed JVM left behind. */
class ServiceProcessTest {

    @TempDir
    Path dataDir;

    final List<String> progress = new ArrayList<>();
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void endTestProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aServiceLeftRunningOnThisDirectoryIsEnded() throws Exception {
        // given: a process whose command line names the data directory, as a broker's does
        Path log = Files.writeString(dataDir.resolve("broker.log"), "");
        Process leftover = startAndRecordPid("tail", "-f", log.toString());

        ServiceProcess.endLeftover("Kafka broker", dataDir, "kafka.pid", Duration.ofSeconds(10), progress::add);

        assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(progress).containsExactly(
                "Stopping a Kafka broker left running by an earlier run (pid " + leftover.pid() + ")");
        assertThat(dataDir.resolve("kafka.pid")).doesNotExist();
    }

    @Test
    void aReusedPidOfAnotherProgramIsLeftAlone() throws Exception {
        Process unrelated = startAndRecordPid("tail", "-f", "/dev/null");

        ServiceProcess.endLeftover("Kafka broker", dataDir, "kafka.pid", Duration.ofSeconds(10), progress::add);

        assertThat(unrelated.isAlive()).isTrue();
        assertThat(progress).isEmpty();
        assertThat(dataDir.resolve("kafka.pid")).doesNotExist();
    }

    private Process startAndRecordPid(String... command) throws IOException {
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        Files.writeString(dataDir.resolve("kafka.pid"), Long.toString(process.pid()));
        return process;
    }
}
