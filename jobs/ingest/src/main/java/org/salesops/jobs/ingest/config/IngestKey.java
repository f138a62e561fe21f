package org.salesops.jobs.ingest.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key of the ingest job, the one list docs/CONFIGURATION.md describes. The same
 * key is an argument ({@code --key value}), an environment variable ({@link #envVar()}) and a line of
 * the configuration file; {@code ./lakehouse ingest} takes the same arguments.
 */
public enum IngestKey {

    BOOTSTRAP_SERVERS("bootstrap-servers", null, "Kafka bootstrap servers, host:port[,host:port...]."),
    TOPIC_PARTITIONS("topic-partitions", "2", "Partitions of each topic the job creates when it is missing."),
    TOPIC_REPLICATION("topic-replication", "1",
            "Replication factor of each topic the job creates when it is missing (3 on a production cluster)."),
    GROUP_ID("group-id", "salesops-ingest", "Kafka consumer group (offsets live in Flink's checkpoints; "
            + "the group only shows progress to Kafka tools)."),
    CATALOG_NAME("catalog-name", "lakehouse", "Iceberg catalog name; for the jdbc type Trino's "
            + "iceberg.jdbc-catalog.catalog-name must equal it."),
    CATALOG_TYPE("catalog-type", "jdbc", "jdbc: Iceberg's JDBC catalog on a database; rest: an Iceberg REST catalog "
            + "server (Polaris, the Iceberg REST fixture, ...)."),
    CATALOG_URI("catalog-uri", null, "jdbc: JDBC URL of the catalog database (jdbc:postgresql://... or jdbc:sqlite:...); "
            + "rest: the REST catalog's base URL (http://host:8181)."),
    CATALOG_USER("catalog-user", "", "jdbc only: catalog database user."),
    CATALOG_PASSWORD("catalog-password", "", "jdbc only: catalog database password (give it by environment, not as "
            + "an argument)."),
    WAREHOUSE("warehouse", null, "Warehouse location under which new tables put their files, e.g. s3://bucket/warehouse "
            + "or file:///data/warehouse."),
    PARALLELISM("parallelism", "2", "Flink parallelism of the job's operators."),
    CHECKPOINT_INTERVAL("checkpoint-interval", "PT10S", "Checkpoint interval = Iceberg commit interval, ISO-8601."),
    END_CHECKPOINT_INTERVAL("end-checkpoint-interval", "PT1S", "Bounded runs: checkpoint interval once every input is "
            + "read, so that the last commit and the end of the run follow the last record this soon; checkpoint-interval "
            + "applies while they read. At most checkpoint-interval, ISO-8601."),
    BOUNDED("bounded", "false", "true: read what is in Kafka at start, then finish (a replay); false: run until stopped."),
    LIVE_LAG("live-lag", "PT5S", "Live runs: how far events may arrive out of order, and how long an input may be quiet "
            + "before its time follows the wall clock, ISO-8601."),
    JOB_NAME("job-name", "salesops ingest", "Name of the Flink job, as the cluster's UI and REST API show it."),
    CHECKPOINT_DIR("checkpoint-dir", "", "Directory or URI for checkpoints (a folder per job id, chk-<n> in it); the latest "
            + "is kept when the job is cancelled or fails, to restart from. Empty: the cluster's execution.checkpointing.dir, "
            + "or <temp dir>/salesops-checkpoints for an embedded (--local) run."),
    RESTORE_FROM("restore-from", "", "A savepoint or retained checkpoint (a chk-<n> folder) to start from; state that no "
            + "operator of the job claims is an error. Empty: a fresh start.");

    /** Environment variables are the key in capitals with this prefix, '-' becoming '_'. */
    public static final String ENV_PREFIX = "SALESOPS_";

    private final String key;
    private final String defaultValue;
    private final String meaning;

    IngestKey(String key, String defaultValue, String meaning) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String envVar() {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Empty for a key that must be given. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default of a key that has one. */
    String defaultText() {
        return defaultValue().orElseThrow(() -> new IllegalStateException(key + " has no default"));
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<IngestKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
