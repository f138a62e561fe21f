package org.salesops.jobs.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.io.CloseableIterable;
import org.salesops.pipelines.tables.IcebergTables;

/** A real Iceberg warehouse with a JDBC catalog on SQLite in a test's directory, with the job's tables. */
final class TempWarehouse {

    final CatalogLoader loader;
    final Catalog catalog;

    TempWarehouse(Path dir) {
        Map<String, String> props = new HashMap<>();
        props.put("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
        props.put("warehouse", dir.resolve("warehouse").toUri().toString());
        props.put("jdbc.schema-version", "V1");
        loader = IcebergCatalogs.loader("lakehouse", props);
        catalog = loader.loadCatalog();
        IcebergTables.ensureExist(catalog, IngestJob.tables());
    }

    /** Every row of a table as it is now (equality deletes of upsert tables applied). */
    List<Record> read(String table) throws Exception {
        String[] parts = table.split("\\.");
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(catalog.loadTable(TableIdentifier.of(parts[0], parts[1]))).build()) {
            it.forEach(rows::add);
        }
        return rows;
    }
}
