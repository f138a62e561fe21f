package org.salesops.jobs.ingest;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.DistributionMode;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkSink;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.salesops.pipelines.tables.TableDefinition;

/**
 * Writes a table through Iceberg's Flink sinks: files at each checkpoint, committed when it completes, exactly
 * once. Tables with identifier columns are upserted (one current row per key), the others appended.
 *
 * <p>Each kind of table gets the sink whose one weakness cannot touch it (both found by IngestFailoverTest):
 * <ul>
 *   <li>Appends go through the Sink V2 {@link IcebergSink}, which commits only when a checkpoint completes. The
 *       older {@link FlinkSink} also commits when its input ends, outside any checkpoint: in a replay where one
 *       input family ended early, a crash before the next checkpoint appended those rows a second time.</li>
 *   <li>Upserts go through {@link FlinkSink}, which commits the files of each checkpoint in a commit of their
 *       own. {@link IcebergSink} (Iceberg 1.11) puts the files of an aborted checkpoint into the next one's commit,
 *       where an equality delete no longer removes the row written before it in the same commit, and a key
 *       updated in both checkpoints keeps two rows. Its early commit at end of input is harmless here: writing
 *       an upserted row again replaces it with itself.</li>
 * </ul>
 */
public class IcebergTableSink implements TableSink {

    private final CatalogLoader catalog;

    public IcebergTableSink(CatalogLoader catalog) {
        this.catalog = catalog;
    }

    @Override
    public void write(DataStream<RowData> rows, TableDefinition table) {
        TableLoader loader = TableLoader.fromCatalog(catalog, table.identifier());
        String uid = "iceberg-" + table.qualifiedName();
        if (table.identifierColumns().isEmpty()) {
            IcebergSink.forRowData(rows).tableLoader(loader).distributionMode(DistributionMode.NONE).uidSuffix(uid)
                    .append();
        } else {
            // Equality deletes need all rows of a key in one writer: hash by the key.
            FlinkSink.forRowData(rows).tableLoader(loader).uidPrefix(uid)
                    .upsert(true).equalityFieldColumns(table.identifierColumns())
                    .distributionMode(DistributionMode.HASH).append();
        }
    }
}
