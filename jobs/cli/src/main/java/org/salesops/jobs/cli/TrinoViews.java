package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * Creates the analyst-facing views through Trino from the files in schemas/views: first crm.&lt;table&gt;
 * (each CRM table as it is now, one view per table from the template crm_current.sql), then every file
 * listed in views/index.txt, in that order.
 */
public final class TrinoViews {

    private static final String DIRECTORY = "/schemas/views/";

    private TrinoViews() {
    }

    public static void createAll(Connection trino) throws SQLException {
        try (Statement statement = trino.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS crm");
            statement.execute("CREATE SCHEMA IF NOT EXISTS gold");
            String template = statementOf("crm_current.sql");
            for (CrmSchema.Table table : CrmSchema.load().tables().values()) {
                String columns = table.columns().stream().map(CrmSchema.Column::name).collect(Collectors.joining(", "));
                statement.execute(template
                        .replace("{table}", table.name())
                        .replace("{columns}", columns)
                        .replace("{key}", table.primaryKey() != null ? table.primaryKey() : table.columns().get(0).name()));
            }
            for (String file : index()) {
                statement.execute(statementOf(file));
            }
        }
    }

    static List<String> index() {
        return read("index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The file's one statement, without its comment lines (Trino takes one statement per call). */
    private static String statementOf(String file) {
        return read(file).lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).trim();
    }

    private static String read(String file) {
        try (InputStream in = TrinoViews.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("no view file " + DIRECTORY + file + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
