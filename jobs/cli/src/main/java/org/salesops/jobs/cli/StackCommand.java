package org.salesops.jobs.cli;

import java.util.concurrent.Callable;
import org.salesops.infra.local.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts the local stack over the data already in its directory and keeps it up until Ctrl-C. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Start Kafka, the Iceberg catalog and Trino over the existing stack directory; Ctrl-C stops them.")
public final class StackCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws Exception {
        try (LocalStack local = LocalStack.start(stack.stackDir, stack.ports(), stack.catalogKind(), Console::detail)) {
            Console.step("Kafka   " + local.kafkaBootstrap());
            Console.step("Trino   " + local.trinoJdbcUrl());
            Console.step("Catalog " + local.catalogSettings().jdbcUrl() + ", warehouse " + local.catalogSettings().warehouseUri());
            Console.step("Running; Ctrl-C stops the stack.");
            Thread.currentThread().join();
        }
        return 0;
    }
}
