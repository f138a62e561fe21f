package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CatalogSettingsTest {

    private final Path stackDir = Path.of("/var/tmp/stack");

    @Test
    void sqliteCatalogLivesInTheStackDirectory() {
        CatalogSettings sqlite = CatalogSettings.sqlite(stackDir);

        assertThat(sqlite.name()).isEqualTo("lakehouse");
        assertThat(sqlite.jdbcUrl()).startsWith("jdbc:sqlite:/var/tmp/stack/catalog.db?")
                .contains("journal_mode=WAL").contains("busy_timeout=");
        assertThat(sqlite.driverClass()).isEqualTo("org.sqlite.JDBC");
        assertThat(sqlite.warehouse()).isEqualTo(Path.of("/var/tmp/stack/warehouse"));
        assertThat(sqlite.warehouseUri()).isEqualTo("file:///var/tmp/stack/warehouse");
    }

    @Test
    void icebergGetsWhatJdbcCatalogInitializeNeeds() {
        assertThat(CatalogSettings.sqlite(stackDir).icebergProperties())
                .containsEntry("uri", CatalogSettings.sqlite(stackDir).jdbcUrl())
                .containsEntry("warehouse", "file:///var/tmp/stack/warehouse")
                .containsEntry("jdbc.schema-version", "V1")
                .containsEntry("table-default.format-version", "2")
                .containsKeys("jdbc.user", "jdbc.password");
    }

    @Test
    void trinoUsesTheSameCatalogNameUrlAndWarehouse() {
        CatalogSettings sqlite = CatalogSettings.sqlite(stackDir).withName("sales");

        Properties trino = sqlite.trinoCatalogProperties();

        assertThat(trino)
                .containsEntry("connector.name", "iceberg")
                .containsEntry("iceberg.catalog.type", "jdbc")
                .containsEntry("iceberg.jdbc-catalog.catalog-name", "sales")
                .containsEntry("iceberg.jdbc-catalog.connection-url", sqlite.jdbcUrl())
                .containsEntry("iceberg.jdbc-catalog.driver-class", "org.sqlite.JDBC")
                .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", "file:///var/tmp/stack/warehouse")
                .containsEntry("iceberg.format-version", "2")
                .containsEntry("fs.native-local.enabled", "true")
                .containsEntry("local.location", "/")
                // SQLite has no users: Trino gets no empty credentials
                .doesNotContainKeys("iceberg.jdbc-catalog.connection-user", "iceberg.jdbc-catalog.connection-password");
    }

    @Test
    void postgresCatalogPassesCredentialsToBothEngines_butNotToToString() {
        CatalogSettings postgres = CatalogSettings.postgres("jdbc:postgresql://127.0.0.1:5432/catalog", "iceberg",
                "s3cret", stackDir.resolve("warehouse"));

        assertThat(postgres.driverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(postgres.icebergProperties())
                .containsEntry("jdbc.user", "iceberg").containsEntry("jdbc.password", "s3cret");
        assertThat(postgres.trinoCatalogProperties())
                .containsEntry("iceberg.jdbc-catalog.connection-user", "iceberg")
                .containsEntry("iceberg.jdbc-catalog.connection-password", "s3cret");
        assertThat(postgres.toString()).contains("iceberg").doesNotContain("s3cret");
    }

    @Test
    void aWarehouseOnS3ReachesIcebergsS3FileIoAndTrinosNativeS3_withTheSameEndpointAndCredentials() {
        CatalogSettings onS3 = CatalogSettings.sqlite(stackDir).on(new S3Warehouse("s3://lake/warehouse",
                "http://127.0.0.1:9000", "us-east-1", "key-id", "s3cret"));

        assertThat(onS3.warehouseUri()).isEqualTo("s3://lake/warehouse");
        assertThat(onS3.withName("other").warehouseUri()).isEqualTo("s3://lake/warehouse");
        assertThat(onS3.icebergProperties())
                .containsEntry("warehouse", "s3://lake/warehouse")
                .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
                .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("s3.path-style-access", "true")
                .containsEntry("client.region", "us-east-1")
                .containsEntry("s3.access-key-id", "key-id")
                .containsEntry("s3.secret-access-key", "s3cret");
        assertThat(onS3.trinoCatalogProperties())
                .containsEntry("iceberg.jdbc-catalog.default-warehouse-dir", "s3://lake/warehouse")
                .containsEntry("fs.native-s3.enabled", "true")
                .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("s3.path-style-access", "true")
                .containsEntry("s3.region", "us-east-1")
                .containsEntry("s3.aws-access-key", "key-id")
                .containsEntry("s3.aws-secret-key", "s3cret")
                .doesNotContainKeys("fs.native-local.enabled", "local.location");
        assertThat(onS3.toString()).contains("s3://lake/warehouse").doesNotContain("s3cret");
    }
}
