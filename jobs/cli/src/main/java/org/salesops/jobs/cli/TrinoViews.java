package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * Creates the analyst-facing views over the raw history through Trino: crm.&lt;table&gt; is each CRM
 * table as it is now, from the template in schemas/views/crm_current.sql.
 */
public final class TrinoViews {

    private static final String TEMPLATE = "/schemas/views/crm_current.sql";

    private TrinoViews() {
    }

    public static void createCurrentCrmViews(Connection trino) throws SQLException {
        String template = template();
        try (Statement statement = trino.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS crm");
            for (CrmSchema.Table table : CrmSchema.load().tables().values()) {
                String columns = table.columns().stream().map(CrmSchema.Column::name).collect(Collectors.joining(", "));
                statement.execute(template
                        .replace("{table}", table.name())
                        .replace("{columns}", columns)
                        .replace("{key}", table.primaryKey() != null ? table.primaryKey() : table.columns().get(0).name()));
            }
        }
    }

    private static String template() {
        try (InputStream in = TrinoViews.class.getResourceAsStream(TEMPLATE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Trino takes one statement without the leading comment lines.
            return text.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
