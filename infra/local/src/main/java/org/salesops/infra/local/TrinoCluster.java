package org.salesops.infra.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Trino as a cluster on loopback: a coordinator that schedules no work on itself
 * ({@code node-scheduler.include-coordinator=false}) and one worker, each a {@link TrinoServer} JVM with
 * its own node id, data directory and HTTP port, the worker announcing itself to the coordinator's
 * discovery URI. Both serve the same Iceberg catalogs, configured as the local stack configures its
 * single node. Queries go to the coordinator ({@link #jdbcUrl()}); every task of them runs on the worker.
 */
public final class TrinoCluster implements AutoCloseable {

    /** A service account of schemas/access/groups.txt: may read system tables. */
    static final String SERVICE_USER = "lakehouse";

    // A worker announces itself within seconds of starting; a loaded machine can take far longer.
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(360);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final TrinoServer coordinator;
    private final TrinoServer worker;

    private TrinoCluster(TrinoServer coordinator, TrinoServer worker) {
        this.coordinator = coordinator;
        this.worker = worker;
    }

    /** A coordinator under {@code dir/coordinator} and a worker under {@code dir/worker}, on ports free now. */
    public static TrinoCluster onFreePorts(Path dir, TrinoInstallation installation) {
        int coordinatorPort = LoopbackPorts.free();
        int workerPort = LoopbackPorts.free();
        while (workerPort == coordinatorPort) {
            workerPort = LoopbackPorts.free();
        }
        TrinoServer coordinator = new TrinoServer(dir.resolve("coordinator"), coordinatorPort, installation,
                TrinoRole.COORDINATOR, null);
        TrinoServer worker = new TrinoServer(dir.resolve("worker"), workerPort, installation, TrinoRole.WORKER,
                coordinator.uri());
        return new TrinoCluster(coordinator, worker);
    }

    /** With Trino unpacked in {@link TrinoInstallation#defaultCacheDir()}, as the local stack has it. */
    public static TrinoCluster onFreePorts(Path dir) {
        return onFreePorts(dir, TrinoInstallation.of(TrinoInstallation.defaultCacheDir(),
                StackArtifacts.resolvedAtBuild()));
    }

    /**
     * Starts both nodes serving {@code catalogs} (by Trino catalog name) and returns once the coordinator
     * lists both as active in {@code system.runtime.nodes}: before that, a query finds no worker to run on.
     */
    public void start(SortedMap<String, CatalogSettings> catalogs, Consumer<String> progress)
            throws IOException, InterruptedException {
        SortedMap<String, CatalogSettings> served = new TreeMap<>(catalogs);
        try {
            // Both JVMs load their plugins at the same time; the worker retries its announcement until
            // the coordinator listens.
            coordinator.launch(served, progress);
            worker.launch(served, progress);
            coordinator.awaitStarted();
            worker.awaitStarted();
            awaitActiveNodes(Set.of(coordinator.nodeId(), worker.nodeId()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        progress.accept("Trino cluster ready at " + jdbcUrl() + ": coordinator " + coordinator.nodeId()
                + ", worker " + worker.nodeId());
    }

    /** {@code jdbc:trino://127.0.0.1:<coordinator port>}: name the catalog in each query. */
    public String jdbcUrl() {
        return "jdbc:trino://127.0.0.1:" + coordinator.httpPort();
    }

    public URI coordinatorUri() {
        return coordinator.uri();
    }

    public String coordinatorNodeId() {
        return coordinator.nodeId();
    }

    public String workerNodeId() {
        return worker.nodeId();
    }

    public List<Path> logFiles() {
        return List.of(coordinator.logFile(), worker.logFile());
    }

    /** Stops the worker, then the coordinator; safe to call more than once. */
    @Override
    public void close() {
        worker.stop();
        coordinator.stop();
    }

    /** The nodes {@code system.runtime.nodes} lists as active: node id -> whether it is the coordinator. */
    public Map<String, Boolean> activeNodes() throws SQLException {
        Map<String, Boolean> coordinatorByNode = new HashMap<>();
        try (Connection trino = connect();
             Statement sql = trino.createStatement();
             ResultSet nodes = sql.executeQuery("SELECT node_id, coordinator FROM system.runtime.nodes"
                     + " WHERE state = 'active'")) {
            while (nodes.next()) {
                coordinatorByNode.put(nodes.getString(1), nodes.getBoolean(2));
            }
        }
        return coordinatorByNode;
    }

    /**
     * Where a query ran: its tasks' completed splits by node id, from {@code system.runtime.tasks} (each node
     * reports the tasks it ran, for some minutes after the query ends).
     */
    public Map<String, Long> completedSplitsByNode(String queryId) throws SQLException {
        Map<String, Long> splits = new HashMap<>();
        try (Connection trino = connect();
             PreparedStatement tasks = trino.prepareStatement("SELECT node_id, sum(completed_splits)"
                     + " FROM system.runtime.tasks WHERE query_id = ? GROUP BY node_id")) {
            tasks.setString(1, queryId);
            try (ResultSet rows = tasks.executeQuery()) {
                while (rows.next()) {
                    splits.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return splits;
    }

    private Connection connect() throws SQLException {
        Properties user = new Properties();
        user.setProperty("user", SERVICE_USER);
        return DriverManager.getConnection(jdbcUrl(), user);
    }

    private void awaitActiveNodes(Set<String> nodeIds) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOIN_TIMEOUT);
        Set<String> active = Set.of();
        while (!active.containsAll(nodeIds)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Trino nodes " + nodeIds + " not all active after "
                        + JOIN_TIMEOUT.toSeconds() + " s (active: " + active + "); see " + logFiles());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            try {
                active = activeNodes().keySet();
            } catch (SQLException notYet) {
                // The coordinator may still refuse queries while it waits for a worker.
            }
        }
    }
}
