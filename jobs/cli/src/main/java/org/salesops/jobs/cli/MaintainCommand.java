package org.salesops.jobs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.IcebergCatalogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Iceberg housekeeping for every table of the catalog: compacts small files, expires old snapshots
 * and removes orphan files ({@link TableMaintenance}); once, or every so often until stopped. It is a
 * command of its own rather than part of the ingest job, so that a maintenance failure never restarts
 * the ingest job and a slow compaction never delays its checkpoints; Iceberg's optimistic commits let
 * both write the same tables.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "表维护 Iceberg housekeeping: compact small files, expire old snapshots, remove orphan files, "
                + "for every table of the catalog; once, or --every interval until stopped.")
public final class MaintainCommand implements Callable<Integer> {

    @Option(names = "--stack-dir", defaultValue = ".lakehouse/stack",
            description = "The local stack whose SQLite catalog to maintain, unless --catalog-uri is given (default: ${DEFAULT-VALUE}).")
    Path stackDir;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--target-file-size-mb", defaultValue = "128",
            description = "Compaction packs small files into files of about this size (default: ${DEFAULT-VALUE} MB).")
    long targetFileSizeMb;

    @Option(names = "--snapshot-age", defaultValue = "P7D",
            description = "Snapshots younger than this are kept for time travel and running queries, ISO-8601 "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration snapshotAge;

    @Option(names = "--keep-last", defaultValue = "10",
            description = "The latest snapshots kept whatever their age, at least 2 (default: ${DEFAULT-VALUE}).")
    int keepLast;

    @Option(names = "--orphan-age", defaultValue = "P7D",
            description = "Unreferenced files are deleted only when older than this, at least 1 hour (default: ${DEFAULT-VALUE}).")
    Duration orphanAge;

    @Option(names = "--every", description = "Repeat every interval (ISO-8601, e.g. PT1H) until stopped; default: once.")
    Duration every;

    @Override
    public Integer call() throws Exception {
        MaintenancePolicy policy = new MaintenancePolicy(targetFileSizeMb * 1024 * 1024, snapshotAge, keepLast, orphanAge);
        Catalog catalog = IcebergCatalogs.loader(catalogOptions.name, catalogProperties()).loadCatalog();
        StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
        flink.setParallelism(1); // beside a running ingest job on a small machine
        TableMaintenance maintenance = new TableMaintenance(policy, flink);
        boolean allWell;
        do {
            try {
                allWell = pass(catalog, maintenance);
            } catch (RuntimeException e) {
                if (every == null) {
                    throw e;
                }
                // On a schedule, a catalog that is briefly unreachable must not end the schedule.
                Console.step("维护失败 Pass failed: " + Lakehouse.describe(e));
                allWell = false;
            }
            if (every != null) {
                Console.step("下次维护 Next pass in " + every);
                Thread.sleep(every.toMillis());
            }
        } while (every != null);
        return allWell ? 0 : 1;
    }

    /** One pass over every table; false when a table could not be maintained (it is tried again next pass). */
    private boolean pass(Catalog catalog, TableMaintenance maintenance) {
        List<TableIdentifier> tables = tables(catalog);
        Console.step("表维护 Maintaining " + tables.size() + " tables: compaction, snapshots older than " + snapshotAge
                + " beyond the last " + keepLast + ", orphan files older than " + orphanAge);
        TextTable report = new TextTable(List.of("表 table", "数据文件 data files", "合并 rewritten -> written",
                "快照 snapshots", "孤儿文件 orphans removed", "问题 problem"));
        boolean allWell = true;
        for (TableIdentifier id : tables) {
            TableMaintenance.Result r = maintenance.run(id.toString(), catalog.loadTable(id));
            report.add(List.of(r.table(), r.dataFilesBefore() + " -> " + r.dataFilesAfter(),
                    r.filesRewritten() + " -> " + r.filesWritten(), r.snapshotsBefore() + " -> " + r.snapshotsAfter(),
                    String.valueOf(r.orphansRemoved()), r.problem() == null ? "" : r.problem()));
            allWell &= r.problem() == null;
        }
        System.out.print(report.render());
        Console.step(allWell ? "维护完成 Maintenance done" : "部分表未完成，下次重试 Some tables were not maintained; see problem");
        return allWell;
    }

    private static List<TableIdentifier> tables(Catalog catalog) {
        List<TableIdentifier> tables = new ArrayList<>();
        for (Namespace namespace : ((SupportsNamespaces) catalog).listNamespaces()) {
            tables.addAll(catalog.listTables(namespace));
        }
        tables.sort((a, b) -> a.toString().compareTo(b.toString()));
        return tables;
    }

    private Map<String, String> catalogProperties() {
        return catalogOptions.given() ? catalogOptions.icebergProperties() : CatalogSettings.sqlite(stackDir).icebergProperties();
    }
}
