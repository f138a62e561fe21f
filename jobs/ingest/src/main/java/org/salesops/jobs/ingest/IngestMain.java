package org.salesops.jobs.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.salesops.jobs.ingest.config.IngestConfig;
import org.salesops.jobs.ingest.config.IngestConfigLoader;
import org.salesops.pipelines.tables.IcebergTables;
import org.salesops.pipelines.tables.TableDefinitions;

/**
 * The ingest job's entry point, the same for every way it runs: the job jar's main class on a Flink
 * cluster ({@code flink run}, the REST API, the Kubernetes operator) and {@code ./lakehouse ingest}
 * on an in-process MiniCluster. Creates the topics and tables that are missing, then builds the job on
 * the environment Flink gives. Restart strategy and HA are the cluster's own configuration (its
 * config.yaml), not the job's; so is the checkpoint directory, unless checkpoint-dir is given.
 */
public final class IngestMain {

    /** Where an embedded run keeps its checkpoints when no checkpoint-dir is given. */
    public static final String LOCAL_CHECKPOINT_DIR =
            Path.of(System.getProperty("java.io.tmpdir"), "salesops-checkpoints").toString();

    private IngestMain() {
    }

    /** Arguments, environment and configuration file as docs/CONFIGURATION.md describes. */
    public static void main(String[] args) throws Exception {
        IngestConfig config = IngestConfigLoader.load(args, System.getenv());
        prepare(config, false).execute(config.jobName());
    }

    /**
     * Creates what is missing and builds the job, ready to execute.
     *
     * @param localCluster an in-process MiniCluster; otherwise the environment Flink provides (the
     *                     cluster under {@code flink run}, a local one under plain {@code java})
     */
    public static StreamExecutionEnvironment prepare(IngestConfig config, boolean localCluster) throws Exception {
        CatalogLoader loader = IcebergCatalogs.loader(config.catalogName(), config.catalogProperties());
        Catalog catalog = loader.loadCatalog();
        IcebergTables.ensureExist(catalog, IngestJob.tables());
        // Configuration the views read (loaded through Trino by TrinoViews).
        IcebergTables.ensureExist(catalog, List.of(TableDefinitions.load("gold/scorecard_thresholds")));
        if (catalog instanceof AutoCloseable closeable) {
            closeable.close();
        }

        Configuration conf = new Configuration();
        if (config.bounded()) {
            // A replay commits seldom while it reads (each of its sources reports a backlog until all its readers have
            // read their last record, FinishingKafkaSource), then often: each reader ends only after a checkpoint that
            // covers its last record, and Flink takes a final one after that, so both follow the last record closely.
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL_DURING_BACKLOG, config.checkpointInterval());
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.endCheckpointInterval());
        } else {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        }
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(RestOptions.BIND_PORT, "0"); // a local MiniCluster must not fight over 8081
        if (localCluster) {
            // Embedded, every class comes from the application's class path, and Iceberg's shared worker threads
            // outlive the job with its (empty) user-code class loader as their context class loader: after the job,
            // a read from S3 on them (the AWS SDK's HTTP client looks up commons-logging through that loader) failed
            // Flink's check for a closed class loader.
            conf.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
        }
        recovery(config, localCluster, conf);
        StreamExecutionEnvironment env = localCluster
                ? StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), conf)
                : StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(config.parallelism());

        String bootstrap = config.bootstrapServers();
        String group = config.groupId();
        IngestJob.Sources sources = new IngestJob.Sources(
                new KafkaRecordSource(bootstrap, IngestJob.CRM_TOPICS, group, config.bounded()),
                new KafkaRecordSource(bootstrap, IngestJob.CALL_TOPIC.replace(".", "\\."), group, config.bounded()),
                new KafkaRecordSource(bootstrap, IngestJob.BANK_TOPICS, group, config.bounded()));
        KafkaTopics.ensure(bootstrap, KafkaTopics.all(), config.topicPartitions(), config.topicReplication());
        new IngestJob(sources, new IcebergTableSink(loader), new KafkaResultPublisher(bootstrap),
                config.settings()).build(env);
        return env;
    }

    /**
     * Checkpoints on disk (an embedded run otherwise keeps them in the JobManager's memory: 5 MB of state at
     * most, gone with the process), the latest kept when the job is cancelled or fails so that a restart can
     * resume from it; and the savepoint or checkpoint to start from, whose state must all be claimed by the
     * job's operator uids (a stateful operator whose uid changed fails the start instead of starting empty).
     */
    private static void recovery(IngestConfig config, boolean localCluster, Configuration conf) {
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        String dir = !config.checkpointDir().isEmpty() ? config.checkpointDir() : localCluster ? LOCAL_CHECKPOINT_DIR : "";
        if (!dir.isEmpty()) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, asUri(dir));
        }
        if (!config.restoreFrom().isEmpty()) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, config.restoreFrom());
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, false);
        }
    }

    /** A plain path as a file URI; a URI (file://, s3://, hdfs://) as it is. */
    static String asUri(String pathOrUri) {
        return pathOrUri.contains("://") ? pathOrUri : Path.of(pathOrUri).toAbsolutePath().toUri().toString();
    }
}
