package org.salesops.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One Trino node in a JVM of its own (Java 24+, see {@link TrinoJava}), on 127.0.0.1: a single node
 * (coordinator and worker in one, the local stack), or the coordinator or a worker of a
 * {@link TrinoCluster}.
 *
 * <p>Started the way Trino's launcher does it, without the launcher: {@code java <jvm.config>
 * -D<node.properties> -Dconfig=etc/config.properties -cp <install>/lib/* io.trino.server.TrinoServer}.
 * The data directory holds {@code etc/} and {@code var/log/server.log}.
 */
public final class TrinoServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;

    static final String CHOOSE_ANOTHER_PORT = "choose another Trino port (StackPorts.trino)";

    private static final String PID_FILE = "trino.pid";
    // Usually 20-30 s; several builds sharing two cores have taken Trino over 180 s to load its plugins.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(360);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Pattern STARTED = Pattern.compile("\"starting\"\\s*:\\s*false");

    private final Path dataDir;
    private final int httpPort;
    private final TrinoInstallation installation;
    private final TrinoRole role;
    private final URI discoveryUri;
    private final TrinoEtc etc;
    private SortedMap<String, CatalogSettings> catalogs;
    private ServiceProcess process;

    /** A single node: coordinator and worker in one. */
    public TrinoServer(Path dataDir, int httpPort, TrinoInstallation installation) {
        this(dataDir, httpPort, installation, TrinoRole.SINGLE_NODE, null);
    }

    /** @param coordinatorUri the coordinator a worker announces itself to; null for a coordinator (itself) */
    TrinoServer(Path dataDir, int httpPort, TrinoInstallation installation, TrinoRole role, URI coordinatorUri) {
        if ((role == TrinoRole.WORKER) != (coordinatorUri != null)) {
            throw new IllegalArgumentException("A worker, and only a worker, needs its coordinator's URI");
        }
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.httpPort = httpPort;
        this.installation = installation;
        this.role = role;
        this.discoveryUri = coordinatorUri != null ? coordinatorUri : uri();
        this.etc = new TrinoEtc(this.dataDir, role);
    }

    /**
     * Fails now if Trino could not start: no Java 24+, or its port is taken. A server that a killed
     * JVM left running on this data directory is ended first.
     *
     * @throws PortInUseException if the HTTP port is taken
     */
    public void preflight(Consumer<String> progress) throws IOException {
        TrinoJava.locate();
        ServiceProcess.endLeftover(role.description(), dataDir, PID_FILE, STOP_GRACE, progress);
        LoopbackPorts.requireFree(httpPort, role.description(), CHOOSE_ANOTHER_PORT);
    }

    /**
     * Starts Trino serving {@code catalog} under its own name and returns once it accepts queries.
     * Unpacks Trino first if the cache has no copy yet.
     *
     * @throws PortInUseException if the HTTP port is taken
     */
    public void start(CatalogSettings catalog, Consumer<String> progress) throws IOException, InterruptedException {
        start(new TreeMap<>(Map.of(catalog.name(), catalog)), progress);
    }

    /** Starts this node serving {@code catalogs} (by Trino catalog name) and returns once it has started. */
    synchronized void start(SortedMap<String, CatalogSettings> catalogs, Consumer<String> progress)
            throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        launch(catalogs, progress);
        try {
            awaitStarted();
        } catch (RuntimeException | InterruptedException e) {
            stop();
            throw e;
        }
    }

    /** Starts the JVM and returns at once; {@link #awaitStarted()} waits for it. */
    synchronized void launch(SortedMap<String, CatalogSettings> catalogs, Consumer<String> progress)
            throws IOException {
        Files.createDirectories(dataDir);
        preflight(progress);
        Path javaHome = TrinoJava.locate();
        Path home = installation.ensureUnpacked(progress);
        etc.write(httpPort, discoveryUri.toString(), catalogs);
        this.catalogs = new TreeMap<>(catalogs);

        List<String> jvmOptions = new ArrayList<>(TrinoEtc.JVM_OPTIONS);
        etc.nodeProperties().forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        jvmOptions.add("-Dlog.output-file=" + logFile());
        jvmOptions.add("-Dlog.enable-console=false");
        jvmOptions.add("-Dconfig=" + etc.configFile());
        jvmOptions.add("-Dcatalog.config-dir=" + etc.catalogDir());
        jvmOptions.add("-Dplugin.dir=" + home.resolve("plugin"));
        JavaCommand server = new JavaCommand(javaHome, jvmOptions, home.resolve("lib") + "/*",
                "io.trino.server.TrinoServer", List.of());

        progress.accept("Starting " + role.description() + " on port " + httpPort + " (log: " + logFile() + ")");
        process = ServiceProcess.start(role.description(), server.argv(), dataDir, PID_FILE,
                dataDir.resolve("var").resolve("log").resolve("launcher.log"), STOP_GRACE);
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Gives the company's people their Trino groups (members by group name; see schemas/access/): the
     * rules read these to decide what each login sees. Kept for later starts on this data directory.
     */
    public void writePeopleGroups(Map<String, ? extends Collection<String>> membersByGroup) throws IOException {
        etc.accessControl().writePeople(membersByGroup);
    }

    public int httpPort() {
        return httpPort;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** {@code jdbc:trino://127.0.0.1:<port>/<catalog>}, for the catalog it was started with. */
    public String jdbcUrl() {
        if (catalogs == null || catalogs.size() != 1) {
            throw new IllegalStateException("Trino has not been started with one catalog: " + catalogs);
        }
        return "jdbc:trino://127.0.0.1:" + httpPort + "/" + catalogs.firstKey();
    }

    /** The {@code node_id} this node has in {@code system.runtime.nodes}. */
    public String nodeId() {
        return etc.nodeId();
    }

    public Path logFile() {
        return dataDir.resolve("var").resolve("log").resolve("server.log");
    }

    /** Waits until this node's {@code /v1/info} says it has started; fails if the JVM ends first. */
    void awaitStarted() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest info = HttpRequest.newBuilder(uri().resolve("/v1/info")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.exitDescription() + " while starting; see " + logFile()
                        + " and " + process.consoleLog());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(role.description() + " did not finish starting within " + START_TIMEOUT.toSeconds()
                        + " s; see " + logFile());
            }
            try {
                HttpResponse<String> response = http.send(info, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && STARTED.matcher(response.body()).find()) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Expected until the HTTP server is up.
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
