package org.salesops.jobs.ingest.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kinds of Iceberg catalog the job and the CLI open. Each builds the catalog's Iceberg properties;
 * Iceberg's own {@code type} property records which one it is, so a properties map alone is enough to
 * open the catalog again (IcebergCatalogs.loader).
 */
public enum CatalogType {

    /** Iceberg's JdbcCatalog on a database (SQLite locally, PostgreSQL shared with Trino). */
    JDBC,
    /** An Iceberg REST catalog server (Apache Polaris, the Iceberg REST fixture, ...). */
    REST;

    /** Iceberg's catalog property naming the catalog type (CatalogUtil.ICEBERG_CATALOG_TYPE). */
    public static final String TYPE_PROPERTY = "type";

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CatalogType of(String text) {
        return Arrays.stream(values()).filter(t -> t.key().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("catalog-type must be one of "
                        + Arrays.stream(values()).map(CatalogType::key).collect(Collectors.joining(", "))
                        + ", not '" + text + "' (目录类型无效)"));
    }

    /** The type a catalog's properties name; JDBC when they name none (what every earlier run wrote). */
    public static CatalogType ofProperties(Map<String, String> properties) {
        String type = properties.get(TYPE_PROPERTY);
        return type == null ? JDBC : of(type);
    }

    /**
     * The catalog's Iceberg properties.
     *
     * @param uri        JDBC URL of the catalog database, or the REST catalog's base URL
     * @param user       catalog database user (JDBC only; empty for REST)
     * @param password   catalog database password (JDBC only; empty for REST)
     * @param warehouse  where new tables go (file:///..., s3://bucket/...); for REST the warehouse the server knows
     * @param passThrough further Iceberg catalog properties as given (io-impl, s3.endpoint, s3.path-style-access,
     *                    client.region, credential, ...); they win over the ones built here
     */
    public Map<String, String> icebergProperties(String uri, String user, String password, String warehouse,
                                                 Map<String, String> passThrough) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(TYPE_PROPERTY, key());
        if (this == JDBC) {
            props.putAll(IngestConfig.jdbcCatalogProperties(uri, user, password, warehouse));
        } else {
            if (!user.isEmpty() || !password.isEmpty()) {
                throw new IllegalArgumentException("catalog-user and catalog-password are the JDBC catalog's database "
                        + "login; a REST catalog's credentials are catalog properties (e.g. catalog-property.credential) "
                        + "(REST 目录不使用数据库用户名和密码)");
            }
            props.put("uri", uri);
            props.put("warehouse", warehouse);
            // Trino 476 cannot delete from v3 tables: the same default as the JDBC catalog's.
            props.put("table-default.format-version", "2");
        }
        props.putAll(passThrough);
        return props;
    }
}
