package org.salesops.jobs.cli;

import java.nio.file.Path;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.StackPorts;
import picocli.CommandLine.Option;

/** Where the local stack lives and which ports it takes (shared by the commands that start it). */
public class StackOptions {

    @Option(names = "--stack-dir", defaultValue = ".lakehouse/stack",
            description = "Directory of the local stack: Kafka data, catalog, warehouse, Trino data (default: ${DEFAULT-VALUE}).")
    Path stackDir;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Kafka broker port; the KRaft controller takes the next one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--trino-port", defaultValue = "8080", description = "Trino HTTP/JDBC port (default: ${DEFAULT-VALUE}).")
    int trinoPort;

    @Option(names = "--catalog", defaultValue = "sqlite",
            description = "Database of the Iceberg JDBC catalog: sqlite (a file, the default) or postgres (embedded PostgreSQL).")
    String catalog;

    StackPorts ports() {
        return new StackPorts(kafkaPort, trinoPort);
    }

    CatalogKind catalogKind() {
        return switch (catalog.toLowerCase()) {
            case "sqlite" -> CatalogKind.SQLITE;
            case "postgres", "postgresql" -> CatalogKind.POSTGRES;
            default -> throw new IllegalArgumentException("--catalog must be sqlite or postgres, not " + catalog);
        };
    }
}
