package org.salesops.infra.local;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/** An Iceberg table of Asterisk CDR rows, written from Java through the stack's shared JDBC catalog. */
final class CdrSmokeTable {

    static final Namespace NAMESPACE = Namespace.of("smoke");
    static final String TABLE_NAME = "cdr_calls";
    static final TableIdentifier IDENTIFIER = TableIdentifier.of(NAMESPACE, TABLE_NAME);

    static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "uniqueid", Types.StringType.get()),
            Types.NestedField.optional(2, "src", Types.StringType.get()),
            Types.NestedField.optional(3, "dst", Types.StringType.get()),
            Types.NestedField.optional(4, "disposition", Types.StringType.get()),
            Types.NestedField.optional(5, "billsec", Types.IntegerType.get()));

    private CdrSmokeTable() {
    }

    /** Opens the catalog the way a Flink job would: same name, same properties. */
    static JdbcCatalog openCatalog(CatalogSettings settings) {
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize(settings.name(), settings.icebergProperties());
        return catalog;
    }

    static Table create(JdbcCatalog catalog) {
        catalog.createNamespace(NAMESPACE, Map.of());
        return catalog.createTable(IDENTIFIER, SCHEMA, PartitionSpec.unpartitioned());
    }

    /** Appends one row per cdr_csv line, as one Parquet file in one snapshot. */
    static void append(Table table, List<String> cdrLines) throws IOException {
        String path = table.location() + "/data/" + UUID.randomUUID() + ".parquet";
        DataWriter<Record> writer = Parquet.writeData(table.io().newOutputFile(path))
                .forTable(table)
                .createWriterFunc(GenericParquetWriter::create)
                .overwrite()
                .build();
        try (writer) {
            for (String line : cdrLines) {
                writer.write(toRecord(AsteriskCdr.fields(line)));
            }
        }
        table.newAppend().appendFile(writer.toDataFile()).commit();
    }

    static int formatVersion(Table table) {
        return ((HasTableOperations) table).operations().current().formatVersion();
    }

    private static Record toRecord(List<String> cdr) {
        GenericRecord record = GenericRecord.create(SCHEMA);
        record.setField("uniqueid", cdr.get(AsteriskCdr.UNIQUEID));
        record.setField("src", cdr.get(AsteriskCdr.SRC));
        record.setField("dst", cdr.get(AsteriskCdr.DST));
        record.setField("disposition", cdr.get(AsteriskCdr.DISPOSITION));
        record.setField("billsec", Integer.parseInt(cdr.get(AsteriskCdr.BILLSEC)));
        return record;
    }
}
