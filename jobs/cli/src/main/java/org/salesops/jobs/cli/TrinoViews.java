package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * Creates the analyst-facing views through Trino from the files in schemas/views: first crm.&lt;table&gt;
 * (each CRM table as it is now, one view per table from the template crm_current.sql), then every file
 * listed in views/index.txt, in that order. Before the views, the configuration tables they read are
 * loaded from schemas/config (the scorecard thresholds).
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
            loadScorecardThresholds(statement);
            for (String file : index()) {
                statement.execute(statementOf(file));
            }
        }
    }

    /** gold.scorecard_thresholds := schemas/config/scorecard.json, replaced as a whole. */
    static void loadScorecardThresholds(Statement statement) throws SQLException {
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(read("/schemas/config/scorecard.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("schemas/config/scorecard.json is not valid JSON", e);
        }
        List<String> rows = new ArrayList<>();
        for (JsonNode m : config.get("metrics")) {
            rows.add(String.format(Locale.ROOT, "('%s', %s, %s, %s)", m.get("metric").asText().replace("'", "''"),
                    m.get("green_at").asDouble(), m.get("amber_at").asDouble(), m.get("higher_is_better").asBoolean()));
        }
        statement.execute("DELETE FROM gold.scorecard_thresholds");
        statement.execute("INSERT INTO gold.scorecard_thresholds (metric, green_at, amber_at, higher_is_better) VALUES "
                + String.join(", ", rows));
    }

    static List<String> index() {
        return read(DIRECTORY + "index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The file's one statement, without its comment lines (Trino takes one statement per call). */
    private static String statementOf(String file) {
        return read(DIRECTORY + file).lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).trim();
    }

    private static String read(String resource) {
        try (InputStream in = TrinoViews.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath (schemas module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
