package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.salesops.jobs.ingest.IngestMain;
import org.salesops.jobs.ingest.config.IngestConfig;

/**
 * Runs the ingest job from Kafka into the shared Iceberg catalog through the job's own entry point
 * ({@link IngestMain}, the job jar's main class): on a local MiniCluster when started from the CLI,
 * on the environment Flink gives otherwise.
 */
public final class IngestRun {

    /**
     * @param parallelism   task parallelism (the embedded default uses 2, one per core)
     * @param checkpointing interval of checkpoints, i.e. of Iceberg commits
     * @param bounded       read what is in Kafka at start, then finish (a replay, in event time only)
     * @param liveLag       live runs only: the out-of-orderness, and the quiet time after which an
     *                      input's watermark follows the wall clock; a deadline becomes an alert about
     *                      this much after it passes, plus a checkpoint interval for the commit
     * @param checkpointDir directory the checkpoints go to (empty: IngestMain's default for embedded runs)
     * @param restoreFrom   savepoint or retained checkpoint to start from (empty: a fresh start)
     */
    public record Options(String bootstrapServers, String catalogName, Map<String, String> catalogProperties,
                          int parallelism, Duration checkpointing, boolean bounded, Duration liveLag,
                          String checkpointDir, String restoreFrom) {

        public Options(String bootstrapServers, String catalogName, Map<String, String> catalogProperties,
                       int parallelism, Duration checkpointing, boolean bounded, Duration liveLag) {
            this(bootstrapServers, catalogName, catalogProperties, parallelism, checkpointing, bounded, liveLag, "", "");
        }

        public Options(String bootstrapServers, String catalogName, Map<String, String> catalogProperties,
                       int parallelism, Duration checkpointing, boolean bounded) {
            this(bootstrapServers, catalogName, catalogProperties, parallelism, checkpointing, bounded,
                    Duration.ofSeconds(5));
        }

        /** The same run checkpointing into {@code dir}, started from {@code savepointOrCheckpoint} (empty: fresh). */
        public Options recovering(String dir, String savepointOrCheckpoint) {
            return new Options(bootstrapServers, catalogName, catalogProperties, parallelism, checkpointing, bounded,
                    liveLag, dir, savepointOrCheckpoint);
        }

        /** The same run at another parallelism. */
        public Options withParallelism(int otherParallelism) {
            return new Options(bootstrapServers, catalogName, catalogProperties, otherParallelism, checkpointing,
                    bounded, liveLag, checkpointDir, restoreFrom);
        }

        IngestConfig config() {
            return IngestConfig.embedded(bootstrapServers, catalogName, catalogProperties, parallelism, checkpointing,
                    bounded, liveLag).recovering(checkpointDir, restoreFrom);
        }
    }

    private IngestRun() {
    }

    public static Duration run(Options options, boolean localCluster) throws Exception {
        return run(options.config(), localCluster);
    }

    public static Duration run(IngestConfig config, boolean localCluster) throws Exception {
        StreamExecutionEnvironment env = IngestMain.prepare(config, localCluster);
        long started = System.nanoTime();
        env.execute(config.jobName());
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Creates the tables and builds the job on an environment, ready to execute (or executeAsync). */
    public static StreamExecutionEnvironment prepare(Options options, boolean localCluster) throws Exception {
        return prepare(options.config(), localCluster);
    }

    public static StreamExecutionEnvironment prepare(IngestConfig config, boolean localCluster) throws Exception {
        return IngestMain.prepare(config, localCluster);
    }
}
