package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.relocated.com.google.common.collect.Iterables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.LocalStack;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.ingest.IcebergCatalogs;
import picocli.CommandLine;

/**
 * `lakehouse maintain` on a stack of its own (maintenance rewrites the tables the other test classes
 * read): the small company ingested with a commit every 200 ms leaves many small files and
 * snapshots; one pass compacts, expires and removes an old orphan while Trino queries run against the
 * same tables; every query succeeds, and every table's row count and per-column checksums read the
 * same through Trino before and after.
 */
class MaintainCommandTest {

    static LocalStack stack;
    static Connection trino;
    static Catalog catalog;
    static final Map<String, List<Object>> before = new LinkedHashMap<>();
    static final Map<String, List<Object>> after = new LinkedHashMap<>();
    static final Map<String, long[]> filesAndSnapshotsBefore = new LinkedHashMap<>();
    static final List<String> failedQueries = new CopyOnWriteArrayList<>();
    static final AtomicInteger queriesDuringMaintenance = new AtomicInteger();
    static Path oldOrphan;
    static Path freshOrphan;
    static int exitCode;
    static String output;

    @BeforeAll
    static void ingestTheSmallCompanyThenMaintainWhileTrinoQueries() throws Exception {
        // given: the small company ingested on a stack of this test's own, committing every 200 ms so that
        // even a fast machine leaves several snapshots (how many depends on its speed, so the expiry itself is
        // proven exactly by MaintainCommandCatalogTest; here it must only leave at most the last 2)
        stack = LocalStack.start(Files.createTempDirectory("salesops-maintain-"), CompanyOnTheStack.freePorts(),
                CatalogKind.SQLITE, line -> { });
        CompanyPublisher.publish(CompanyGenerator.generate(CompanyProfile.small()), stack.kafkaBootstrap(),
                CompanyPublisher.Options.defaults(), n -> { });
        IngestRun.run(new IngestRun.Options(stack.kafkaBootstrap(), stack.catalogSettings().name(),
                stack.catalogSettings().icebergProperties(), 2, Duration.ofMillis(200), true), true);
        trino = DriverManager.getConnection(stack.trinoJdbcUrl(), "test", null);
        catalog = IcebergCatalogs.loader(stack.catalogSettings().name(), stack.catalogSettings().icebergProperties()).loadCatalog();
        for (TableIdentifier id : tables()) {
            Table table = catalog.loadTable(id);
            filesAndSnapshotsBefore.put(id.toString(), new long[] {dataFiles(table), Iterables.size(table.snapshots())});
            before.put(id.toString(), fingerprint(id));
        }
        // and a file nothing references, written 30 days ago, beside one written just now
        Path data = Path.of(java.net.URI.create(catalog.loadTable(TableIdentifier.of("raw", "calls")).location())).resolve("data");
        oldOrphan = Files.writeString(data.resolve("abandoned-by-a-failed-write.parquet"), "not referenced");
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        freshOrphan = Files.writeString(data.resolve("being-written-now.parquet"), "not referenced yet");

        // when: one maintenance pass keeping only the last 2 snapshots, while Trino queries the tables
        AtomicBoolean maintaining = new AtomicBoolean(true);
        Thread queries = new Thread(() -> queryUntil(maintaining));
        queries.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(new MaintainCommand()).execute("--catalog-uri", stack.catalogSettings().jdbcUrl(),
                    "--warehouse", stack.catalogSettings().warehouseUri(), "--snapshot-age", "PT0S", "--keep-last", "2");
        } finally {
            System.setOut(console);
            maintaining.set(false);
            queries.join();
        }
        output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        for (TableIdentifier id : tables()) {
            after.put(id.toString(), fingerprint(id));
        }
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (trino != null) {
            trino.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyTableReadsTheSameThroughTrinoAfterMaintenance() {
        assertThat(before).hasSizeGreaterThan(20);
        assertThat(after).isEqualTo(before);
        assertThat(before.get("raw.calls").get(0)).isNotEqualTo(0L);
    }

    @Test
    void queriesRunningDuringMaintenanceAllSucceed() {
        assertThat(queriesDuringMaintenance).hasPositiveValue();
        assertThat(failedQueries).isEmpty();
    }

    @Test
    void smallFilesAreCompactedAndOldSnapshotsExpired() {
        assertThat(exitCode).as(output).isZero();
        long filesBefore = 0;
        long filesAfter = 0;
        for (TableIdentifier id : tables()) {
            Table table = catalog.loadTable(id);
            long[] was = filesAndSnapshotsBefore.get(id.toString());
            assertThat(dataFiles(table)).as(id + " data files").isLessThanOrEqualTo(was[0]);
            assertThat(Iterables.size(table.snapshots())).as(id + " snapshots").isLessThanOrEqualTo(2);
            filesBefore += was[0];
            filesAfter += dataFiles(table);
        }
        assertThat(filesAfter).isLessThan(filesBefore);
        assertThat(output).contains("表维护", "数据文件 data files", "快照 snapshots", "维护完成 Maintenance done");
    }

    @Test
    void onlyAnOldUnreferencedFileIsRemoved() {
        assertThat(oldOrphan).doesNotExist();
        assertThat(freshOrphan).exists();
    }

    /** Heavy enough to scan every data file of a few tables, over and over, until maintenance is done. */
    private static void queryUntil(AtomicBoolean maintaining) {
        List<String> sql = List.of("SELECT count(*), checksum(raw_payload) FROM raw.dead_letters",
                "SELECT count(*), checksum(call_id) FROM raw.calls",
                "SELECT count(*), checksum(alert_id), checksum(status) FROM gold.alerts",
                "SELECT count(*), checksum(id) FROM raw.crm_leads");
        try (Connection connection = DriverManager.getConnection(stack.trinoJdbcUrl(), "test", null)) {
            while (maintaining.get()) {
                for (String query : sql) {
                    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
                        rs.next();
                        queriesDuringMaintenance.incrementAndGet();
                    } catch (SQLException e) {
                        failedQueries.add(query + ": " + e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            failedQueries.add("connect: " + e.getMessage());
        }
    }

    /** The row count and an order-insensitive checksum of every column, through Trino. */
    private static List<Object> fingerprint(TableIdentifier id) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + id + " LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add("checksum(\"" + meta.getColumnName(i) + "\")");
            }
        }
        List<Object> values = new ArrayList<>();
        try (Statement s = trino.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), " + String.join(", ", columns) + " FROM " + id)) {
            rs.next();
            values.add(rs.getLong(1));
            for (int i = 2; i <= columns.size() + 1; i++) {
                byte[] checksum = rs.getBytes(i);
                values.add(checksum == null ? null : java.util.HexFormat.of().formatHex(checksum));
            }
        }
        return values;
    }

    private static List<TableIdentifier> tables() {
        List<TableIdentifier> tables = new ArrayList<>();
        for (Namespace namespace : ((SupportsNamespaces) catalog).listNamespaces()) {
            tables.addAll(catalog.listTables(namespace));
        }
        return tables;
    }

    private static long dataFiles(Table table) {
        table.refresh();
        return table.currentSnapshot() == null ? 0
                : Long.parseLong(table.currentSnapshot().summary().getOrDefault("total-data-files", "0"));
    }
}
