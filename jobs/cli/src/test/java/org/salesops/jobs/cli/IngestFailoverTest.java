package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.CatalogSettings;

/**
 * Exactly once under failure. The small company is replayed into a catalog of its own while the JVM running
 * Flink is killed with SIGKILL ten times and each time a new one ({@code lakehouse ingest}) is started from the
 * last checkpoint on disk; every Iceberg table and every committed record on the result topics must equal the
 * clean run's (ReplayedCompany): not one row lost, not one duplicated.
 *
 * <p>Interruptions land at real progress points, never at a time: after a seeded number (1 to 3) of newly
 * completed checkpoints. The seed is printed; rerun a failure with {@code -Dfailover.seed=<seed>}. Eleven JVM
 * starts make it take eight to nine minutes, so it runs with the multi-process tests: {@code mvn -B verify -Pcluster}.
 */
@Tag("cluster")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class IngestFailoverTest {

    static final int INTERRUPTIONS = 10;
    static final long SEED = Long.getLong("failover.seed", new SecureRandom().nextLong());

    static ReplayedCompany company;

    @BeforeAll
    static void replayTheCompanyOnceWithoutFailures() throws Exception {
        System.out.println("IngestFailoverTest seed " + SEED + " (rerun with -Dfailover.seed=" + SEED + ")");
        company = ReplayedCompany.get();
    }

    @Test
    void theJvmRunningFlinkKilledTenTimesAndAnotherStartedFromTheLastCheckpointOnDisk(@TempDir Path dir) throws Exception {
        Random random = new Random(SEED + 2);
        CatalogSettings catalog = company.newCatalog("killed-jvms");
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("checkpoints"));
        Map<String, Map<TopicPartition, Long>> topicsFrom = LakehouseContents.topicEnds(company.broker.bootstrapServers());
        long started = System.nanoTime();

        int interruptions = 0;
        String restoreFrom = "";
        while (true) {
            Process flink = startIngestJvm(catalog, checkpoints, restoreFrom, dir.resolve("jvm-" + interruptions + ".log"));
            // Not left running if this JVM ends first.
            Thread killOnExit = new Thread(flink::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(killOnExit);
            long target = checkpoints.latestNumber() + 1 + random.nextInt(3);
            try {
                if (interruptions == INTERRUPTIONS || !checkpoints.await(target, flink::isAlive)) {
                    assertThat(flink.waitFor()).as("exit code of the last ingest JVM, log in " + dir).isZero();
                    break;
                }
            } finally {
                // SIGKILL: no shutdown hook, no cancellation, no cleanup of the checkpoint directory.
                flink.destroyForcibly().waitFor();
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            }
            interruptions++;
            restoreFrom = checkpoints.latest().orElseThrow().toString();
            System.out.printf("failover: ingest JVM killed after checkpoint %d, restarting from %s%n", target, restoreFrom);
        }

        report("kill -9 of the JVM running Flink", interruptions, started);
        assertEqualToTheCleanRun(catalog, topicsFrom);
        assertThat(interruptions).as("the job finished before its JVM was killed %d times", INTERRUPTIONS)
                .isEqualTo(INTERRUPTIONS);
    }

    /** `lakehouse ingest` in a JVM of its own, with this JVM's classpath and Flink's JVM flags. */
    private static Process startIngestJvm(CatalogSettings catalog, CheckpointFolder checkpoints, String restoreFrom,
                                          Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-opens") || arg.startsWith("--add-exports")).forEach(command::add);
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Lakehouse.class.getName(),
                "ingest", "--local", "--bounded", "--parallelism", "2",
                "--checkpoint-interval", ReplayedCompany.INTERRUPTED_CHECKPOINTS.toString(),
                "--bootstrap-servers", company.broker.bootstrapServers(),
                "--catalog-name", catalog.name(), "--catalog-uri", catalog.jdbcUrl(), "--warehouse", catalog.warehouseUri(),
                "--checkpoint-dir", checkpoints.dir().toString()));
        if (!restoreFrom.isEmpty()) {
            command.addAll(List.of("--restore-from", restoreFrom));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void report(String variant, int interruptions, long startedNanos) {
        System.out.printf("failover (%s): %d interruptions, %d s, seed %d%n", variant, interruptions,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos), SEED);
    }

    private static void assertEqualToTheCleanRun(CatalogSettings catalog, Map<String, Map<TopicPartition, Long>> topicsFrom)
            throws Exception {
        LakehouseContents interrupted = company.contents(catalog, topicsFrom);
        assertThat(company.clean.rowCount()).isGreaterThan(1_000);
        assertThat(company.clean.topics().get("alerts")).isNotEmpty();
        assertThat(interrupted.differencesFrom(company.clean)).as("seed " + SEED).isEqualTo("none");
        assertThat(interrupted).isEqualTo(company.clean);
    }
}
