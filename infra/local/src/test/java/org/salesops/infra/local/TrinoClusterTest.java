package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.trino.jdbc.TrinoResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trino as a coordinator plus one worker, two JVMs on loopback, reading an Iceberg table that Iceberg Java
 * wrote through the shared SQLite catalog: both nodes are active, the rows come back, and the worker (not
 * the coordinator) ran the query's tasks and splits. Two Trino JVMs: tagged {@code cluster}
 * ({@code mvn -B verify -Pcluster}).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoClusterTest {

    @TempDir
    static Path dir;

    private TrinoCluster trino;
    private List<String> cdrLines;

    @BeforeAll
    void writeATableThenStartTheCluster() throws Exception {
        CatalogSettings catalog = CatalogSettings.sqlite(Files.createDirectories(dir.resolve("catalog")));
        cdrLines = AsteriskCdr.lines();
        try (JdbcCatalog iceberg = CdrSmokeTable.openCatalog(catalog)) {
            Table table = CdrSmokeTable.create(iceberg);
            CdrSmokeTable.append(table, cdrLines);
        }
        trino = TrinoCluster.onFreePorts(dir.resolve("trino"));
        trino.start(new TreeMap<>(Map.of(catalog.name(), catalog)), System.out::println);
    }

    @AfterAll
    void stop() {
        if (trino != null) {
            trino.close();
        }
    }

    @Test
    void bothNodesAreActive_theCoordinatorAsCoordinatorOnly() throws Exception {
        assertThat(trino.activeNodes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                trino.coordinatorNodeId(), true,
                trino.workerNodeId(), false));
    }

    @Test
    void theWorkerRunsTheSplitsOfAQueryOverTheIcebergTable() throws Exception {
        long expectedBillsec = cdrLines.stream()
                .mapToLong(line -> Long.parseLong(AsteriskCdr.fields(line).get(AsteriskCdr.BILLSEC))).sum();
        String queryId;
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT count(*), sum(billsec) FROM lakehouse.smoke.cdr_calls")) {
            queryId = result.unwrap(TrinoResultSet.class).getQueryId();
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isEqualTo(cdrLines.size());
            assertThat(result.getLong(2)).isEqualTo(expectedBillsec);
        }

        assertThat(trino.completedSplitsByNode(queryId)).as("completed splits of query " + queryId + " by node")
                .containsOnlyKeys(trino.workerNodeId())
                .hasEntrySatisfying(trino.workerNodeId(), splits -> assertThat(splits).isPositive());
    }

    private Connection connect() throws Exception {
        Properties user = new Properties();
        user.setProperty("user", "test");
        return DriverManager.getConnection(trino.jdbcUrl(), user);
    }
}
