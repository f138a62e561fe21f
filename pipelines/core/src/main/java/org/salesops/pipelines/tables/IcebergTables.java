package org.salesops.pipelines.tables;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;

/** Creates the tables a job writes, once, before the job starts (Trino does not create them). */
public final class IcebergTables {

    // Trino 476 cannot delete from v3 tables written by Iceberg 1.11 (STACK.md): stay on v2.
    private static final Map<String, String> PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.DEFAULT_FILE_FORMAT, "parquet",
            TableProperties.UPSERT_ENABLED, "false");

    private IcebergTables() {
    }

    public static void ensureExist(Catalog catalog, List<TableDefinition> tables) {
        for (TableDefinition table : tables) {
            Namespace namespace = Namespace.of(table.namespace());
            if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
                namespaces.createNamespace(namespace);
            }
            if (!catalog.tableExists(table.identifier())) {
                catalog.buildTable(table.identifier(), table.schema())
                        .withPartitionSpec(table.partitionSpec())
                        .withProperties(PROPERTIES)
                        .withProperty("comment", table.description())
                        .create();
            }
        }
    }
}
