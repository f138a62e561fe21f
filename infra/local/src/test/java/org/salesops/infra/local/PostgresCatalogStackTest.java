package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.iceberg.Table;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production-like catalog: an embedded PostgreSQL server shared by Iceberg Java and Trino. */
class PostgresCatalogStackTest {

    @TempDir
    Path stackDir;

    @Test
    void bothEnginesShareThePostgresCatalog() throws Exception {
        List<String> cdrLines = AsteriskCdr.lines();
        StackPorts ports = new StackPorts(FreePorts.withNextFree(), FreePorts.any());

        // given: a table written by Iceberg Java into the PostgreSQL-backed catalog
        try (LocalStack stack = LocalStack.start(stackDir, ports, CatalogKind.POSTGRES, line -> { })) {
            assertThat(stack.catalogSettings().jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            try (JdbcCatalog catalog = CdrSmokeTable.openCatalog(stack.catalogSettings())) {
                Table table = CdrSmokeTable.create(catalog);
                CdrSmokeTable.append(table, cdrLines);
            }

            // then: the catalog row is keyed by the shared catalog name, and Trino reads the table
            assertThat(catalogRows(stack.catalogSettings())).containsExactly("lakehouse.smoke.cdr_calls");
            try (Connection trino = DriverManager.getConnection(stack.trinoJdbcUrl(), trinoUser());
                 Statement sql = trino.createStatement()) {
                assertThat(single(sql, "SELECT count(*) FROM smoke.cdr_calls")).isEqualTo(cdrLines.size());
                assertThat(single(sql, "SELECT count(*) FROM \"smoke\".\"cdr_calls$snapshots\"")).isEqualTo(1);
            }
        }
    }

    private static List<String> catalogRows(CatalogSettings settings) throws SQLException {
        try (Connection postgres = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement sql = postgres.createStatement();
             ResultSet rows = sql.executeQuery(
                     "SELECT catalog_name || '.' || table_namespace || '.' || table_name FROM iceberg_tables")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static Properties trinoUser() {
        Properties properties = new Properties();
        // A service account of schemas/access/groups.txt: the access rules give it everything.
        properties.setProperty("user", "test");
        return properties;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}
