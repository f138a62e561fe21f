package org.salesops.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.config.CatalogType;
import picocli.CommandLine.Option;

/**
 * Where the Iceberg catalog (JDBC or REST) and its warehouse are: the options of the commands that open the
 * tables, the same keys as the ingest job's (docs/CONFIGURATION.md).
 */
public class CatalogOptions {

    @Option(names = "--catalog-name", defaultValue = CatalogSettings.DEFAULT_NAME,
            description = "Iceberg catalog name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--catalog-type", defaultValue = "jdbc",
            description = "jdbc (a catalog database) or rest (an Iceberg REST catalog) (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--catalog-uri",
            description = "JDBC URL of the catalog database, or the REST catalog's base URL (with --warehouse).")
    String uri;

    @Option(names = "--catalog-user", description = "Catalog database user (jdbc).")
    String user;

    @Option(names = "--catalog-password", description = "Catalog database password (jdbc).")
    String password;

    @Option(names = "--catalog-property", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "An Iceberg catalog property passed through, repeatable: io-impl=org.apache.iceberg.aws.s3.S3FileIO, "
                    + "s3.endpoint=http://minio:9000, s3.path-style-access=true, client.region=..., credential=...")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--warehouse", description = "Warehouse location, e.g. file:///data/warehouse (with --catalog-uri).")
    String warehouse;

    boolean given() {
        return uri != null || warehouse != null;
    }

    /** The catalog's Iceberg properties; both --catalog-uri and --warehouse are needed. */
    Map<String, String> icebergProperties() {
        if (uri == null || warehouse == null) {
            throw new IllegalArgumentException("--catalog-uri and --warehouse are needed together "
                    + "(目录数据库与仓库位置需同时给出)");
        }
        return CatalogType.of(type).icebergProperties(uri, user == null ? "" : user, password == null ? "" : password,
                warehouse, properties);
    }
}
