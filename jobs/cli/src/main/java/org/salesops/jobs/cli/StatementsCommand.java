package org.salesops.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The statement drop folder: sweeps it once, or watches it until Ctrl-C. */
@Command(name = "statements", mixinStandardHelpOptions = true,
        description = "Publish bank statement files (camt.053, MT940/MT942, Chinese bank CSV) dropped in a folder "
                + "to Kafka, each file whole; published files move to processed/, unpublishable ones to rejected/.")
public final class StatementsCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "The drop folder.")
    Path dir;

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--watch", description = "Keep watching the folder until Ctrl-C (default: one sweep).")
    boolean watch;

    @Option(names = "--settle", defaultValue = "PT2S",
            description = "A file changed more recently than this is still being written (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        try (StatementFolder folder = new StatementFolder(dir, bootstrapServers, settle)) {
            do {
                for (StatementFolder.Outcome outcome : folder.sweep()) {
                    Console.step(outcome.file().getFileName() + ": " + outcome.verdict());
                }
                if (watch) {
                    Thread.sleep(1_000);
                }
            } while (watch);
        }
        return 0;
    }
}
