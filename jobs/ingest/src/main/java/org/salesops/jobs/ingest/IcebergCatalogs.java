package org.salesops.jobs.ingest;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.salesops.jobs.ingest.config.CatalogType;

/**
 * The shared Iceberg catalog (the one Trino reads too), for Flink's sinks and for set-up: a JDBC catalog
 * or a REST catalog, as the properties' {@code type} says (CatalogType.icebergProperties).
 */
public final class IcebergCatalogs {

    private IcebergCatalogs() {
    }

    /**
     * @param properties what the catalog is initialised with: type (jdbc when absent), uri, warehouse,
     *                   jdbc.user, jdbc.password, io-impl, s3.endpoint, ...
     */
    public static CatalogLoader loader(String catalogName, Map<String, String> properties) {
        return switch (CatalogType.ofProperties(properties)) {
            case JDBC -> CatalogLoader.custom(catalogName, properties, new Configuration(), JdbcCatalog.class.getName());
            case REST -> CatalogLoader.rest(catalogName, new Configuration(), properties);
        };
    }
}
