package org.salesops.jobs.cli;

import java.util.Map;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.config.IngestConfig;
import picocli.CommandLine.Option;

/** Where the Iceberg JDBC catalog and its warehouse are: the options of the commands that open the tables. */
public class CatalogOptions {

    @Option(names = "--catalog-name", defaultValue = CatalogSettings.DEFAULT_NAME,
            description = "Iceberg catalog name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--catalog-uri", description = "JDBC URL of the Iceberg catalog database (with --warehouse).")
    String uri;

    @Option(names = "--catalog-user", description = "Catalog database user.")
    String user;

    @Option(names = "--catalog-password", description = "Catalog database password.")
    String password;

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
        return IngestConfig.jdbcCatalogProperties(uri, user == null ? "" : user, password == null ? "" : password,
                warehouse);
    }
}
