package org.salesops.infra.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.salesops.infra.local.ServerJvm;

/**
 * A real Iceberg REST catalog server: Iceberg's own {@code org.apache.iceberg.rest.RESTCatalogServer}
 * (iceberg-open-api test-fixtures, the server of the apache/iceberg-rest-fixture image infra/k8s deploys) in a
 * JVM of its own, serving a JDBC catalog on SQLite with its warehouse in a local directory. Configured as the
 * image is, by CATALOG_* environment variables ('__' is '-', '_' is '.').
 */
public final class RestCatalogServer implements AutoCloseable {

    private static final String MAIN_CLASS = "org.apache.iceberg.rest.RESTCatalogServer";

    private final ServerJvm jvm;
    private final int port;
    private final Path warehouse;

    private RestCatalogServer(ServerJvm jvm, int port, Path warehouse) {
        this.jvm = jvm;
        this.port = port;
        this.warehouse = warehouse;
    }

    /**
     * Starts the server on a port and waits until it answers.
     *
     * @param dir its catalog database, warehouse and log go here
     */
    public static RestCatalogServer start(Path dir, int port) throws IOException, InterruptedException {
        Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
        ServerJvm jvm = ServerJvm.start("REST catalog server",
                ServerJvm.recordedClasspath(RestCatalogServer.class, "rest-catalog-server.properties"),
                List.of("-Xmx512m"), MAIN_CLASS, List.of(), env -> {
                    // Only this server's settings: an inherited CATALOG_* variable would change the catalog.
                    env.keySet().removeIf(name -> name.startsWith("CATALOG_"));
                    env.put("CATALOG_CATALOG__IMPL", "org.apache.iceberg.jdbc.JdbcCatalog");
                    env.put("CATALOG_URI", "jdbc:sqlite:" + dir.resolve("rest-catalog.db"));
                    env.put("CATALOG_JDBC_SCHEMA__VERSION", "V1");
                    env.put("CATALOG_WAREHOUSE", warehouse.toUri().toString());
                    env.put("CATALOG_REST_PORT", Integer.toString(port));
                }, dir, dir.resolve("rest-catalog.log"), URI.create(uri(port) + "/v1/config"), status -> status == 200);
        return new RestCatalogServer(jvm, port, warehouse);
    }

    /** The base URL clients give as the catalog's uri. */
    public String uri() {
        return uri(port);
    }

    /** The warehouse the server puts new tables under, as a file: URI. */
    public String warehouse() {
        return warehouse.toUri().toString();
    }

    public Path logFile() {
        return jvm.logFile();
    }

    @Override
    public void close() {
        jvm.close();
    }

    private static String uri(int port) {
        return "http://127.0.0.1:" + port;
    }
}
