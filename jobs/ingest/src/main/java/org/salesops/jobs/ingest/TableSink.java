package org.salesops.jobs.ingest;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.salesops.pipelines.tables.TableDefinition;

/** Where a table's rows go: Iceberg in every real run; anything else a test needs. */
@FunctionalInterface
public interface TableSink {
    void write(DataStream<RowData> rows, TableDefinition table);
}
