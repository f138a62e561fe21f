package org.salesops.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the build of this module found the archives and jars the local stack runs from.
 *
 * <p>Maven resolves them (so a fresh clone only needs {@code mvn install}) and writes their paths
 * into a resource; nothing here depends on the working directory.
 */
public final class StackArtifacts {

    private static final String RESOURCE = "stack-artifacts.properties";
    private static final String REBUILD_HINT =
            "; rebuild the module so Maven resolves it again: mvn -pl infra/local -am install -DskipTests";

    private final String trinoVersion;
    private final Path trinoServerArchive;
    private final Path trinoIcebergPluginArchive;
    private final Path sqliteJdbcJar;
    private final List<Path> kafkaBrokerClasspath;

    private StackArtifacts(Properties resolved) {
        this.trinoVersion = required(resolved, "trino.version");
        this.trinoServerArchive = existing(Path.of(required(resolved, "trino.server.archive")));
        this.trinoIcebergPluginArchive = existing(Path.of(required(resolved, "trino.iceberg.plugin.archive")));
        this.sqliteJdbcJar = existing(Path.of(required(resolved, "sqlite.jdbc.jar")));
        this.kafkaBrokerClasspath = Arrays.stream(required(resolved, "kafka.broker.classpath").split(":"))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .map(StackArtifacts::existing)
                .toList();
    }

    /** The artifacts recorded when this module was built. */
    public static StackArtifacts resolvedAtBuild() {
        try (InputStream in = StackArtifacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing" + REBUILD_HINT);
            }
            Properties properties = new Properties();
            properties.load(in);
            return new StackArtifacts(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public String trinoVersion() {
        return trinoVersion;
    }

    /** {@code io.trino:trino-server-core:tar.gz}. */
    public Path trinoServerArchive() {
        return trinoServerArchive;
    }

    /** {@code io.trino:trino-iceberg:zip}. */
    public Path trinoIcebergPluginArchive() {
        return trinoIcebergPluginArchive;
    }

    /** The SQLite driver Trino's Iceberg plugin needs for the shared catalog. */
    public Path sqliteJdbcJar() {
        return sqliteJdbcJar;
    }

    /** Everything {@code kafka.Kafka} needs, and nothing of the catalog side of this module. */
    public List<Path> kafkaBrokerClasspath() {
        return kafkaBrokerClasspath;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        // An unfiltered "${...}" means the build did not resolve the artifact.
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException("No value for " + key + " in " + RESOURCE + REBUILD_HINT);
        }
        return value.trim();
    }

    private static Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Artifact " + path + " is missing" + REBUILD_HINT);
        }
        return path;
    }
}
