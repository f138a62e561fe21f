package org.salesops.jobs.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigLoaderTest {

    private static final String[] REQUIRED = {"--bootstrap-servers", "k1:9092", "--catalog-uri", "jdbc:sqlite:/c.db",
            "--warehouse", "file:///w"};

    @TempDir
    Path dir;

    @Test
    void givenOnlyTheRequiredKeysEveryOtherKeyHasItsDocumentedDefault() {
        IngestConfig config = IngestConfigLoader.load(REQUIRED, Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("k1:9092");
        assertThat(config.groupId()).isEqualTo("salesops-ingest");
        assertThat(config.topicPartitions()).isEqualTo(2);
        assertThat(config.topicReplication()).isEqualTo((short) 1);
        assertThat(config.catalogName()).isEqualTo("lakehouse");
        assertThat(config.catalogProperties()).containsEntry("uri", "jdbc:sqlite:/c.db")
                .containsEntry("warehouse", "file:///w").containsEntry("jdbc.user", "").containsEntry("jdbc.password", "")
                .containsEntry("jdbc.schema-version", "V1").containsEntry("table-default.format-version", "2");
        assertThat(config.parallelism()).isEqualTo(2);
        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.bounded()).isFalse();
        assertThat(config.liveLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.jobName()).isEqualTo("salesops ingest");
    }

    /** The demo passes null for "no restore"; the job reads that as the empty default, not as a crash. */
    @Test
    void aRunStartedByCodeWithoutACheckpointToRestoreStartsFresh() {
        IngestConfig config = IngestConfig.embedded("127.0.0.1:9092", "lakehouse", Map.of(), 2, Duration.ofSeconds(30),
                true, Duration.ofSeconds(5)).recovering("/tmp/checkpoints", null);

        assertThat(config.restoreFrom()).isEmpty();
        assertThat(config.checkpointDir()).isEqualTo("/tmp/checkpoints");
    }

    @Test
    void argumentsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, """
                parallelism=3
                checkpoint-interval=PT30S
                group-id=from-file
                job-name=from file
                """);
        Map<String, String> env = Map.of(
                "SALESOPS_CONFIG", file.toString(),
                "SALESOPS_PARALLELISM", "4",
                "SALESOPS_CHECKPOINT_INTERVAL", "PT20S",
                "SALESOPS_BOOTSTRAP_SERVERS", "env:9092",
                "SALESOPS_CATALOG_URI", "jdbc:sqlite:/env.db",
                "SALESOPS_WAREHOUSE", "file:///env");

        IngestConfig config = IngestConfigLoader.load(new String[] {"--parallelism", "5", "--bootstrap-servers=arg:9092"}, env);

        assertThat(config.parallelism()).as("argument over environment and file").isEqualTo(5);
        assertThat(config.bootstrapServers()).as("argument over environment").isEqualTo("arg:9092");
        assertThat(config.checkpointInterval()).as("environment over file").isEqualTo(Duration.ofSeconds(20));
        assertThat(config.groupId()).as("file over default").isEqualTo("from-file");
        assertThat(config.jobName()).isEqualTo("from file");
        assertThat(config.topicPartitions()).as("default").isEqualTo(2);
        assertThat(config.catalogProperties()).containsEntry("uri", "jdbc:sqlite:/env.db");
    }

    @Test
    void aYamlFileNamedByArgumentIsReadAndTheArgumentBeatsTheEnvironmentsFile() throws IOException {
        Path yaml = dir.resolve("ingest.yaml");
        Files.writeString(yaml, """
                bootstrap-servers: kafka-0:9092,kafka-1:9092
                catalog-uri: jdbc:postgresql://catalog:5432/iceberg
                catalog-user: iceberg
                warehouse: s3://lake/warehouse
                topic-replication: 3
                bounded: true
                """);
        Path other = dir.resolve("other.properties");
        Files.writeString(other, "topic-replication=2\n");

        IngestConfig config = IngestConfigLoader.load(new String[] {"--config", yaml.toString()},
                Map.of("SALESOPS_CONFIG", other.toString(), "SALESOPS_CATALOG_PASSWORD", "secret"));

        assertThat(config.bootstrapServers()).isEqualTo("kafka-0:9092,kafka-1:9092");
        assertThat(config.topicReplication()).isEqualTo((short) 3);
        assertThat(config.bounded()).isTrue();
        assertThat(config.catalogProperties()).containsEntry("jdbc.user", "iceberg").containsEntry("jdbc.password", "secret");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void aFlagWithoutValueIsTrue() {
        String[] args = append(REQUIRED, "--bounded");
        assertThat(IngestConfigLoader.load(args, Map.of()).bounded()).isTrue();
        assertThat(IngestConfigLoader.load(append(REQUIRED, "--bounded", "false"), Map.of()).bounded()).isFalse();
    }

    @Test
    void anUnknownKeyInTheArgumentsIsRejectedWithTheKnownKeys() {
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--paralelism", "3"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown configuration key 'paralelism' in the arguments")
                .hasMessageContaining("parallelism")
                .hasMessageContaining("docs/CONFIGURATION.md");
    }

    @Test
    void anUnknownKeyInTheFileIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "checkpoint-intervall: PT1M\n");
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--config", file.toString()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown configuration key 'checkpoint-intervall' in " + file);
    }

    @Test
    void unrelatedEnvironmentVariablesWithThePrefixAreIgnored() {
        // Kubernetes adds <SERVICE>_PORT and <SERVICE>_SERVICE_HOST for a service named "salesops".
        IngestConfig config = IngestConfigLoader.load(REQUIRED, Map.of("SALESOPS_PORT", "tcp://10.0.0.1:80"));
        assertThat(config.bootstrapServers()).isEqualTo("k1:9092");
    }

    @Test
    void aMissingRequiredKeyNamesItsArgumentAndVariable() {
        assertThatThrownBy(() -> IngestConfigLoader.load(new String[] {"--bootstrap-servers", "k:9092",
                "--catalog-uri", "jdbc:sqlite:/c.db"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing configuration warehouse")
                .hasMessageContaining("SALESOPS_WAREHOUSE");
    }

    @Test
    void badValuesAreRejectedWithTheKey() {
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--parallelism", "0"), Map.of()))
                .hasMessageContaining("parallelism must be a whole number");
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--checkpoint-interval", "10s"), Map.of()))
                .hasMessageContaining("checkpoint-interval must be a positive ISO-8601 duration");
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--bounded=yes"), Map.of()))
                .hasMessageContaining("bounded must be true or false");
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "stray"), Map.of()))
                .hasMessageContaining("Unexpected argument 'stray'");
    }

    @Test
    void theDefaultCatalogIsTheJdbcOneAsBefore() {
        IngestConfig config = IngestConfigLoader.load(REQUIRED, Map.of());
        assertThat(config.catalogProperties()).containsEntry("type", "jdbc").doesNotContainKey("io-impl");
    }

    @Test
    void aRestCatalogWithItsWarehouseOnS3TakesItsIcebergPropertiesFromTheFile() throws IOException {
        Path file = dir.resolve("ingest.yaml");
        Files.writeString(file, """
                bootstrap-servers: kafka:9092
                catalog-type: rest
                catalog-uri: http://iceberg-rest:8181
                warehouse: s3://salesops-lakehouse/warehouse
                catalog-property.io-impl: org.apache.iceberg.aws.s3.S3FileIO
                catalog-property.s3.endpoint: http://minio:9000
                catalog-property.s3.path-style-access: true
                """);

        IngestConfig config = IngestConfigLoader.load(new String[] {"--config", file.toString(),
                "--catalog-property.client.region", "us-east-1"}, Map.of());

        assertThat(config.catalogProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "type", "rest",
                "uri", "http://iceberg-rest:8181",
                "warehouse", "s3://salesops-lakehouse/warehouse",
                "table-default.format-version", "2",
                "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                "s3.endpoint", "http://minio:9000",
                "s3.path-style-access", "true",
                "client.region", "us-east-1"));
    }

    @Test
    void passedThroughPropertiesWinAndTheirSecretsAreNotLogged() {
        IngestConfig config = IngestConfigLoader.load(append(REQUIRED, "--catalog-property.jdbc.schema-version=V0",
                "--catalog-property.s3.secret-access-key=hunter2", "--catalog-password=pw"), Map.of());

        assertThat(config.catalogProperties()).containsEntry("jdbc.schema-version", "V0")
                .containsEntry("s3.secret-access-key", "hunter2");
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("=pw")
                .contains("s3.secret-access-key=***");
    }

    @Test
    void aRestCatalogRefusesTheJdbcLoginAndAnUnknownTypeIsNamed() {
        String[] rest = {"--bootstrap-servers", "k:9092", "--catalog-type", "rest", "--catalog-uri", "http://r:8181",
                "--warehouse", "s3://b/w"};
        assertThatThrownBy(() -> IngestConfigLoader.load(rest, Map.of("SALESOPS_CATALOG_PASSWORD", "pw")))
                .hasMessageContaining("catalog-user and catalog-password are the JDBC catalog's database login");
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--catalog-type", "hive"), Map.of()))
                .hasMessageContaining("catalog-type must be one of jdbc, rest, not 'hive'");
        assertThatThrownBy(() -> IngestConfigLoader.load(append(REQUIRED, "--catalog-property.", "x"), Map.of()))
                .hasMessageContaining("Unknown configuration key 'catalog-property.'");
    }

    private static String[] append(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
