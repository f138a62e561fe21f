package org.salesops.jobs.ingest;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** The shared Iceberg JDBC catalog (the one Trino reads too), for Flink's sinks and for set-up. */
public final class IcebergCatalogs {

    private IcebergCatalogs() {
    }

    /** @param properties what JdbcCatalog.initialize needs: uri, jdbc.user, jdbc.password, warehouse, ... */
    public static CatalogLoader jdbc(String catalogName, Map<String, String> properties) {
        return CatalogLoader.custom(catalogName, properties, new Configuration(), JdbcCatalog.class.getName());
    }
}
