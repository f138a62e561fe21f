package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.infra.local.S3Warehouse;
import org.salesops.infra.local.TrinoCluster;
import org.salesops.infra.s3.S3Server;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.config.IngestConfigLoader;
import org.salesops.pipelines.tables.TableDefinition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The ingest job with its Iceberg warehouse on S3-compatible object storage, as infra/k8s deploys it on MinIO:
 * a real S3 server (S3Proxy in its own JVM, signatures checked) with one bucket, the warehouse at
 * {@code s3://<bucket>/warehouse}, written and read through Iceberg's S3FileIO with the endpoint, path-style access,
 * region and static credentials given as the job's documented {@code catalog-property.*} keys. The small company's
 * replay must leave exactly the rows (and result-topic records) of the same replay into a warehouse on the local
 * file system; every file the tables reference must be an object the S3 API lists in the bucket; and Trino, reading
 * the same tables through its native S3 file system, must find the local run's rows too.
 */
@Tag("cluster")
class S3WarehouseIngestTest {

    private static final String BUCKET = "salesops-lakehouse";
    private static final String WAREHOUSE = "s3://" + BUCKET + "/warehouse";

    @Test
    void theJobsTablesOnS3EqualItsTablesOnTheLocalFileSystem_throughIcebergJavaAndThroughTrino(@TempDir Path dir)
            throws Exception {
        // given: the small company on a broker and its replay into a local warehouse (shared with the failover tests)
        ReplayedCompany company = ReplayedCompany.get();
        try (S3Server s3 = S3Server.start(dir.resolve("s3"));
             S3Client client = client(s3)) {
            client.createBucket(b -> b.bucket(BUCKET));
            CatalogSettings onS3 = CatalogSettings.sqlite(Files.createDirectories(dir.resolve("catalog")))
                    .on(new S3Warehouse(WAREHOUSE, s3.endpoint(), S3Server.REGION, s3.accessKey(), s3.secretKey()));

            // when: the same replay runs with its warehouse in the bucket, configured as on a cluster
            var topicsFrom = LakehouseContents.topicEnds(company.broker.bootstrapServers());
            IngestRun.run(IngestConfigLoader.load(arguments(company, onS3, dir), Map.of()), true);

            // then: every table and result topic equals the local run's
            LakehouseContents contents = company.contents(onS3, topicsFrom);
            assertThat(contents.differencesFrom(company.clean)).as("differences from the local run").isEqualTo("none");
            assertThat(contents).isEqualTo(company.clean);

            // and: the files are objects in the bucket, listed through the S3 API
            Set<String> objects = client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
                    .map(S3Object::key).collect(Collectors.toSet());
            List<String> referenced = referencedFiles(onS3);
            assertThat(referenced).as("data files of the company's tables").anyMatch(f -> f.endsWith(".parquet"));
            assertThat(referenced).allSatisfy(location -> assertThat(location).startsWith(WAREHOUSE + "/"));
            assertThat(objects).containsAll(referenced.stream().map(S3WarehouseIngestTest::key).toList());
            System.out.printf("S3 warehouse: %d rows in %d tables equal the local run's; %d objects in the bucket,"
                    + " %d of them the tables' current metadata, data and delete files%n", contents.rowCount(),
                    contents.tables().size(), objects.size(), referenced.size());

            // and: Trino reads the tables on S3 as the local run's rows
            assertTrinoReadsTheLocalRunsRows(dir, company, onS3);
        }
    }

    /** The job's own arguments: the S3 settings as {@code --catalog-property.<name>} keys, as docs/CONFIGURATION.md lists them. */
    private static String[] arguments(ReplayedCompany company, CatalogSettings onS3, Path dir) {
        List<String> arguments = new ArrayList<>(List.of(
                "--bootstrap-servers", company.broker.bootstrapServers(),
                "--catalog-name", onS3.name(),
                "--catalog-uri", onS3.jdbcUrl(),
                "--warehouse", onS3.warehouseUri(),
                "--checkpoint-interval", "PT2S",
                "--checkpoint-dir", dir.resolve("checkpoints").toString(),
                "--bounded"));
        onS3.s3().orElseThrow().icebergProperties().forEach((name, value) -> {
            arguments.add("--catalog-property." + name);
            arguments.add(value);
        });
        return arguments.toArray(String[]::new);
    }

    /**
     * The S3 run's and the local run's catalogs side by side in one Trino (a coordinator and a worker, which reads
     * the files): per table, its row count and {@code EXCEPT ALL} both ways.
     */
    private static void assertTrinoReadsTheLocalRunsRows(Path dir, ReplayedCompany company, CatalogSettings onS3)
            throws Exception {
        SortedMap<String, CatalogSettings> runs = new TreeMap<>(Map.of("s3", onS3,
                "local", company.catalog("clean")));
        try (TrinoCluster trino = TrinoCluster.onFreePorts(dir.resolve("trino"))) {
            trino.start(runs, System.out::println);
            Properties user = new Properties();
            user.setProperty("user", "test");
            try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), user);
                 Statement sql = connection.createStatement()) {
                for (Map.Entry<String, List<String>> table : company.clean.tables().entrySet()) {
                    String onS3Table = "s3." + table.getKey();
                    String localTable = "local." + table.getKey();
                    try (ResultSet counts = sql.executeQuery("SELECT (SELECT count(*) FROM " + onS3Table + "),"
                            + " (SELECT count(*) FROM (SELECT * FROM " + localTable + " EXCEPT ALL SELECT * FROM "
                            + onS3Table + ")), (SELECT count(*) FROM (SELECT * FROM " + onS3Table
                            + " EXCEPT ALL SELECT * FROM " + localTable + "))")) {
                        assertThat(counts.next()).isTrue();
                        assertThat(counts.getLong(1)).as(table.getKey() + " rows on S3 through Trino")
                                .isEqualTo(table.getValue().size());
                        assertThat(counts.getLong(2)).as(table.getKey() + " rows lost on S3").isZero();
                        assertThat(counts.getLong(3)).as(table.getKey() + " rows too many on S3").isZero();
                    }
                }
            }
        }
    }

    /** Each table's current metadata file and every data and delete file its current snapshot reads. */
    private static List<String> referencedFiles(CatalogSettings onS3) throws Exception {
        List<String> files = new ArrayList<>();
        Catalog catalog = IcebergCatalogs.loader(onS3.name(), onS3.icebergProperties()).loadCatalog();
        try {
            for (TableDefinition definition : IngestJob.tables()) {
                Table table = catalog.loadTable(definition.identifier());
                assertThat(table.io()).as("file IO of %s", definition.qualifiedName()).isInstanceOf(S3FileIO.class);
                files.add(((HasTableOperations) table).operations().current().metadataFileLocation());
                try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
                    for (FileScanTask task : tasks) {
                        files.add(task.file().location());
                        task.deletes().forEach(delete -> files.add(delete.location()));
                    }
                }
            }
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return files;
    }

    /** The object key of an {@code s3://bucket/key} location. */
    private static String key(String location) {
        return URI.create(location).getPath().substring(1);
    }

    /** A client of its own (not the job's FileIO), signing with the server's credentials. */
    private static S3Client client(S3Server s3) {
        return S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .forcePathStyle(true)
                .region(Region.of(S3Server.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .build();
    }
}
