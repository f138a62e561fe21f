package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The etc/ each Trino role gets: one piece of configuration for the single node and both cluster nodes. */
class TrinoEtcTest {

    @TempDir
    Path dir;

    @Test
    void theSingleNodeIsItsOwnCoordinatorWorkerAndDiscoveryServer() throws IOException {
        TrinoEtc etc = new TrinoEtc(dir.resolve("trino"), TrinoRole.SINGLE_NODE);
        etc.write(8080, "http://127.0.0.1:8080", catalogs("lakehouse"));

        assertThat(load(etc.configFile()))
                .containsEntry("coordinator", "true")
                .containsEntry("node-scheduler.include-coordinator", "true")
                .containsEntry("discovery.uri", "http://127.0.0.1:8080")
                .containsEntry("http-server.http.port", "8080");
    }

    @Test
    void theCoordinatorSchedulesNothingOnItself_theWorkerAnnouncesItselfToTheCoordinator() throws IOException {
        TrinoEtc coordinator = new TrinoEtc(dir.resolve("coordinator"), TrinoRole.COORDINATOR);
        TrinoEtc worker = new TrinoEtc(dir.resolve("worker"), TrinoRole.WORKER);
        coordinator.write(8080, "http://127.0.0.1:8080", catalogs("lakehouse"));
        worker.write(8081, "http://127.0.0.1:8080", catalogs("lakehouse"));

        assertThat(load(coordinator.configFile()))
                .containsEntry("coordinator", "true")
                .containsEntry("node-scheduler.include-coordinator", "false")
                .containsEntry("discovery.uri", "http://127.0.0.1:8080");
        assertThat(load(worker.configFile()))
                .containsEntry("coordinator", "false")
                .doesNotContainKey("node-scheduler.include-coordinator")
                .containsEntry("discovery.uri", "http://127.0.0.1:8080")
                .containsEntry("http-server.http.port", "8081");
        assertThat(worker.nodeId()).isNotEqualTo(coordinator.nodeId());
        assertThat(worker.nodeProperties()).containsEntry("node.id", worker.nodeId())
                .containsEntry("node.environment", coordinator.nodeProperties().get("node.environment"))
                .containsEntry("node.bind-ip", "127.0.0.1");
        assertThat(load(worker.catalogDir().resolve("lakehouse.properties")))
                .isEqualTo(load(coordinator.catalogDir().resolve("lakehouse.properties")));
    }

    @Test
    void servesEachCatalogUnderItsTrinoName_keyedInTheCatalogDatabaseByItsOwnName() throws IOException {
        TrinoEtc etc = new TrinoEtc(dir.resolve("trino"), TrinoRole.COORDINATOR);
        etc.write(8080, "http://127.0.0.1:8080", catalogs("embedded", "cluster"));

        try (Stream<Path> files = Files.list(etc.catalogDir())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("embedded.properties", "cluster.properties");
        }
        assertThat(load(etc.catalogDir().resolve("cluster.properties")))
                .containsEntry("iceberg.jdbc-catalog.catalog-name", CatalogSettings.DEFAULT_NAME)
                .containsEntry("iceberg.jdbc-catalog.connection-url",
                        CatalogSettings.sqlite(dir.resolve("cluster")).jdbcUrl());
        assertThatThrownBy(() -> etc.write(8080, "http://127.0.0.1:8080", catalogs("Cluster-Run")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cluster-Run");
    }

    /** One SQLite catalog per name, each in a directory of that name, all keyed "lakehouse" as the jobs write them. */
    private TreeMap<String, CatalogSettings> catalogs(String... trinoNames) {
        TreeMap<String, CatalogSettings> catalogs = new TreeMap<>();
        for (String name : trinoNames) {
            catalogs.put(name, CatalogSettings.sqlite(dir.resolve(name)));
        }
        return catalogs;
    }

    private static Map<Object, Object> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
