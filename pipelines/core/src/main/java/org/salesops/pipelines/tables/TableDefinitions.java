package org.salesops.pipelines.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * Loads Iceberg table definitions from the JSON files under schemas/tables (on the classpath as
 * /schemas/tables/...). The raw CRM tables are one file for all sixteen: their entity columns come
 * from the CRM's own DDL, so a CRM column exists in exactly one place.
 */
public final class TableDefinitions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

    private TableDefinitions() {
    }

    /** A table defined by its own file, e.g. {@code load("raw/calls")}. */
    public static TableDefinition load(String path) {
        JsonNode file = read(path);
        List<ColumnSpec> columns = new ArrayList<>();
        file.get("columns").forEach(c -> columns.add(ColumnSpec.of(c)));
        return build(file, file.get("name").asText(), file.get("description").asText(), columns);
    }

    /** The raw history table of one CRM entity, e.g. {@code crmRaw("leads")} -> raw.crm_leads. */
    public static TableDefinition crmRaw(String crmTable) {
        CrmSchema.Table table = CrmSchema.load().table(crmTable);
        if (table == null) {
            throw new IllegalArgumentException("the CRM has no table " + crmTable);
        }
        JsonNode file = read("raw/crm");
        List<ColumnSpec> columns = new ArrayList<>();
        file.get("metadata_columns").forEach(c -> columns.add(ColumnSpec.of(c)));
        for (CrmSchema.Column c : table.columns()) {
            // Raw history rows are nullable: a tombstone carries only the key.
            columns.add(new ColumnSpec(c.name(), crmType(c), false, "CRM " + crmTable + "." + c.name()));
        }
        String name = file.get("name").asText().replace("{table}", crmTable);
        String description = file.get("description").asText().replace("{table}", crmTable);
        return build(file, name, description, columns);
    }

    /** Every raw table the ingest job writes: one per CRM entity, calls, bank transactions, dead letters. */
    public static List<TableDefinition> rawTables() {
        List<TableDefinition> tables = new ArrayList<>();
        CrmSchema.load().tables().keySet().forEach(t -> tables.add(crmRaw(t)));
        tables.add(load("raw/calls"));
        tables.add(load("raw/bank_transactions"));
        tables.add(load("raw/dead_letters"));
        return tables;
    }

    private record ColumnSpec(String name, String type, boolean required, String doc) {
        static ColumnSpec of(JsonNode c) {
            return new ColumnSpec(c.get("name").asText(), c.get("type").asText(),
                    c.path("required").asBoolean(false), c.path("doc").asText(null));
        }
    }

    private static TableDefinition build(JsonNode file, String name, String description, List<ColumnSpec> columns) {
        AtomicInteger ids = new AtomicInteger(1);
        List<Types.NestedField> fields = new ArrayList<>();
        for (ColumnSpec c : columns) {
            int id = ids.getAndIncrement();
            Type type = icebergType(c.type(), ids);
            fields.add(c.required()
                    ? Types.NestedField.required(id, c.name(), type, c.doc())
                    : Types.NestedField.optional(id, c.name(), type, c.doc()));
        }
        List<String> identifier = new ArrayList<>();
        file.path("identifier").forEach(n -> identifier.add(n.asText()));
        Schema schema = identifier.isEmpty() ? new Schema(fields) : withIdentifier(fields, identifier);

        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (JsonNode p : file.path("partition")) {
            String column = p.get("column").asText();
            switch (p.get("transform").asText()) {
                case "identity" -> spec.identity(column);
                case "day" -> spec.day(column);
                case "month" -> spec.month(column);
                case "year" -> spec.year(column);
                default -> throw new IllegalArgumentException(name + ": unknown partition transform " + p);
            }
        }
        return new TableDefinition(file.get("namespace").asText(), name, description, schema, spec.build(),
                List.copyOf(identifier));
    }

    private static Schema withIdentifier(List<Types.NestedField> fields, List<String> identifier) {
        Set<Integer> ids = new HashSet<>();
        for (Types.NestedField f : fields) {
            if (identifier.contains(f.name())) {
                ids.add(f.fieldId());
            }
        }
        return new Schema(fields, ids);
    }

    private static Type icebergType(String type, AtomicInteger ids) {
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Types.DecimalType.of(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (type) {
            case "string" -> Types.StringType.get();
            case "int" -> Types.IntegerType.get();
            case "long" -> Types.LongType.get();
            case "double" -> Types.DoubleType.get();
            case "boolean" -> Types.BooleanType.get();
            case "date" -> Types.DateType.get();
            case "timestamptz" -> Types.TimestampType.withZone();
            case "list<string>" -> Types.ListType.ofOptional(ids.getAndIncrement(), Types.StringType.get());
            case "list<long>" -> Types.ListType.ofOptional(ids.getAndIncrement(), Types.LongType.get());
            default -> throw new IllegalArgumentException("unknown column type " + type);
        };
    }

    private static String crmType(CrmSchema.Column c) {
        return switch (c.type()) {
            case BIGINT -> "long";
            case INTEGER -> "int";
            case TEXT -> "string";
            case BOOLEAN -> "boolean";
            case NUMERIC -> "decimal(" + c.precision() + "," + c.scale() + ")";
            case TIMESTAMPTZ -> "timestamptz";
            case DATE -> "date";
        };
    }

    private static JsonNode read(String path) {
        String resource = "/schemas/tables/" + path + ".json";
        try (InputStream in = TableDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no table definition " + resource + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
