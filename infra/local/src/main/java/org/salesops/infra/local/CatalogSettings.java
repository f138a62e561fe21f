package org.salesops.infra.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The one Iceberg JDBC catalog that Iceberg Java (Flink jobs, tests) and Trino share.
 *
 * <p>Both engines key their rows by catalog name, so the same {@link #name()} goes to both. Iceberg
 * Java must initialise the catalog (it creates the catalog tables); Trino only reads and writes them.
 *
 * @param name         catalog name, the same in both engines
 * @param jdbcUrl      JDBC URL of the catalog database
 * @param user         database user; empty where the database has none (SQLite)
 * @param password     database password; empty where the database has none
 * @param driverClass  JDBC driver class, which Trino loads by name
 * @param warehouse    directory under which new tables put their files, unless they go to {@code s3}
 * @param s3           the warehouse on S3-compatible object storage instead; empty: on the local disk
 */
public record CatalogSettings(String name, String jdbcUrl, String user, String password, String driverClass,
                              Path warehouse, Optional<S3Warehouse> s3) {

    public static final String DEFAULT_NAME = "lakehouse";

    /** Trino 476 cannot DELETE from v3 tables that Iceberg 1.11 writes: both engines stay on v2. */
    static final String FORMAT_VERSION = "2";

    /**
     * Busy timeout for a writer that finds the SQLite file locked by the other engine's commit, and
     * WAL journaling so readers never block a commit.
     */
    private static final String SQLITE_OPTIONS = "?journal_mode=WAL&busy_timeout=30000";

    public CatalogSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(driverClass, "driverClass");
        Objects.requireNonNull(s3, "s3");
        warehouse = warehouse.toAbsolutePath().normalize();
        if (name.isBlank()) {
            throw new IllegalArgumentException("Catalog name must not be blank");
        }
    }

    /** A catalog in {@code stackDir/catalog.db}, tables under {@code stackDir/warehouse}. */
    public static CatalogSettings sqlite(Path stackDir) {
        Path dir = stackDir.toAbsolutePath().normalize();
        return new CatalogSettings(DEFAULT_NAME, "jdbc:sqlite:" + dir.resolve("catalog.db") + SQLITE_OPTIONS,
                "", "", "org.sqlite.JDBC", dir.resolve("warehouse"), Optional.empty());
    }

    /** A catalog in a PostgreSQL database, tables under {@code warehouse}. */
    public static CatalogSettings postgres(String jdbcUrl, String user, String password, Path warehouse) {
        return new CatalogSettings(DEFAULT_NAME, jdbcUrl, user, password, "org.postgresql.Driver", warehouse,
                Optional.empty());
    }

    public CatalogSettings withName(String otherName) {
        return new CatalogSettings(otherName, jdbcUrl, user, password, driverClass, warehouse, s3);
    }

    /** The same catalog with its tables' files on S3-compatible object storage. */
    public CatalogSettings on(S3Warehouse objectStorage) {
        return new CatalogSettings(name, jdbcUrl, user, password, driverClass, warehouse, Optional.of(objectStorage));
    }

    /** The warehouse as the URI both engines expect: {@code s3://...}, or the local directory's {@code file://}. */
    public String warehouseUri() {
        return s3.map(S3Warehouse::location).orElse("file://" + warehouse);
    }

    /** What {@code org.apache.iceberg.jdbc.JdbcCatalog.initialize(name(), ...)} needs. */
    public Map<String, String> icebergProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("uri", jdbcUrl);
        properties.put("jdbc.user", user);
        properties.put("jdbc.password", password);
        properties.put("warehouse", warehouseUri());
        // V1 has the view columns Trino expects in the same catalog tables.
        properties.put("jdbc.schema-version", "V1");
        properties.put("table-default.format-version", FORMAT_VERSION);
        s3.ifPresent(objectStorage -> properties.putAll(objectStorage.icebergProperties()));
        return properties;
    }

    /** The content of Trino's {@code etc/catalog/<name>.properties} for this catalog. */
    public Properties trinoCatalogProperties() {
        Properties properties = new Properties();
        properties.setProperty("connector.name", "iceberg");
        properties.setProperty("iceberg.catalog.type", "jdbc");
        properties.setProperty("iceberg.jdbc-catalog.driver-class", driverClass);
        properties.setProperty("iceberg.jdbc-catalog.connection-url", jdbcUrl);
        if (!user.isEmpty()) {
            properties.setProperty("iceberg.jdbc-catalog.connection-user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("iceberg.jdbc-catalog.connection-password", password);
        }
        properties.setProperty("iceberg.jdbc-catalog.catalog-name", name);
        properties.setProperty("iceberg.jdbc-catalog.default-warehouse-dir", warehouseUri());
        properties.setProperty("iceberg.format-version", FORMAT_VERSION);
        if (s3.isPresent()) {
            properties.putAll(s3.get().trinoProperties());
        } else {
            // Tables live on the local disk: Trino's native local file system, rooted at "/" so the
            // file:// locations Iceberg Java writes resolve unchanged ("local:///" does not work).
            properties.setProperty("fs.native-local.enabled", "true");
            properties.setProperty("local.location", "/");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "CatalogSettings[name=" + name + ", jdbcUrl=" + jdbcUrl + ", user=" + user
                + ", driverClass=" + driverClass + ", warehouse=" + warehouseUri() + "]";
    }
}
