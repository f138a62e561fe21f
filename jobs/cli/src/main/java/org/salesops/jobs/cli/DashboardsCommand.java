package org.salesops.jobs.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.salesops.dashboards.Bundle;
import org.salesops.dashboards.BundleZip;
import org.salesops.dashboards.Cookbook;
import org.salesops.dashboards.HtmlReport;
import org.salesops.dashboards.QueryResult;
import org.salesops.dashboards.SupersetImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The Superset bundle (dashboards/superset) and what is built from it: the ZIP, its import, the HTML report, the cookbook. */
@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = "Superset dashboards 看板: build the importable ZIP, import it, write the HTML report, regenerate the cookbook.",
        subcommands = {DashboardsCommand.Zip.class, DashboardsCommand.Import.class, DashboardsCommand.Report.class,
                DashboardsCommand.CookbookOutputs.class})
public final class DashboardsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Writes the report of every dashboard from Trino and says where, and which chart query was slowest. */
    static HtmlReport.Rendered writeReport(Connection trino, String source, Path out) throws IOException {
        HtmlReport.Rendered report = HtmlReport.render(Bundle.packaged(), sql -> QueryResult.run(trino, sql), source,
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.html(), StandardCharsets.UTF_8);
        Console.step("看板报告 Dashboard report " + out.toAbsolutePath());
        HtmlReport.Timing slowest = report.slowest();
        if (slowest != null) {
            Console.detail("slowest chart query 最慢的图表查询: " + slowest.chart() + ", " + slowest.elapsed().toMillis() + " ms");
        }
        report.failures().forEach(f -> Console.detail("查询失败 failed: " + f));
        return report;
    }

    /** Where Trino is. */
    static class TrinoOptions {
        @Option(names = "--trino-url", defaultValue = "jdbc:trino://127.0.0.1:8080/lakehouse",
                description = "Trino JDBC URL (default: ${DEFAULT-VALUE}, the local stack).")
        String url;

        @Option(names = "--trino-user", defaultValue = "director", description = "Trino user (default: ${DEFAULT-VALUE}).")
        String user;

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, null);
        }
    }

    @Command(name = "zip", mixinStandardHelpOptions = true, description = "Check the bundle and write the ZIP Superset imports.")
    static final class Zip implements Callable<Integer> {
        @Option(names = "--out", defaultValue = ".lakehouse/" + BundleZip.ROOT + ".zip", description = "ZIP file (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws IOException {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, BundleZip.of(Bundle.packaged()));
            Console.step("Superset bundle " + out.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the bundle into a Superset (POST /api/v1/assets/import/, overwriting its assets).")
    static final class Import implements Callable<Integer> {
        @Option(names = "--url", required = true, description = "Superset base URL, e.g. http://superset:8088")
        URI url;

        @Option(names = "--user", required = true, description = "Superset user (database authentication).")
        String user;

        @Option(names = "--password", required = true, interactive = true, arity = "0..1", description = "Superset password.")
        String password;

        @Option(names = "--database-password", description = "Password Superset should use for Trino, if Trino needs one.")
        String databasePassword;

        @Override
        public Integer call() throws Exception {
            String answer = new SupersetImport(url).importBundle(Bundle.packaged(), user, password, databasePassword);
            Console.step("导入完成 Imported into " + url + ": " + answer);
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the dashboards as one self-contained HTML page, from Trino.")
    static final class Report implements Callable<Integer> {
        @Mixin
        TrinoOptions trino;

        @Option(names = "--out", defaultValue = ".lakehouse/report.html", description = "HTML file (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (Connection connection = trino.connect()) {
                return writeReport(connection, trino.url, out).failures().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "cookbook", mixinStandardHelpOptions = true,
            description = "Run every cookbook query on Trino and rewrite its output.md.")
    static final class CookbookOutputs implements Callable<Integer> {
        @Mixin
        TrinoOptions trino;

        @Option(names = "--dir", defaultValue = "dashboards/cookbook", description = "Cookbook folder (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--company", defaultValue = "the default generated company (./lakehouse demo)",
                description = "What the data is, written at the top of each output.md.")
        String company;

        @Override
        public Integer call() throws Exception {
            try (Connection connection = trino.connect()) {
                Cookbook.regenerate(dir, connection, company)
                        .forEach((recipe, millis) -> Console.step(recipe + ": " + millis + " ms"));
            }
            return 0;
        }
    }
}
