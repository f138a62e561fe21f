package org.salesops.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The whole embedded stack in one directory: a Kafka broker, the Iceberg catalog database and a
 * Trino server that reads that catalog. Kafka starts beside the catalog and Trino, which saves the
 * broker's start time. {@link #close()} stops everything; data stays in the directory for the next
 * start.
 *
 * <p>Layout of {@code stackDir}: {@code kafka/}, {@code trino/}, {@code warehouse/}, and
 * {@code catalog.db} (SQLite) or {@code postgres/} (PostgreSQL).
 */
public final class LocalStack implements AutoCloseable {

    private final Path stackDir;
    private final StackPorts ports;
    private final CatalogKind catalogKind;
    private final KafkaBroker kafka;
    private final TrinoServer trino;
    private PostgresCatalogDatabase postgres;
    private CatalogSettings catalog;

    private LocalStack(Path stackDir, StackPorts ports, CatalogKind catalogKind, Path cacheDir) {
        this.stackDir = stackDir.toAbsolutePath().normalize();
        this.ports = ports;
        this.catalogKind = catalogKind;
        StackArtifacts artifacts = StackArtifacts.resolvedAtBuild();
        this.kafka = new KafkaBroker(this.stackDir.resolve("kafka"), ports.kafka(), artifacts.kafkaBrokerClasspath());
        this.trino = new TrinoServer(this.stackDir.resolve("trino"), ports.trino(), TrinoInstallation.of(cacheDir, artifacts));
    }

    /** Starts a stack with Trino unpacked in {@link TrinoInstallation#defaultCacheDir()}. */
    public static LocalStack start(Path stackDir, StackPorts ports, CatalogKind catalogKind, Consumer<String> progress)
            throws IOException, InterruptedException {
        return start(stackDir, ports, catalogKind, TrinoInstallation.defaultCacheDir(), progress);
    }

    /**
     * Starts a stack and returns once Kafka answers and Trino accepts queries.
     *
     * @param progress receives one line per step, from more than one thread
     * @throws PortInUseException if a port of {@code ports} is taken (nothing is left running)
     */
    public static LocalStack start(Path stackDir, StackPorts ports, CatalogKind catalogKind, Path cacheDir,
                                   Consumer<String> progress) throws IOException, InterruptedException {
        LocalStack stack = new LocalStack(stackDir, ports, catalogKind, cacheDir);
        try {
            stack.startAll(progress);
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                stack.close();
            } catch (IOException | RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        progress.accept("Local stack ready: Kafka " + stack.kafkaBootstrap() + ", Trino " + stack.trinoJdbcUrl());
        return stack;
    }

    private void startAll(Consumer<String> progress) throws IOException, InterruptedException {
        // What would otherwise fail only after the other services have spent their start time.
        kafka.preflight(progress);
        trino.preflight(progress);
        Files.createDirectories(stackDir);
        ExecutorService kafkaStarter = Executors.newSingleThreadExecutor(task -> new Thread(task, "kafka-start"));
        try {
            Future<Void> kafkaStarted = kafkaStarter.submit(() -> {
                progress.accept("Starting Kafka on " + kafka.bootstrapServers() + " (log: " + kafka.logFile() + ")");
                kafka.start(progress);
                progress.accept("Kafka ready on " + kafka.bootstrapServers());
                return null;
            });
            try {
                startCatalogAndTrino(progress);
                kafkaStarted.get();
            } catch (ExecutionException e) {
                rethrow(asException(e.getCause()));
            } catch (IOException | InterruptedException | RuntimeException e) {
                // Cuts Kafka's start short; close() then waits until the broker is stopped.
                kafkaStarted.cancel(true);
                throw e;
            }
        } finally {
            kafkaStarter.shutdownNow();
        }
    }

    private void startCatalogAndTrino(Consumer<String> progress) throws IOException, InterruptedException {
        Path warehouse = stackDir.resolve("warehouse");
        Files.createDirectories(warehouse);
        if (catalogKind == CatalogKind.POSTGRES) {
            progress.accept("Starting PostgreSQL for the Iceberg catalog");
            postgres = PostgresCatalogDatabase.start(stackDir.resolve("postgres"));
            catalog = postgres.catalogSettings(warehouse);
        } else {
            catalog = CatalogSettings.sqlite(stackDir);
        }
        progress.accept("Iceberg catalog '" + catalog.name() + "' at " + catalog.jdbcUrl());
        trino.start(catalog, progress);
        progress.accept("Trino ready at " + trino.jdbcUrl());
    }

    public Path stackDir() {
        return stackDir;
    }

    public StackPorts ports() {
        return ports;
    }

    /** {@code 127.0.0.1:<kafka port>}, for {@code bootstrap.servers}. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** {@code jdbc:trino://127.0.0.1:<trino port>/<catalog>}. */
    public String trinoJdbcUrl() {
        return trino.jdbcUrl();
    }

    /** The catalog both Trino and Iceberg Java (Flink) must use. */
    public CatalogSettings catalogSettings() {
        return catalog;
    }

    /** See {@link TrinoServer#writePeopleGroups}. */
    public void writeTrinoPeopleGroups(Map<String, ? extends Collection<String>> membersByGroup) throws IOException {
        trino.writePeopleGroups(membersByGroup);
    }

    public Path kafkaLogFile() {
        return kafka.logFile();
    }

    public Path trinoLogFile() {
        return trino.logFile();
    }

    /** Stops Trino, Kafka and the catalog database, in that order; safe to call more than once. */
    @Override
    public void close() throws IOException {
        trino.stop();
        kafka.stop();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static Exception asException(Throwable cause) {
        if (cause instanceof Exception exception) {
            return exception;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static void rethrow(Exception failure) throws IOException, InterruptedException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(failure);
    }
}
