package org.salesops.jobs.ingest.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.salesops.jobs.ingest.IngestSettings;

/**
 * What one run of the ingest job needs, typed. Built by {@link IngestConfigLoader} from arguments,
 * environment and a file ({@code java -jar} / {@code flink run} / {@code ./lakehouse ingest}), or
 * directly by code that runs the job embedded.
 *
 * @param catalogProperties what the Iceberg catalog is initialised with (type, uri, warehouse, jdbc.user, io-impl, ...;
 *                          CatalogType.icebergProperties)
 * @param topicPartitions   partitions of a topic the job creates when it is missing
 * @param topicReplication  replication factor of a topic the job creates when it is missing
 * @param checkpointInterval checkpoint interval = Iceberg commit interval (in a bounded run: while it reads)
 * @param endCheckpointInterval a bounded run's checkpoint interval once every input is read
 * @param checkpointDir     where checkpoints go; empty for the cluster's own setting
 * @param restoreFrom       savepoint or retained checkpoint to start from; empty for a fresh start
 */
public record IngestConfig(String bootstrapServers, String groupId, int topicPartitions, short topicReplication,
                           String catalogName, Map<String, String> catalogProperties,
                           int parallelism, Duration checkpointInterval, Duration endCheckpointInterval,
                           boolean bounded, Duration liveLag, String jobName, String checkpointDir, String restoreFrom) {

    /** Catalog properties whose values are not logged: jdbc.password, s3.secret-access-key, credential, token, ... */
    private static final Pattern SECRET_PROPERTY = Pattern.compile("password|secret|credential|token|session");

    public IngestConfig {
        catalogProperties = Map.copyOf(catalogProperties);
        // Absent means empty, as in the file and the environment: code may pass null for "not given".
        checkpointDir = checkpointDir == null ? "" : checkpointDir;
        restoreFrom = restoreFrom == null ? "" : restoreFrom;
        endCheckpointInterval = endCheckpointInterval.compareTo(checkpointInterval) < 0 ? endCheckpointInterval
                : checkpointInterval;
    }

    /**
     * A run started by code (the embedded demo, benchmarks, tests): the given settings, and the defaults
     * of docs/CONFIGURATION.md for the rest.
     */
    public static IngestConfig embedded(String bootstrapServers, String catalogName, Map<String, String> catalogProperties,
                                        int parallelism, Duration checkpointInterval, boolean bounded, Duration liveLag) {
        return new IngestConfig(bootstrapServers, IngestKey.GROUP_ID.defaultText(),
                Integer.parseInt(IngestKey.TOPIC_PARTITIONS.defaultText()),
                Short.parseShort(IngestKey.TOPIC_REPLICATION.defaultText()),
                catalogName, catalogProperties, parallelism, checkpointInterval,
                Duration.parse(IngestKey.END_CHECKPOINT_INTERVAL.defaultText()), bounded, liveLag,
                IngestKey.JOB_NAME.defaultText(), IngestKey.CHECKPOINT_DIR.defaultText(),
                IngestKey.RESTORE_FROM.defaultText());
    }

    /** The same run, checkpointing into {@code dir} and started from {@code savepointOrCheckpoint} (empty: fresh). */
    public IngestConfig recovering(String dir, String savepointOrCheckpoint) {
        return new IngestConfig(bootstrapServers, groupId, topicPartitions, topicReplication, catalogName,
                catalogProperties, parallelism, checkpointInterval, endCheckpointInterval, bounded, liveLag, jobName, dir,
                savepointOrCheckpoint);
    }

    /** The same run, checkpointing {@code interval} apart also once its input is read. */
    public IngestConfig checkpointingEvenlyAtEnd() {
        return new IngestConfig(bootstrapServers, groupId, topicPartitions, topicReplication, catalogName,
                catalogProperties, parallelism, checkpointInterval, checkpointInterval, bounded, liveLag, jobName,
                checkpointDir, restoreFrom);
    }

    /**
     * Iceberg properties of the JDBC catalog: V1 catalog tables so views and tables share the schema
     * Trino expects, and format version 2 which Trino 476 can also delete from.
     */
    public static Map<String, String> jdbcCatalogProperties(String uri, String user, String password, String warehouse) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("uri", uri);
        props.put("warehouse", warehouse);
        props.put("jdbc.user", user);
        props.put("jdbc.password", password);
        props.put("jdbc.schema-version", "V1");
        props.put("table-default.format-version", "2");
        return props;
    }

    /** The job's event-time settings: a replay keeps to event time, a live run follows the wall clock when quiet. */
    public IngestSettings settings() {
        return bounded ? IngestSettings.defaults() : IngestSettings.defaults().live(liveLag, liveLag);
    }

    /** The job's own settings are not secret except the catalog's passwords, keys and tokens: this is what may be logged. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(catalogProperties);
        shown.replaceAll((k, v) -> v.isEmpty() || !SECRET_PROPERTY.matcher(k).find() ? v : "***");
        return "IngestConfig[bootstrapServers=" + bootstrapServers + ", groupId=" + groupId + ", topicPartitions="
                + topicPartitions + ", topicReplication=" + topicReplication + ", catalogName=" + catalogName
                + ", catalog=" + shown + ", parallelism=" + parallelism + ", checkpointInterval=" + checkpointInterval
                + ", endCheckpointInterval=" + endCheckpointInterval
                + ", bounded=" + bounded + ", liveLag=" + liveLag + ", jobName=" + jobName
                + ", checkpointDir=" + checkpointDir + ", restoreFrom=" + restoreFrom + "]";
    }
}
