package org.salesops.jobs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.salesops.jobs.ingest.config.IngestConfig;
import org.salesops.jobs.ingest.config.IngestConfigLoader;
import org.salesops.jobs.ingest.config.IngestKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the ingest job against a Kafka broker and an Iceberg JDBC catalog. The options are the job's
 * configuration keys (docs/CONFIGURATION.md): what was given goes, as arguments, through the same
 * loader as the job jar's main, so environment variables and a configuration file apply here too.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, defaultValueProvider = IngestCommand.KeyDefaults.class,
        description = {"Run the ingest job: Kafka (crm.public.*, pbx.cdr, bank.camt054) -> typed Iceberg tables, "
                + "dead letters and lead response time.",
                "Every option is also an environment variable SALESOPS_<OPTION> and a key of the --config file; "
                        + "precedence: options > environment > file > defaults (docs/CONFIGURATION.md)."})
public final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--parallelism", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    Integer parallelism;

    @Option(names = "--checkpoint-interval",
            description = "Checkpoint (= Iceberg commit) interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--end-checkpoint-interval", description = "Bounded runs: the checkpoint interval once every "
            + "input is read, so that the last commit and the end follow the last record this soon (default: "
            + "${DEFAULT-VALUE}).")
    Duration endCheckpointInterval;

    @Option(names = "--bounded", description = "Read what is in Kafka now, then stop (replay); default: run until stopped.")
    boolean bounded;

    @Option(names = "--live-lag",
            description = "Live runs: how far events may arrive out of order, and how long an input may be quiet "
                    + "before its time follows the wall clock, so deadlines pass with nothing arriving "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration liveLag;

    @Option(names = "--topic-partitions", description = "Partitions of a topic created when missing (default: ${DEFAULT-VALUE}).")
    Integer topicPartitions;

    @Option(names = "--topic-replication",
            description = "Replication factor of a topic created when missing (default: ${DEFAULT-VALUE}).")
    Integer topicReplication;

    @Option(names = "--group-id", description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--job-name", description = "Name of the Flink job (default: ${DEFAULT-VALUE}).")
    String jobName;

    @Option(names = "--checkpoint-dir", description = "Directory (or URI) for checkpoints; the latest is kept when the "
            + "job is cancelled or fails, as <job id>/chk-<n> (default: the cluster's; with --local the temp dir's "
            + "salesops-checkpoints).")
    String checkpointDir;

    @Option(names = "--restore-from", description = "Start from this savepoint or retained checkpoint (a chk-<n> "
            + "folder); state no operator of the job claims is an error.")
    String restoreFrom;

    @Option(names = "--config", description = "Configuration file (.properties, .yaml or .yml).")
    Path config;

    @Option(names = "--local", description = "Run on an in-process Flink MiniCluster instead of the environment Flink provides.")
    boolean local;

    @Override
    public Integer call() throws Exception {
        IngestConfig config = IngestConfigLoader.load(givenArguments().toArray(String[]::new), System.getenv());
        Duration took = IngestRun.run(config, local);
        Console.step("Ingest job finished after " + took.toSeconds() + " s");
        return 0;
    }

    /** The options given on the command line, as the job jar's arguments; --local is this command's own. */
    private List<String> givenArguments() {
        List<String> args = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (option.longestName().equals("--local")) {
                continue;
            }
            if (option.longestName().equals("--catalog-property")) {
                // The loader's form of a pass-through property is one key per property.
                catalog.properties.forEach((name, value) ->
                        args.add("--" + IngestConfigLoader.CATALOG_PROPERTY_PREFIX + name + "=" + value));
                continue;
            }
            List<String> values = option.originalStringValues();
            // A flag (--bounded) has no value of its own.
            String value = values.isEmpty() ? "true" : values.get(values.size() - 1);
            args.add(option.longestName() + "=" + value);
        }
        return args;
    }

    /** The defaults shown in --help are the job's own (IngestKey), not a second copy. */
    public static final class KeyDefaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec option) {
                return IngestKey.byKey(option.longestName().substring(2)).flatMap(IngestKey::defaultValue).orElse(null);
            }
            return null;
        }
    }
}
