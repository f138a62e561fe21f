package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.CatalogSettings;

/**
 * Exactly once under failure. The small company is replayed into a catalog of its own while the run is
 * interrupted — the job cancelled and restarted from its latest retained checkpoint; the Kafka broker killed and
 * started again; the JVM running Flink killed with SIGKILL and a new one started from the last checkpoint on
 * disk — and every Iceberg table and every committed record on the result topics must equal the clean run's
 * (ReplayedCompany): not one row lost, not one duplicated. Each kind of interruption comes ten times; a replay
 * that ends before its tenth is checked and followed by another until ten have been made, so the count does
 * not depend on how fast the machine replays.
 *
 * <p>The seed is printed; rerun a failure with {@code -Dfailover.seed=<seed>}. It takes over ten minutes, so it
 * runs with the multi-process tests: {@code mvn -B verify -Pcluster}.
 */
@Tag("cluster")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class IngestFailoverTest {

    static final int INTERRUPTIONS = 10;
    static final long SEED = ReplayedCompany.SEED;

    static ReplayedCompany company;

    @BeforeAll
    static void replayTheCompanyOnceWithoutFailures() throws Exception {
        company = ReplayedCompany.get();
    }

    @Test
    void cancelledTenTimesAndRestartedFromTheLatestRetainedCheckpoint(@TempDir Path dir) throws Exception {
        interruptTenTimes("cancel and restart", dir, 0, (catalog, checkpoints, random, wanted) -> {
            int interruptions = 0;
            String restoreFrom = "";
            while (true) {
                JobClient job = IngestRun.prepare(company.interruptedRun(catalog, checkpoints.dir(), 2)
                        .recovering(checkpoints.dir().toString(), restoreFrom), true).executeAsync("salesops ingest (failover)");
                CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
                // One or two checkpoints: a restored run in this JVM starts in seconds and reads the rest of the
                // company within a few checkpoints.
                long target = checkpoints.latestNumber() + 1 + random.nextInt(2);
                try {
                    if (interruptions == wanted || !checkpoints.await(target, () -> !result.isDone())) {
                        result.get();
                        return interruptions;
                    }
                } finally {
                    if (!result.isDone()) {
                        job.cancel().get();
                    }
                }
                if (finishedByItself(result)) {
                    // It ended between the checkpoint and the cancellation: nothing to restart.
                    return interruptions;
                }
                interruptions++;
                restoreFrom = checkpoints.retainedAfterCancellation(Duration.ofSeconds(5)).toString();
                System.out.printf("failover: cancelled after checkpoint %d, restarting from %s%n", target, restoreFrom);
            }
        });
    }

    @Test
    void theKafkaBrokerKilledAndStartedTenTimesMidRun(@TempDir Path dir) throws Exception {
        interruptTenTimes("Kafka broker killed", dir, 1, (catalog, checkpoints, random, wanted) -> {
            JobClient job = IngestRun.prepare(company.interruptedRun(catalog, checkpoints.dir(), 2), true)
                    .executeAsync("salesops ingest (broker restarts)");
            CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
            int interruptions = 0;
            try {
                // The first kill once the job has completed a checkpoint, so that it is under way.
                checkpoints.await(1, () -> !result.isDone());
                while (interruptions < wanted && !result.isDone()) {
                    company.broker.kill();
                    company.broker.start(line -> { });
                    interruptions++;
                    // The job goes on through each restart; a seeded 0.5-2 s later the next kill lands elsewhere.
                    long upMillis = 500 + random.nextInt(1500);
                    System.out.printf("failover: Kafka broker killed and restarted, up %d ms until the next kill%n",
                            upMillis);
                    Thread.sleep(upMillis);
                }
                result.get();
            } finally {
                if (!result.isDone()) {
                    job.cancel().get();
                }
            }
            return interruptions;
        });
    }

    @Test
    void theJvmRunningFlinkKilledTenTimesAndAnotherStartedFromTheLastCheckpointOnDisk(@TempDir Path dir) throws Exception {
        interruptTenTimes("kill -9 of the JVM running Flink", dir, 2, (catalog, checkpoints, random, wanted) -> {
            int interruptions = 0;
            String restoreFrom = "";
            while (true) {
                Process flink = startIngestJvm(catalog, checkpoints, restoreFrom,
                        checkpoints.dir().resolveSibling(checkpoints.dir().getFileName() + "-jvm-" + interruptions + ".log"));
                // Not left running if this JVM ends first.
                Thread killOnExit = new Thread(flink::destroyForcibly);
                Runtime.getRuntime().addShutdownHook(killOnExit);
                long target = checkpoints.latestNumber() + 1 + random.nextInt(3);
                try {
                    if (interruptions == wanted || !checkpoints.await(target, flink::isAlive)) {
                        assertThat(flink.waitFor()).as("exit code of the last ingest JVM, logs beside "
                                + checkpoints.dir()).isZero();
                        return interruptions;
                    }
                } finally {
                    // SIGKILL: no shutdown hook, no cancellation, no cleanup of the checkpoint directory.
                    flink.destroyForcibly().waitFor();
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                }
                if (flink.exitValue() == 0) {
                    // It ended between the checkpoint and the kill: nothing to restart.
                    return interruptions;
                }
                interruptions++;
                restoreFrom = checkpoints.latest().orElseThrow().toString();
                System.out.printf("failover: ingest JVM killed after checkpoint %d, restarting from %s%n", target,
                        restoreFrom);
            }
        });
    }

    /** One replay into {@code catalog}, interrupted at most {@code wanted} times; returns how often it was. */
    interface InterruptedReplay {
        int run(CatalogSettings catalog, CheckpointFolder checkpoints, Random random, int wanted) throws Exception;
    }

    /**
     * Replays until {@code replay} has interrupted runs ten times in all, each replay into a catalog of its own and
     * checked against the clean run as soon as it ends. A replay that was never interrupted fails the test: it
     * would never come to an end.
     */
    private static void interruptTenTimes(String variant, Path dir, long seedOffset, InterruptedReplay replay)
            throws Exception {
        Random random = new Random(SEED + seedOffset);
        long started = System.nanoTime();
        int interruptions = 0;
        int replays = 0;
        while (interruptions < INTERRUPTIONS) {
            replays++;
            CatalogSettings catalog = company.catalog(variant.replaceAll("\\W+", "-") + "-" + replays);
            Map<String, Map<TopicPartition, Long>> topicsFrom = LakehouseContents.topicEnds(company.broker.bootstrapServers());
            int these = replay.run(catalog, new CheckpointFolder(dir.resolve("checkpoints-" + replays)), random,
                    INTERRUPTIONS - interruptions);
            System.out.printf("failover (%s): replay %d interrupted %d times%n", variant, replays, these);
            assertEqualToTheCleanRun(catalog, topicsFrom);
            assertThat(these).as("replay %d of %s ended before its first interruption", replays, variant).isPositive();
            interruptions += these;
        }
        System.out.printf("failover (%s): %d interruptions in %d replays, %d s, seed %d%n", variant, interruptions,
                replays, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), SEED);
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

    /**
     * Whether the job ended on its own rather than by the cancellation. Restarting a finished replay from a
     * checkpoint taken before its last commit would write that commit's rows again: no real restart does that.
     */
    private static boolean finishedByItself(CompletableFuture<JobExecutionResult> result) throws InterruptedException {
        try {
            result.get();
            return true;
        } catch (ExecutionException cancelled) {
            return false;
        }
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
