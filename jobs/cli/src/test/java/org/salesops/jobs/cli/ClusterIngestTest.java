package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trino.jdbc.TrinoResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.infra.local.FlinkSessionCluster;
import org.salesops.infra.local.KafkaCluster;
import org.salesops.infra.local.TrinoCluster;
import org.salesops.jobs.generator.CompanyGenerator;
import org.salesops.jobs.generator.CompanyProfile;
import org.salesops.jobs.ingest.KafkaTopics;
import org.salesops.jobs.ingest.config.IngestConfigLoader;
import org.salesops.pipelines.tables.TableDefinition;

/**
 * The job jar on a real multi-process cluster on loopback: a Flink standalone session cluster (a
 * JobManager and two TaskManagers, JVMs of their own from Maven Central jars) and three KRaft Kafka
 * brokers (replication 3, two in sync required, four partitions per topic). The jar goes in through
 * the cluster's own client ({@code flink run -d}) with the same arguments an embedded run of the same
 * entry point gets; the small company is replayed once into Kafka and read by all three runs. Every
 * table must hold exactly the embedded run's rows, also when a TaskManager and a broker are killed
 * mid-run (after a seeded number of completed checkpoints). Last, Trino as a coordinator plus one worker (two JVMs)
 * reads the cluster run's tables: row for row the embedded run's, every split read on the worker.
 *
 * <p>Slow (minutes) and heavy (up to ten JVMs): tagged {@code cluster}, run by {@code mvn -B verify -Pcluster}.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIngestTest {

    /** Built by jobs/ingest's package phase, before this module's tests in the reactor. */
    private static final Path JOB_JAR = Path.of("../ingest/target/salesops-ingest.jar");
    private static final long SEED = Long.getLong("cluster.test.seed", 20261128L);
    private static final int PARALLELISM = 2;
    private static final int PARTITIONS = 4;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);

    private Path dir;
    private KafkaCluster kafka;
    private FlinkSessionCluster flink;
    private Map<String, List<String>> embedded;

    @BeforeAll
    void startTheClustersAndRunTheJobEmbedded() throws Exception {
        assertThat(JOB_JAR).as("the job jar; build it with mvn -pl jobs/ingest -am package").isRegularFile();
        dir = Files.createTempDirectory("salesops-cluster-");
        kafka = KafkaCluster.onFreePorts(dir.resolve("kafka"), 3);
        kafka.start(System.out::println);
        KafkaTopics.ensure(kafka.bootstrapServers(), KafkaTopics.all(), PARTITIONS, (short) kafka.replication());
        CompanyPublisher.publish(CompanyGenerator.generate(CompanyProfile.small()), kafka.bootstrapServers(),
                new CompanyPublisher.Options(true, false, 250, PARTITIONS), n -> { });

        IngestRun.run(IngestConfigLoader.load(arguments("embedded"), Map.of()), true);
        embedded = tables("embedded");
        assertThat(embedded.values().stream().mapToInt(List::size).sum()).as("rows of the embedded run").isPositive();

        flink = FlinkSessionCluster.onFreePorts(dir.resolve("flink"), 2, PARALLELISM);
        flink.start(System.out::println);
    }

    @AfterAll
    void stop() {
        if (flink != null) {
            flink.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void theJobJarOnTheClusterLoadsExactlyTheEmbeddedRunsRows() throws Exception {
        String job = flink.submit(JOB_JAR, List.of(arguments("cluster")));

        assertThat(flink.awaitTerminal(job, JOB_TIMEOUT)).as("job state; logs in " + flink.logDir()).isEqualTo("FINISHED");
        assertEqualToTheEmbeddedRun(tables("cluster"));
    }

    @Test
    @Order(2)
    void losingATaskManagerAndABrokerMidRunChangesNoRow() throws Exception {
        Random random = new Random(SEED);
        long checkpointsBeforeLoss = 1 + random.nextInt(3);
        int taskManager = random.nextInt(2);
        int broker = random.nextInt(kafka.nodes().size());
        String job = flink.submit(JOB_JAR, List.of(arguments("failover")));

        awaitCheckpoints(job, checkpointsBeforeLoss);
        flink.killTaskManager(taskManager);
        kafka.nodes().get(broker).kill();

        assertThat(flink.awaitTerminal(job, JOB_TIMEOUT)).as("job state; logs in " + flink.logDir()).isEqualTo("FINISHED");
        assertThat(flink.restarts(job)).as("restarts after the TaskManager was lost").isPositive();
        assertEqualToTheEmbeddedRun(tables("failover"));
    }

    @Test
    @Order(3)
    void aTrinoCoordinatorAndWorkerReadTheClusterRunsTablesAsTheEmbeddedRunsRows_theWorkerRunningEverySplit()
            throws Exception {
        // Each run's catalog under a Trino catalog of its own name: one query compares them row by row.
        SortedMap<String, CatalogSettings> runs = new TreeMap<>(Map.of("embedded", catalog("embedded"),
                "cluster", catalog("cluster")));
        try (TrinoCluster trino = TrinoCluster.onFreePorts(dir.resolve("trino"))) {
            trino.start(runs, System.out::println);
            assertThat(trino.activeNodes()).as("system.runtime.nodes: node id -> coordinator")
                    .containsExactlyInAnyOrderEntriesOf(Map.of(trino.coordinatorNodeId(), true,
                            trino.workerNodeId(), false));
            Properties user = new Properties();
            user.setProperty("user", "test");
            try (Connection connection = DriverManager.getConnection(trino.jdbcUrl(), user);
                 Statement sql = connection.createStatement()) {
                for (Map.Entry<String, List<String>> table : embedded.entrySet()) {
                    String cluster = "\"cluster\"." + table.getKey();
                    String embeddedRun = "\"embedded\"." + table.getKey();
                    String compare = "SELECT (SELECT count(*) FROM " + cluster + "),"
                            + " (SELECT count(*) FROM (SELECT * FROM " + embeddedRun + " EXCEPT ALL SELECT * FROM " + cluster
                            + ")), (SELECT count(*) FROM (SELECT * FROM " + cluster + " EXCEPT ALL SELECT * FROM "
                            + embeddedRun + "))";
                    String queryId;
                    try (ResultSet counts = sql.executeQuery(compare)) {
                        queryId = counts.unwrap(TrinoResultSet.class).getQueryId();
                        assertThat(counts.next()).isTrue();
                        assertThat(counts.getLong(1)).as(table.getKey() + " rows through Trino")
                                .isEqualTo(table.getValue().size());
                        assertThat(counts.getLong(2)).as(table.getKey() + " rows lost on the cluster").isZero();
                        assertThat(counts.getLong(3)).as(table.getKey() + " rows too many on the cluster").isZero();
                    }
                    Map<String, Long> splits = trino.completedSplitsByNode(queryId);
                    assertThat(splits).as("completed splits by node of " + queryId + " over " + table.getKey())
                            .doesNotContainKey(trino.coordinatorNodeId());
                    if (!table.getValue().isEmpty()) {
                        assertThat(splits).as("completed splits by node of " + queryId + " over " + table.getKey())
                                .hasEntrySatisfying(trino.workerNodeId(), n -> assertThat(n).isPositive());
                    }
                }
            }
        }
    }

    /** The moment of the loss: once the job has completed this many checkpoints, while it still runs. */
    private void awaitCheckpoints(String job, long count) throws Exception {
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        while (flink.completedCheckpoints(job) < count) {
            assertThat(flink.jobState(job)).as("the job must still run when the failure is injected")
                    .isNotIn("FINISHED", "FAILED", "CANCELED");
            assertThat(Instant.now()).as("checkpoint " + count + " within the job timeout").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The job's arguments, the same for the embedded run and `flink run`: a run's own catalog and warehouse. */
    private String[] arguments(String run) throws Exception {
        Files.createDirectories(dir.resolve(run));
        CatalogSettings catalog = catalog(run);
        return new String[] {
            "--bootstrap-servers", kafka.bootstrapServers(),
            "--topic-partitions", String.valueOf(PARTITIONS),
            "--topic-replication", String.valueOf(kafka.replication()),
            "--group-id", "salesops-ingest-" + run,
            "--catalog-name", catalog.name(),
            "--catalog-uri", catalog.jdbcUrl(),
            "--warehouse", catalog.warehouseUri(),
            "--parallelism", String.valueOf(PARALLELISM),
            "--checkpoint-interval", "PT1S",
            "--bounded",
            "--job-name", "salesops ingest (" + run + ")"};
    }

    private CatalogSettings catalog(String run) {
        return CatalogSettings.sqlite(dir.resolve(run));
    }

    /** Table by table, the rows lost and the rows too many first (a whole map in a message is unreadable). */
    private void assertEqualToTheEmbeddedRun(Map<String, List<String>> tables) {
        assertThat(new LakehouseContents(tables, Map.of()).differencesFrom(new LakehouseContents(embedded, Map.of())))
                .isEqualTo("none");
        assertThat(tables).isEqualTo(embedded);
    }

    private Map<String, List<String>> tables(String run) throws Exception {
        return LakehouseContents.tables(catalog(run));
    }
}
