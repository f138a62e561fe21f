package org.salesops.infra.local;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The {@code etc/} folder of a single-node Trino (coordinator and worker in one) on 127.0.0.1, in
 * the data directory of one stack: rewritten at each start, so edits there do not last.
 */
final class TrinoEtc {

    static final String ENVIRONMENT = "salesops_local";

    /** Options of Trino's recommended jvm.config, sized for a laptop. */
    static final List<String> JVM_OPTIONS = List.of(
            "-server",
            "-Xmx2G",
            "-XX:+UseG1GC",
            "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:-OmitStackTraceInFastThrow",
            "-XX:ReservedCodeCacheSize=256M",
            "-XX:+EnableDynamicAgentLoading",
            "-Djdk.attach.allowAttachSelf=true",
            "-Dfile.encoding=UTF-8",
            // Trino's libraries still use sun.misc.Unsafe; Java 24+ would warn on every start.
            "--sun-misc-unsafe-memory-access=allow");

    private final Path dataDir;
    private final TrinoAccessControl accessControl;

    TrinoEtc(Path dataDir) {
        this.dataDir = dataDir;
        this.accessControl = new TrinoAccessControl(dir(), dataDir);
    }

    TrinoAccessControl accessControl() {
        return accessControl;
    }

    Path dir() {
        return dataDir.resolve("etc");
    }

    Path configFile() {
        return dir().resolve("config.properties");
    }

    Path catalogDir() {
        return dir().resolve("catalog");
    }

    /** What the launcher script would pass as {@code -D} from node.properties. */
    Map<String, String> nodeProperties() {
        Map<String, String> node = new LinkedHashMap<>();
        node.put("node.environment", ENVIRONMENT);
        // Stable for a data directory, different between two stacks on one machine.
        node.put("node.id", UUID.nameUUIDFromBytes(dataDir.toString().getBytes(StandardCharsets.UTF_8)).toString());
        node.put("node.data-dir", dataDir.toString());
        node.put("node.bind-ip", "127.0.0.1");
        node.put("node.internal-address", "127.0.0.1");
        return node;
    }

    void write(int httpPort, CatalogSettings catalog) throws IOException {
        Files.createDirectories(catalogDir());
        Properties node = new Properties();
        node.putAll(nodeProperties());
        store(node, dir().resolve("node.properties"));
        Files.write(dir().resolve("jvm.config"), JVM_OPTIONS);
        store(serverConfig(httpPort), configFile());
        accessControl.write();
        // Trino serves every file in this folder: one from an earlier run under another name would stay.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(catalogDir(), "*.properties")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        store(catalog.trinoCatalogProperties(), catalogDir().resolve(catalog.name() + ".properties"));
    }

    private Properties serverConfig(int httpPort) {
        Properties config = new Properties();
        config.setProperty("coordinator", "true");
        config.setProperty("node-scheduler.include-coordinator", "true");
        config.setProperty("http-server.http.port", Integer.toString(httpPort));
        config.setProperty("discovery.uri", "http://127.0.0.1:" + httpPort);
        config.setProperty("query.max-memory", "1GB");
        config.setProperty("query.max-memory-per-node", "512MB");
        config.setProperty("access-control.config-files", accessControl.propertiesFile().toString());
        return config;
    }

    private static void store(Properties properties, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Written by the local stack at each start");
        }
    }
}
