package org.salesops.jobs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.GeneratedCompany;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Generates a company; publishes it to a broker if one is given, and writes its ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a realistic company (deterministic by seed), publish it to Kafka in the real formats "
                + "and write the ground truth the pipeline must reproduce.")
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    CompanyOptions company;

    @Option(names = "--bootstrap-servers", description = "Kafka to publish to; without it nothing is published.")
    String bootstrapServers;

    @Option(names = "--ground-truth", defaultValue = "ground-truth.json",
            description = "Where to write the ground truth (default: ${DEFAULT-VALUE}).")
    Path groundTruth;

    @Option(names = "--debezium-base64-decimals", description = "Decimals as base64 bytes (decimal.handling.mode=precise).")
    boolean base64Decimals;

    @Option(names = "--no-schema-wrapper", description = "Debezium JSON without the {schema, payload} wrapper.")
    boolean noSchemaWrapper;

    @Override
    public Integer call() throws Exception {
        GeneratedCompany generated = CompanyGenerator.generate(company.profile());
        Console.step(generated.sizes());
        generated.groundTruth().writeJson(groundTruth);
        Console.step("Ground truth written to " + groundTruth.toAbsolutePath());
        if (bootstrapServers != null) {
            CompanyPublisher.Options defaults = CompanyPublisher.Options.defaults();
            CompanyPublisher.Published published = CompanyPublisher.publish(generated, bootstrapServers,
                    new CompanyPublisher.Options(!noSchemaWrapper, base64Decimals, defaults.redeliverEvery(), defaults.partitions()),
                    n -> { });
            Console.step("Published " + published.total() + " records " + published.recordsPerFamily() + " to " + bootstrapServers);
        }
        return 0;
    }
}
