package org.salesops.pipelines.tables;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * An Iceberg table as described in schemas/tables: where it lives, what one row means, its
 * columns and partitioning. Built only by {@link TableDefinitions}; never written in Java.
 */
public record TableDefinition(
        String namespace,
        String name,
        String description,
        Schema schema,
        PartitionSpec partitionSpec,
        List<String> identifierColumns) implements Serializable {

    public TableIdentifier identifier() {
        return TableIdentifier.of(Namespace.of(namespace), name);
    }

    /** The Flink row type the Iceberg sink expects for this table. */
    public RowType rowType() {
        return FlinkSchemaUtil.convert(schema);
    }

    public String qualifiedName() {
        return namespace + "." + name;
    }
}
