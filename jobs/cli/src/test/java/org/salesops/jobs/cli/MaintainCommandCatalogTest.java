package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.relocated.com.google.common.collect.Iterables;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.jobs.ingest.IcebergCatalogs;
import picocli.CommandLine;

/**
 * `lakehouse maintain` on a real JDBC catalog (SQLite) and warehouse in a temporary directory, without the stack:
 * a table written in eight small commits is compacted to one file and its old snapshots expired, every row reads
 * the same before and after, and of two unreferenced files only the one older than the orphan age is removed.
 */
class MaintainCommandCatalogTest {

    static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "name", Types.StringType.get()));

    @TempDir
    Path dir;

    @Test
    void compactsExpiresAndRemovesOnlyOldOrphansWithoutChangingARow() throws Exception {
        // given: a table written in eight commits of one small file each, and two files nothing references
        Map<String, String> props = new HashMap<>();
        props.put("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"));
        props.put("warehouse", dir.resolve("warehouse").toUri().toString());
        props.put("jdbc.schema-version", "V1");
        Catalog catalog = IcebergCatalogs.loader("lakehouse", props).loadCatalog();
        ((SupportsNamespaces) catalog).createNamespace(Namespace.of("raw"));
        Table table = catalog.createTable(TableIdentifier.of("raw", "calls"), SCHEMA, PartitionSpec.unpartitioned(),
                Map.of("format-version", "2"));
        for (int commit = 0; commit < 8; commit++) {
            append(table, commit * 10L, 10);
        }
        List<String> rowsBefore = rows(table);
        Path data = Path.of(java.net.URI.create(table.location())).resolve("data");
        Path oldOrphan = Files.writeString(data.resolve("abandoned-by-a-failed-write.parquet"), "not referenced");
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        Path freshOrphan = Files.writeString(data.resolve("being-written-now.parquet"), "not referenced yet");

        // when: one pass keeping only the last two snapshots
        int exit = new CommandLine(new MaintainCommand()).execute("--catalog-uri", props.get("uri"),
                "--warehouse", props.get("warehouse"), "--snapshot-age", "PT0S", "--keep-last", "2");

        // then
        table.refresh();
        assertThat(exit).isZero();
        assertThat(table.currentSnapshot().summary().get("total-data-files")).isEqualTo("1");
        assertThat(Iterables.size(table.snapshots())).isEqualTo(2);
        assertThat(rows(table)).hasSize(80).isEqualTo(rowsBefore);
        assertThat(oldOrphan).doesNotExist();
        assertThat(freshOrphan).exists();
        // the compacted-away files stay while the snapshot before the compaction is kept
        assertThat(Files.list(data).filter(f -> f.toString().endsWith(".parquet")).count()).isGreaterThan(2);
    }

    private static void append(Table table, long firstId, int count) throws Exception {
        GenericAppenderFactory appenders = new GenericAppenderFactory(table.schema(), table.spec());
        String location = table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
        DataWriter<Record> writer = appenders.newDataWriter(
                EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)), FileFormat.PARQUET, null);
        try (writer) {
            for (long id = firstId; id < firstId + count; id++) {
                GenericRecord record = GenericRecord.create(table.schema());
                record.setField("id", id);
                record.setField("name", "客户" + id);
                writer.write(record);
            }
        }
        table.newAppend().appendFile(writer.toDataFile()).commit();
    }

    private static List<String> rows(Table table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(r -> rows.add(r.getField("id") + "|" + r.getField("name")));
        }
        rows.sort(null);
        return rows;
    }
}
