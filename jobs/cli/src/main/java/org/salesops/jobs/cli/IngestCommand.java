package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the ingest job against a Kafka broker and an Iceberg JDBC catalog. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Run the ingest job: Kafka (crm.public.*, pbx.cdr, bank.camt054) -> typed Iceberg tables, "
                + "dead letters and lead response time.")
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Mixin
    CatalogOptions catalog;

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
        Duration took = IngestRun.run(new IngestRun.Options(bootstrapServers, catalog.name, catalog.icebergProperties(), parallelism,
                checkpointInterval, bounded, liveLag), local);
        Console.step("Ingest job finished after " + took.toSeconds() + " s");
        return 0;
    }
}
