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
import java.util.SortedMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code etc/} folder of one Trino node on 127.0.0.1 in its data directory: a single node
 * (coordinator and worker in one, the local stack), or the coordinator or a worker of a cluster.
 * Every node gets the same catalogs, access rules and JVM options; only {@code config.properties}
 * differs by role. Rewritten at each start, so edits there do not last.
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

    private static final Pattern CATALOG_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Path dataDir;
    private final TrinoRole role;
    private final TrinoAccessControl accessControl;

    TrinoEtc(Path dataDir, TrinoRole role) {
        this.dataDir = dataDir;
        this.role = role;
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
        node.put("node.id", nodeId());
        node.put("node.data-dir", dataDir.toString());
        node.put("node.bind-ip", "127.0.0.1");
        node.put("node.internal-address", "127.0.0.1");
        return node;
    }

    /** Stable for a data directory, different between two stacks or two nodes of a cluster on one machine. */
    String nodeId() {
        return UUID.nameUUIDFromBytes(dataDir.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param discoveryUri where the node announces itself: its own URI on a coordinator, the coordinator's on a worker
     * @param catalogs     by Trino catalog name (the file name under {@code etc/catalog/})
     */
    void write(int httpPort, String discoveryUri, SortedMap<String, CatalogSettings> catalogs) throws IOException {
        Files.createDirectories(catalogDir());
        Properties node = new Properties();
        node.putAll(nodeProperties());
        store(node, dir().resolve("node.properties"));
        Files.write(dir().resolve("jvm.config"), JVM_OPTIONS);
        store(serverConfig(httpPort, discoveryUri), configFile());
        accessControl.write();
        // Trino serves every file in this folder: one from an earlier run under another name would stay.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(catalogDir(), "*.properties")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, CatalogSettings> catalog : catalogs.entrySet()) {
            if (!CATALOG_NAME.matcher(catalog.getKey()).matches()) {
                throw new IllegalArgumentException("Trino catalog name '" + catalog.getKey()
                        + "' must be lower case letters, digits and _ (it names a file and is used unquoted)");
            }
            store(catalog.getValue().trinoCatalogProperties(), catalogDir().resolve(catalog.getKey() + ".properties"));
        }
    }

    private Properties serverConfig(int httpPort, String discoveryUri) {
        Properties config = new Properties();
        config.setProperty("coordinator", Boolean.toString(role.isCoordinator()));
        if (role.isCoordinator()) {
            config.setProperty("node-scheduler.include-coordinator", Boolean.toString(role == TrinoRole.SINGLE_NODE));
        }
        config.setProperty("http-server.http.port", Integer.toString(httpPort));
        config.setProperty("discovery.uri", discoveryUri);
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
