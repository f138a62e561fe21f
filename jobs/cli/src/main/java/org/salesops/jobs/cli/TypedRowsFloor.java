package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.util.PropertyUtil;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.jobs.ingest.InputFamily;
import org.salesops.pipelines.common.DeadLetter;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.tables.IcebergTables;
import org.salesops.pipelines.tables.RowConverter;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

/**
 * The floor under any pipeline that keeps every input record, measured with no Flink: the limit's reading and
 * parsing ({@link RawConsumeLimit}), plus what "nothing lost" asks of each record, its typed row or its dead letter
 * written as Parquet through Iceberg's own Flink writer (the one the job's sinks use), and one commit per table at
 * the end. No de-duplication, no state, no metrics, no checkpoints: the job does all of that on top. The rows go to
 * a catalog of their own, so the replay's tables stay as the replay alone wrote them.
 */
final class TypedRowsFloor {

    private TypedRowsFloor() {
    }

    static RawConsumeLimit.Result run(String bootstrapServers, int threads, CatalogSettings catalogSettings)
            throws Exception {
        Catalog catalog = IcebergCatalogs.loader(catalogSettings.name(), catalogSettings.icebergProperties()).loadCatalog();
        try {
            List<TableDefinition> definitions = TableDefinitions.rawTables();
            IcebergTables.ensureExist(catalog, definitions);
            Map<String, Target> tables = new HashMap<>();
            for (TableDefinition definition : definitions) {
                tables.put(definition.qualifiedName(),
                        new Target(catalog.loadTable(definition.identifier()), definition.rowType()));
            }
            Map<String, List<DataFile>> written = new ConcurrentHashMap<>();
            RawConsumeLimit.Result read = RawConsumeLimit.run(bootstrapServers, threads,
                    thread -> new Writers(thread, tables, written));
            long committing = System.nanoTime();
            for (Map.Entry<String, List<DataFile>> files : written.entrySet()) {
                AppendFiles append = tables.get(files.getKey()).table().newAppend();
                files.getValue().forEach(append::appendFile);
                append.commit();
            }
            return read.plus(Duration.ofNanos(System.nanoTime() - committing));
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private record Target(Table table, RowType rowType) {
    }

    /** One thread's open file per table; its files join {@code written} when the thread has read its last record. */
    private static final class Writers implements RawConsumeLimit.RecordWork {

        private final int thread;
        private final Map<String, Target> tables;
        private final Map<String, List<DataFile>> written;
        private final Map<String, TaskWriter<RowData>> open = new HashMap<>();
        private final TableDefinition deadLetters = TableDefinitions.load("raw/dead_letters");
        private final RowConverter deadLetter = new RowConverter(deadLetters);

        Writers(int thread, Map<String, Target> tables, Map<String, List<DataFile>> written) {
            this.thread = thread;
            this.tables = tables;
            this.written = written;
        }

        @Override
        public void accept(InputFamily<?> family, KafkaRecord record) throws RejectedInput {
            InputFamily.Routed<?> routed;
            try {
                routed = family.route(record);
            } catch (RejectedInput e) {
                write(deadLetters.qualifiedName(), deadLetter.convert(DeadLetter.row(record, DeadLetter.REJECTED, e.getMessage())));
                throw e;
            }
            for (int i = 0; i < routed.rows().size(); i++) {
                write(routed.tables().get(i), routed.rows().get(i));
            }
        }

        private void write(String table, RowData row) {
            try {
                open.computeIfAbsent(table, this::writer).write(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // fails the benchmark: a floor that lost rows would measure nothing
            }
        }

        private TaskWriter<RowData> writer(String qualifiedName) {
            Target target = tables.get(qualifiedName);
            Table table = target.table();
            long targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
                    TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
            RowDataTaskWriterFactory factory = new RowDataTaskWriterFactory(table, target.rowType(),
                    targetFileSize, FileFormat.PARQUET, table.properties(), List.of(), false);
            factory.initialize(thread, 0);
            return factory.create();
        }

        @Override
        public void finish() throws Exception {
            for (Map.Entry<String, TaskWriter<RowData>> writer : open.entrySet()) {
                List<DataFile> files = List.of(writer.getValue().complete().dataFiles());
                written.computeIfAbsent(writer.getKey(), t -> Collections.synchronizedList(new ArrayList<>()))
                        .addAll(files);
            }
        }
    }
}
