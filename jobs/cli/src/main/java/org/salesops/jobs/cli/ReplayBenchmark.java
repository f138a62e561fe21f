package org.salesops.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salesops.infra.local.CatalogKind;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.infra.local.LocalStack;
import org.salesops.infra.local.StackPorts;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.generator.GeneratedCompany;

/**
 * Replay throughput against its limit and its floor, on one stack and one generated company in Kafka. Each repetition
 * first reads and parses every input record with no Flink ({@link RawConsumeLimit}), then reads them again and
 * stores each one's typed row or dead letter with no Flink ({@link TypedRowsFloor}), then replays them
 * through the whole ingest job (every rule, exactly-once, Iceberg commits, alerts and matches to Kafka)
 * into empty tables, bounded, on a local MiniCluster; the three alternate so that the machine's noise falls
 * on all alike. The first replay writes the catalog Trino reads; the query timings and the peak memory
 * of the stack follow. After each replay, the plain Flink SQL version of three metrics ({@link SqlBaseline})
 * reads the same topics, for its speed and its answers beside the job's.
 */
final class ReplayBenchmark {

    record Options(CompanyProfile profile, int repetitions, int parallelism, Duration checkpointing, int warmQueries) {
    }

    record Result(long records, List<RawConsumeLimit.Result> limits, List<RawConsumeLimit.Result> floors,
                  List<Duration> replays,
                  List<SqlBaseline.Result> sqlBaselines, OurFigures ours,
                  List<QueryTimings.Timing> queries, Map<String, Long> peakMemoryMiB) {

        double limitMedianPerSecond() {
            return Percentiles.median(limits.stream().map(RawConsumeLimit.Result::perSecond).toList());
        }

        double floorMedianPerSecond() {
            return Percentiles.median(floors.stream().map(RawConsumeLimit.Result::perSecond).toList());
        }

        double replayMedianPerSecond() {
            return Percentiles.median(replays.stream().map(d -> records / (d.toNanos() / 1e9)).toList());
        }

        /** The plain-SQL version reads only the four CRM topics it needs; its rate is over all records alike. */
        double sqlBaselineMedianPerSecond() {
            return Percentiles.median(sqlBaselines.stream().map(b -> records / (b.elapsed().toNanos() / 1e9)).toList());
        }
    }

    /** The job's answers to the three questions the SQL baseline asks, read through Trino. */
    record OurFigures(long respondedLeads, double medianResponseMinutes, long commitmentsKept, long commitments,
                      long stageDwellAlerts) {

        static OurFigures read(Connection trino) throws SQLException {
            double[] response = numbers(trino, "SELECT count(*), approx_percentile(response_minutes, 0.5) "
                    + "FROM gold.lead_response WHERE first_contact_at IS NOT NULL");
            double[] commitments = numbers(trino, "SELECT count_if(outcome = 'fulfilled_on_time'), count(*) "
                    + "FROM gold.commitments WHERE NOT deleted");
            double[] dwell = numbers(trino, "SELECT count(*) FROM gold.alerts WHERE rule = 'stage_dwell'");
            return new OurFigures((long) response[0], response[1], (long) commitments[0], (long) commitments[1], (long) dwell[0]);
        }

        /** The one row a query returns, as numbers. */
        private static double[] numbers(Connection trino, String sql) throws SQLException {
            try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                double[] row = new double[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getDouble(i + 1);
                }
                return row;
            }
        }
    }

    /** The CLI's own Trino account: it creates the views, and with access control on it may read every table. */
    static final String TRINO_USER = "lakehouse";

    private ReplayBenchmark() {
    }

    static Result run(Path workDir, StackPorts ports, Options options) throws Exception {
        try (LocalStack stack = LocalStack.start(workDir, ports, CatalogKind.SQLITE, Console::detail)) {
            long records = publishCompany(options.profile(), stack.kafkaBootstrap());
            List<RawConsumeLimit.Result> limits = new ArrayList<>();
            List<RawConsumeLimit.Result> floors = new ArrayList<>();
            List<Duration> replays = new ArrayList<>();
            List<SqlBaseline.Result> sqlBaselines = new ArrayList<>();
            System.gc(); // the generated company is garbage now: its memory is not the job's
            boolean ownPeakReset = PeakMemory.resetOwnPeak();
            for (int i = 1; i <= options.repetitions(); i++) {
                RawConsumeLimit.Result limit = RawConsumeLimit.run(stack.kafkaBootstrap(), options.parallelism());
                limits.add(limit);
                Console.step(String.format(Locale.ROOT, "%d/%d 极限 limit: %d records (%d rejected) in %.2f s = %.0f records/s",
                        i, options.repetitions(), limit.records(), limit.rejected(), limit.elapsed().toMillis() / 1000.0,
                        limit.perSecond()));
                CatalogSettings floorCatalog = CatalogSettings.sqlite(workDir.resolve("floor-" + i));
                Files.createDirectories(floorCatalog.warehouse());
                RawConsumeLimit.Result floor = TypedRowsFloor.run(stack.kafkaBootstrap(), options.parallelism(), floorCatalog);
                floors.add(floor);
                DemoCommand.deleteRecursively(workDir.resolve("floor-" + i));
                Console.step(String.format(Locale.ROOT, "%d/%d 下限 floor: %d records (%d dead letters) stored in %.2f s = %.0f records/s",
                        i, options.repetitions(), floor.records(), floor.rejected(), floor.elapsed().toMillis() / 1000.0,
                        floor.perSecond()));
                CatalogSettings catalog = i == 1 ? stack.catalogSettings() : CatalogSettings.sqlite(workDir.resolve("replay-" + i));
                Files.createDirectories(catalog.warehouse());
                Duration replay = IngestRun.run(new IngestRun.Options(stack.kafkaBootstrap(), catalog.name(),
                        catalog.icebergProperties(), options.parallelism(), options.checkpointing(), true), true);
                replays.add(replay);
                Console.step(String.format(Locale.ROOT, "%d/%d 回放 replay: %d records in %.2f s = %.0f records/s",
                        i, options.repetitions(), records, replay.toMillis() / 1000.0, records / (replay.toNanos() / 1e9)));
                if (i > 1) {
                    DemoCommand.deleteRecursively(workDir.resolve("replay-" + i));
                }
                SqlBaseline.Result sql = SqlBaseline.run(stack.kafkaBootstrap(), options.parallelism());
                sqlBaselines.add(sql);
                Console.step(String.format(Locale.ROOT, "%d/%d 纯 SQL 基线 plain Flink SQL baseline: three metrics in %.2f s",
                        i, options.repetitions(), sql.elapsed().toMillis() / 1000.0));
            }
            Map<String, Long> peaks = PeakMemory.peaksMiB(stack.stackDir());
            if (!ownPeakReset) {
                Console.detail("could not reset this JVM's peak RSS: its figure includes the company generator");
            }

            Console.step("查询 Query timings on Trino " + stack.trinoJdbcUrl());
            List<QueryTimings.Timing> queries;
            OurFigures ours;
            try (Connection trino = DriverManager.getConnection(stack.trinoJdbcUrl(), TRINO_USER, null)) {
                TrinoViews.createAll(trino);
                queries = QueryTimings.measure(trino, options.warmQueries());
                ours = OurFigures.read(trino);
            }
            peaks = mergeLater(peaks, PeakMemory.peaksMiB(stack.stackDir()));
            return new Result(records, limits, floors, replays, sqlBaselines, ours, queries, peaks);
        }
    }

    /** Generates the company and publishes it to Kafka; the number of input records sent. */
    private static long publishCompany(CompanyProfile profile, String kafka) throws Exception {
        Console.step("生成公司 Generating the company " + profile);
        GeneratedCompany company = CompanyGenerator.generate(profile);
        Console.detail(company.sizes());
        CompanyPublisher.Published published = CompanyPublisher.publish(company, kafka, CompanyPublisher.Options.defaults(),
                n -> { });
        Console.detail(published.total() + " input records on Kafka " + published.recordsPerFamily());
        return published.total();
    }

    /** Trino's peak may rise during the queries; the job JVM's figure stays the one taken after the replays. */
    private static Map<String, Long> mergeLater(Map<String, Long> afterReplays, Map<String, Long> afterQueries) {
        Map<String, Long> merged = new LinkedHashMap<>(afterReplays);
        afterQueries.forEach((name, mib) -> {
            if (!name.startsWith("Flink")) {
                merged.merge(name, mib, Math::max);
            }
        });
        return merged;
    }
}
