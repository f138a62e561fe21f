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
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A single-node Trino server in a JVM of its own (Java 24+, see {@link TrinoJava}), on 127.0.0.1.
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
    private final TrinoEtc etc;
    private CatalogSettings catalog;
    private ServiceProcess process;

    public TrinoServer(Path dataDir, int httpPort, TrinoInstallation installation) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.httpPort = httpPort;
        this.installation = installation;
        this.etc = new TrinoEtc(this.dataDir);
    }

    /**
     * Fails now if Trino could not start: no Java 24+, or its port is taken. A server that a killed
     * JVM left running on this data directory is ended first.
     *
     * @throws PortInUseException if the HTTP port is taken
     */
    public void preflight(Consumer<String> progress) throws IOException {
        TrinoJava.locate();
        ServiceProcess.endLeftover("Trino server", dataDir, PID_FILE, STOP_GRACE, progress);
        LoopbackPorts.requireFree(httpPort, "Trino server", CHOOSE_ANOTHER_PORT);
    }

    /**
     * Starts Trino serving {@code catalog} and returns once it accepts queries. Unpacks Trino first
     * if the cache has no copy yet.
     *
     * @throws PortInUseException if the HTTP port is taken
     */
    public synchronized void start(CatalogSettings catalog, Consumer<String> progress)
            throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(dataDir);
        preflight(progress);
        Path javaHome = TrinoJava.locate();
        Path home = installation.ensureUnpacked(progress);
        etc.write(httpPort, catalog);
        this.catalog = catalog;

        List<String> jvmOptions = new ArrayList<>(TrinoEtc.JVM_OPTIONS);
        etc.nodeProperties().forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        jvmOptions.add("-Dlog.output-file=" + logFile());
        jvmOptions.add("-Dlog.enable-console=false");
        jvmOptions.add("-Dconfig=" + etc.configFile());
        jvmOptions.add("-Dcatalog.config-dir=" + etc.catalogDir());
        jvmOptions.add("-Dplugin.dir=" + home.resolve("plugin"));
        JavaCommand server = new JavaCommand(javaHome, jvmOptions, home.resolve("lib") + "/*",
                "io.trino.server.TrinoServer", List.of());

        progress.accept("Starting Trino on port " + httpPort + " (log: " + logFile() + ")");
        process = ServiceProcess.start("Trino server", server.argv(), dataDir, PID_FILE,
                dataDir.resolve("var").resolve("log").resolve("launcher.log"), STOP_GRACE);
        try {
            awaitStarted();
        } catch (RuntimeException | InterruptedException e) {
            stop();
            throw e;
        }
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
        if (catalog == null) {
            throw new IllegalStateException("Trino has not been started: it has no catalog yet");
        }
        return "jdbc:trino://127.0.0.1:" + httpPort + "/" + catalog.name();
    }

    public Path logFile() {
        return dataDir.resolve("var").resolve("log").resolve("server.log");
    }

    private void awaitStarted() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest info = HttpRequest.newBuilder(uri().resolve("/v1/info")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.exitDescription() + " while starting; see " + logFile()
                        + " and " + process.consoleLog());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Trino did not finish starting within " + START_TIMEOUT.toSeconds()
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
