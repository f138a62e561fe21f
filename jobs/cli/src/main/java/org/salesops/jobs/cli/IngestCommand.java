package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the ingest job against a Kafka broker and an Iceberg JDBC catalog. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest job: Kafka (crm.public.*, pbx.cdr, bank.camt054) -> typed Iceberg tables, "
                + "dead letters and lead response time.")
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--catalog-name", defaultValue = "lakehouse", description = "Iceberg catalog name (default: ${DEFAULT-VALUE}).")
    String catalogName;

    @Option(names = "--catalog-uri", required = true, description = "JDBC URL of the Iceberg catalog database.")
    String catalogUri;

    @Option(names = "--catalog-user", description = "Catalog database user.")
    String catalogUser;

    @Option(names = "--catalog-password", description = "Catalog database password.")
    String catalogPassword;

    @Option(names = "--warehouse", required = true, description = "Warehouse location, e.g. file:///data/warehouse.")
    String warehouse;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "PT10S",
            description = "Checkpoint (= Iceberg commit) interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--bounded", description = "Read what is in Kafka now, then stop (replay); default: run until stopped.")
    boolean bounded;

    @Option(names = "--live-lag", defaultValue = "PT5S",
            description = "Live runs: how far events may arrive out of order, and how long an input may be quiet "
                    + "before its time follows the wall clock, so deadlines pass with nothing arriving "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration liveLag;

    @Option(names = "--local", description = "Run on an in-process Flink MiniCluster instead of the environment Flink provides.")
    boolean local;

    @Override
    public Integer call() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("uri", catalogUri);
        props.put("warehouse", warehouse);
        props.put("jdbc.schema-version", "V1");
        if (catalogUser != null) {
            props.put("jdbc.user", catalogUser);
        }
        if (catalogPassword != null) {
            props.put("jdbc.password", catalogPassword);
        }
        Duration took = IngestRun.run(new IngestRun.Options(bootstrapServers, catalogName, props, parallelism,
                checkpointInterval, bounded, liveLag), local);
        Console.step("Ingest job finished after " + took.toSeconds() + " s");
        return 0;
    }
}
