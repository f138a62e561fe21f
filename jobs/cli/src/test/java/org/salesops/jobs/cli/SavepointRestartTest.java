package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.kafka.common.TopicPartition;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.IngestJob;

/**
 * Restarts from a savepoint carry the state over: the small company's replay is stopped at a savepoint midway
 * and restarted from it at another parallelism, with a new rule added, and as an upgraded job whose operators
 * are chained differently; each run's tables and result topics must equal the clean run's. Unclaimed state is
 * an error (IngestMain never ignores it), so a stateful operator whose uid changed fails the restart instead of
 * silently starting empty.
 *
 * <p>Flink declines stop-with-savepoint once any source subtask has read its last record ("task is closing"),
 * which in a bounded replay happens early and at a moment that depends on the machine. So the run before the
 * savepoint has no periodic checkpoints: it takes a seeded number (1 to 3) of savepoints one after the other,
 * each committing like a checkpoint, and is cancelled after the last; nothing commits between that savepoint
 * and the cancellation, which is what stop-with-savepoint guarantees.
 *
 * <p>Four replays of the company take minutes: it runs with the multi-process tests, {@code mvn -B verify -Pcluster}.
 */
@Tag("cluster")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SavepointRestartTest {

    static final long SEED = ReplayedCompany.SEED;

    static ReplayedCompany company;

    @BeforeAll
    static void replayTheCompanyOnceWithoutFailures() throws Exception {
        company = ReplayedCompany.get();
    }

    @Test
    void restartedAtAnotherParallelism(@TempDir Path dir) throws Exception {
        stopWithSavepointAndRestart(dir, "parallelism", 2, 1, env -> { });
    }

    @Test
    void restartedWithANewRuleAdded(@TempDir Path dir) throws Exception {
        stopWithSavepointAndRestart(dir, "new-rule", 2, 2, SavepointRestartTest::addCallsPerTopicRule);
    }

    @Test
    void restartedAfterAnUpgradeThatChainsTheOperatorsDifferently(@TempDir Path dir) throws Exception {
        // Another job graph (every operator a task of its own) over the same operator uids.
        stopWithSavepointAndRestart(dir, "upgrade", 2, 2, StreamExecutionEnvironment::disableOperatorChaining);
    }

    private void stopWithSavepointAndRestart(Path dir, String name, int parallelism, int restartParallelism,
                                             Consumer<StreamExecutionEnvironment> change) throws Exception {
        CatalogSettings catalog = company.catalog("savepoint-" + name);
        CheckpointFolder checkpoints = new CheckpointFolder(dir.resolve("checkpoints"));
        Map<String, Map<TopicPartition, Long>> topicsFrom = LakehouseContents.topicEnds(company.broker.bootstrapServers());
        IngestRun.Options options = company.interruptedRun(catalog, checkpoints.dir(), parallelism);
        long started = System.nanoTime();

        JobClient job = IngestRun.prepare(company.savepointedRun(catalog, checkpoints.dir(), parallelism), true)
                .executeAsync("salesops ingest (before the savepoint)");
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        String savepoint;
        try {
            savepoint = savepointThenCancel(job, result, dir.resolve("savepoints"), new Random(SEED + name.hashCode()));
        } finally {
            if (!result.isDone()) {
                job.cancel().get();
            }
        }
        System.out.printf("savepoint (%s): %s%n", name, savepoint);

        StreamExecutionEnvironment restarted = IngestRun.prepare(options.withParallelism(restartParallelism)
                .recovering(checkpoints.dir().toString(), savepoint), true);
        change.accept(restarted);
        restarted.execute("salesops ingest (from the savepoint)");

        System.out.printf("savepoint (%s): %d s, seed %d%n", name,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), SEED);
        LakehouseContents afterRestart = company.contents(catalog, topicsFrom);
        assertThat(afterRestart.differencesFrom(company.clean)).as("seed " + SEED).isEqualTo("none");
        assertThat(afterRestart).isEqualTo(company.clean);
    }

    /**
     * Takes a seeded number (1 to 3) of savepoints and cancels the job after the last, which it returns. A
     * savepoint the job declines (a task not running yet) is asked for again.
     */
    private static String savepointThenCancel(JobClient job, CompletableFuture<JobExecutionResult> result,
                                              Path savepoints, Random random) throws Exception {
        int wanted = 1 + random.nextInt(3);
        String savepoint = null;
        for (int taken = 0, declined = 0; taken < wanted; ) {
            assertThat(result.isDone()).as("the job finished before savepoint %d", taken + 1).isFalse();
            try {
                savepoint = job.triggerSavepoint(savepoints.toUri().toString(), SavepointFormatType.CANONICAL).get();
                taken++;
            } catch (ExecutionException notAllTasksRunningYet) {
                // Asked again until every task runs; the job ending first fails the assertion above.
                declined++;
                Thread.sleep(200);
            }
        }
        job.cancel().get();
        try {
            result.get();
        } catch (ExecutionException cancelled) {
            // The cancellation asked for.
        }
        System.out.printf("savepoint: job cancelled after %d savepoints%n", wanted);
        return savepoint;
    }

    /**
     * A rule the savepoint knows nothing of, with state of its own: calls counted per topic partition key.
     * Its operators have new uids, so they start empty while every old operator takes its state back.
     */
    private static void addCallsPerTopicRule(StreamExecutionEnvironment env) {
        KafkaSource<String> calls = KafkaSource.<String>builder()
                .setBootstrapServers(company.broker.bootstrapServers())
                .setTopics(IngestJob.CALL_TOPIC)
                .setGroupId("new-rule")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        env.fromSource(calls, WatermarkStrategy.noWatermarks(), "new rule: calls").uid("new-rule-calls")
                .keyBy(value -> value.length() % 16, Types.INT)
                .process(new CountPerKey()).uid("new-rule-count").name("new rule: count")
                .sinkTo(new DiscardingSink<>()).uid("new-rule-sink").name("new rule: out");
    }

    /** Counts what it has seen per key, in keyed state. */
    static final class CountPerKey extends KeyedProcessFunction<Integer, String, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(String value, Context context, Collector<Long> out) throws Exception {
            long seen = count.value() == null ? 1 : count.value() + 1;
            count.update(seen);
            out.collect(seen);
        }
    }
}
