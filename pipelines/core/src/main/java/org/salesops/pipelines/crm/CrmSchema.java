package org.salesops.pipelines.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRM's tables and columns, read from the given DDL (schemas/input/crm-source.sql) so that
 * the parser, the generator and the raw Iceberg tables share one definition of each CRM entity.
 */
public final class CrmSchema {

    public static final String RESOURCE = "/schemas/input/crm-source.sql";

    /** Column types that occur in the CRM's DDL. */
    public enum SqlType { BIGINT, INTEGER, TEXT, BOOLEAN, NUMERIC, TIMESTAMPTZ, DATE }

    public record Column(String name, SqlType type, int precision, int scale, boolean notNull) {
    }

    public record Table(String name, List<Column> columns, String primaryKey) {
        public Column column(String columnName) {
            for (Column c : columns) {
                if (c.name().equals(columnName)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final Pattern CREATE =
            Pattern.compile("CREATE TABLE\\s+(\\w+)\\s*\\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN =
            Pattern.compile("^\\s*(\\w+)\\s+(bigint|integer|text|boolean|timestamptz|date|numeric\\((\\d+),(\\d+)\\))(.*)$");

    private static volatile CrmSchema loaded;

    private final Map<String, Table> tables;

    private CrmSchema(Map<String, Table> tables) {
        this.tables = Collections.unmodifiableMap(tables);
    }

    /** The schema from the classpath copy of schemas/input/crm-source.sql (parsed once). */
    public static CrmSchema load() {
        CrmSchema schema = loaded;
        if (schema == null) {
            try (InputStream in = CrmSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath (schemas module missing?)");
                }
                schema = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = schema;
        }
        return schema;
    }

    static CrmSchema parse(String ddl) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Matcher create = CREATE.matcher(ddl);
        while (create.find()) {
            String tableName = create.group(1);
            List<Column> columns = new ArrayList<>();
            String primaryKey = null;
            for (String line : create.group(2).split("\n")) {
                String code = line.replaceAll("--.*$", "");
                Matcher m = COLUMN.matcher(code);
                if (!m.matches()) {
                    continue;
                }
                String rest = m.group(5).toUpperCase();
                String typeText = m.group(2);
                SqlType type = typeText.startsWith("numeric") ? SqlType.NUMERIC : SqlType.valueOf(typeText.toUpperCase());
                int precision = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                int scale = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
                boolean pk = rest.contains("PRIMARY KEY");
                columns.add(new Column(m.group(1), type, precision, scale, pk || rest.contains("NOT NULL")));
                if (pk) {
                    primaryKey = m.group(1);
                }
            }
            tables.put(tableName, new Table(tableName, List.copyOf(columns), primaryKey));
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no CREATE TABLE found in the CRM schema");
        }
        return new CrmSchema(tables);
    }

    public Map<String, Table> tables() {
        return tables;
    }

    /** The table, or null when the CRM has no such table. */
    public Table table(String name) {
        return tables.get(name);
    }
}
