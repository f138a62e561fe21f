package org.salesops.infra.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Iceberg REST catalog server: Iceberg's own {@code org.apache.iceberg.rest.RESTCatalogServer}
 * (iceberg-open-api test-fixtures, the server of the apache/iceberg-rest-fixture image infra/k8s deploys) in a
 * JVM of its own, serving a JDBC catalog on SQLite with its warehouse in a local directory. Configured as the
 * image is, by CATALOG_* environment variables ('__' is '-', '_' is '.').
 */
public final class RestCatalogServer implements AutoCloseable {

    private static final String MAIN_CLASS = "org.apache.iceberg.rest.RESTCatalogServer";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path warehouse;
    private final Path log;

    private RestCatalogServer(Process process, int port, Path warehouse, Path log) {
        this.process = process;
        this.port = port;
        this.warehouse = warehouse;
        this.log = log;
    }

    /**
     * Starts the server on a port and waits until it answers.
     *
     * @param dir its catalog database, warehouse and log go here
     */
    public static RestCatalogServer start(Path dir, int port) throws IOException, InterruptedException {
        Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
        Path log = dir.resolve("rest-catalog.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath(),
                MAIN_CLASS));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Only this server's settings: an inherited CATALOG_* variable would change the catalog.
        env.keySet().removeIf(name -> name.startsWith("CATALOG_"));
        env.put("CATALOG_CATALOG__IMPL", "org.apache.iceberg.jdbc.JdbcCatalog");
        env.put("CATALOG_URI", "jdbc:sqlite:" + dir.resolve("rest-catalog.db"));
        env.put("CATALOG_JDBC_SCHEMA__VERSION", "V1");
        env.put("CATALOG_WAREHOUSE", warehouse.toUri().toString());
        env.put("CATALOG_REST_PORT", Integer.toString(port));
        RestCatalogServer server = new RestCatalogServer(builder.start(), port, warehouse, log);
        try {
            server.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The base URL clients give as the catalog's uri. */
    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** The warehouse the server puts new tables under, as a file: URI. */
    public String warehouse() {
        return warehouse.toUri().toString();
    }

    public Path logFile() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The REST catalog server exited with " + process.exitValue()
                        + "; see " + log);
            }
            if (answers()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The REST catalog server did not answer within " + START_TIMEOUT + "; see " + log);
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(uri() + "/v1/config").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String classpath() {
        try (InputStream in = RestCatalogServer.class.getResourceAsStream("rest-catalog-server.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            String classpath = properties.getProperty("classpath", "");
            if (classpath.isBlank() || classpath.contains("${")) {
                throw new IllegalStateException("The REST catalog server's classpath was not resolved by the build "
                        + "(rest-catalog-server.properties); build infra/rest-catalog with Maven");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
