package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.jobs.ingest.IcebergTableSink;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.IngestSettings;
import org.salesops.jobs.ingest.KafkaResultPublisher;
import org.salesops.jobs.ingest.KafkaTopics;
import org.salesops.jobs.ingest.KafkaRecordSource;
import java.util.List;
import org.salesops.pipelines.tables.IcebergTables;
import org.salesops.pipelines.tables.TableDefinitions;

/**
 * Runs the ingest job from Kafka into the shared Iceberg catalog: creates the tables if needed,
 * then executes on the environment Flink gives (a local MiniCluster when started from the CLI,
 * the cluster when submitted with `flink run`).
 */
public final class IngestRun {

    /**
     * @param parallelism   task parallelism (the embedded default uses 2, one per core)
     * @param checkpointing interval of checkpoints, i.e. of Iceberg commits
     * @param bounded       read what is in Kafka at start, then finish (a replay, in event time only)
     * @param liveLag       live runs only: the out-of-orderness, and the quiet time after which an
     *                      input's watermark follows the wall clock; a deadline becomes an alert about
     *                      this much after it passes, plus a checkpoint interval for the commit
     */
    public record Options(String bootstrapServers, String catalogName, Map<String, String> catalogProperties,
                          int parallelism, Duration checkpointing, boolean bounded, Duration liveLag) {

        public Options(String bootstrapServers, String catalogName, Map<String, String> catalogProperties,
                       int parallelism, Duration checkpointing, boolean bounded) {
            this(bootstrapServers, catalogName, catalogProperties, parallelism, checkpointing, bounded,
                    Duration.ofSeconds(5));
        }

        IngestSettings settings() {
            return bounded ? IngestSettings.defaults() : IngestSettings.defaults().live(liveLag, liveLag);
        }
    }

    private IngestRun() {
    }

    public static Duration run(Options options, boolean localCluster) throws Exception {
        StreamExecutionEnvironment env = prepare(options, localCluster);
        long started = System.nanoTime();
        env.execute("salesops ingest");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Creates the tables and builds the job on an environment, ready to execute (or executeAsync). */
    public static StreamExecutionEnvironment prepare(Options options, boolean localCluster) throws Exception {
        CatalogLoader loader = IcebergCatalogs.jdbc(options.catalogName(), options.catalogProperties());
        Catalog catalog = loader.loadCatalog();
        IcebergTables.ensureExist(catalog, IngestJob.tables());
        // Configuration the views read (loaded through Trino by TrinoViews).
        IcebergTables.ensureExist(catalog, List.of(TableDefinitions.load("gold/scorecard_thresholds")));
        if (catalog instanceof AutoCloseable closeable) {
            closeable.close();
        }

        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointing());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(RestOptions.BIND_PORT, "0"); // a local MiniCluster must not fight over 8081
        StreamExecutionEnvironment env = localCluster
                ? StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), conf)
                : StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(options.parallelism());

        String group = "salesops-ingest";
        IngestJob.Sources sources = new IngestJob.Sources(
                new KafkaRecordSource(options.bootstrapServers(), IngestJob.CRM_TOPICS, group, options.bounded()),
                new KafkaRecordSource(options.bootstrapServers(), IngestJob.CALL_TOPIC.replace(".", "\\."), group, options.bounded()),
                new KafkaRecordSource(options.bootstrapServers(), IngestJob.BANK_TOPICS, group, options.bounded()));
        KafkaTopics.ensure(options.bootstrapServers(), KafkaTopics.all(), 2);
        new IngestJob(sources, new IcebergTableSink(loader),
                new KafkaResultPublisher(options.bootstrapServers()),
                options.settings()).build(env);
        return env;
    }
}
