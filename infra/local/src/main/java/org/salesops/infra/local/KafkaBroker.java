package org.salesops.infra.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft Kafka node (broker and controller) in a JVM of its own, listening on 127.0.0.1 only: alone,
 * as in the local stack, or one of a {@link KafkaCluster}.
 *
 * <p>The broker's jars (Kafka server, Scala) stay out of the caller's classpath: the build records
 * them in a resource and the broker is started as {@code java -cp <them> kafka.Kafka server.properties}.
 * Its data directory holds server.properties, the partitions ({@code data/}) and its logs
 * ({@code logs/broker.log}, {@code logs/console.log}). The storage is formatted on first start only,
 * so topics and offsets survive a restart on the same directory.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PORT = 9092;

    static final String CHOOSE_ANOTHER_PORT =
            "choose another Kafka port (StackPorts.kafka; the controller uses that port + 1)";

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String PID_FILE = "kafka.pid";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");

    /**
     * This node's place in its KRaft quorum.
     *
     * @param voters      controller.quorum.voters of every node
     * @param replication replicas of internal and new topics
     * @param clusterId   the id every node's storage is formatted with
     */
    record Quorum(int nodeId, String voters, int replication, String clusterId) {

        static Quorum alone(int controllerPort) {
            // Same id format as "StorageTool random-uuid", without a JVM start for it.
            return new Quorum(1, KafkaServerProperties.voter(1, controllerPort), 1, Uuid.randomUuid().toString());
        }
    }

    private final Path dataDir;
    private final int port;
    private final String classpath;
    private final Quorum quorum;
    private ServiceProcess process;

    /** A broker on {@code port} (its controller on {@code port + 1}), with the jars recorded at build time. */
    public KafkaBroker(Path dataDir, int port) {
        this(dataDir, port, StackArtifacts.resolvedAtBuild().kafkaBrokerClasspath());
    }

    KafkaBroker(Path dataDir, int port, List<Path> brokerClasspath) {
        this(dataDir, port, brokerClasspath, Quorum.alone(port + 1));
    }

    KafkaBroker(Path dataDir, int port, List<Path> brokerClasspath, Quorum quorum) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.classpath = brokerClasspath.stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        this.quorum = quorum;
    }

    /**
     * Fails now if the broker could not start: its ports are taken. A broker that a killed JVM left
     * running on this data directory is ended first.
     *
     * @throws PortInUseException if the broker or controller port is taken
     */
    public void preflight(Consumer<String> progress) throws IOException {
        ServiceProcess.endLeftover("Kafka broker", dataDir, PID_FILE, STOP_GRACE, progress);
        LoopbackPorts.requireFree(port, "Kafka broker", CHOOSE_ANOTHER_PORT);
        LoopbackPorts.requireFree(controllerPort(), "Kafka controller", CHOOSE_ANOTHER_PORT);
    }

    /**
     * Starts the broker and returns once it answers an admin request.
     *
     * @throws PortInUseException if the broker or controller port is taken
     */
    public synchronized void start(Consumer<String> progress) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        launch(progress);
        awaitReady();
    }

    /**
     * Starts the process without waiting for it to answer: a node of a quorum answers only once a
     * majority of its controllers runs.
     */
    synchronized void launch(Consumer<String> progress) throws IOException, InterruptedException {
        Files.createDirectories(logsDir());
        preflight(progress);
        Path serverProperties = writeServerProperties();
        Path log4jConfig = dataDir.resolve("log4j2.properties");
        try (InputStream template = KafkaBroker.class.getResourceAsStream("kafka-broker-log4j2.properties")) {
            Files.copy(template, log4jConfig, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.add("-Dlog4j2.configurationFile=" + log4jConfig);
        jvmOptions.add("-Dkafka.logs.dir=" + logsDir());

        formatStorageOnce(jvmOptions, serverProperties, progress);
        JavaCommand broker = new JavaCommand(JavaCommand.currentJavaHome(), jvmOptions, classpath,
                "kafka.Kafka", List.of(serverProperties.toString()));
        process = ServiceProcess.start("Kafka broker", broker.argv(), dataDir, PID_FILE,
                logsDir().resolve("console.log"), STOP_GRACE);
    }

    /** Returns once the launched node answers an admin request; stops it if it does not. */
    void awaitReady() throws InterruptedException {
        try {
            awaitAnswer();
        } catch (RuntimeException | InterruptedException e) {
            stop();
            throw e;
        }
    }

    /** Ends the broker; topics and offsets stay in the data directory. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** Kills the broker's JVM outright, as a crashed machine would go (failure tests). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return port + 1;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker's own log, the first place to look when it misbehaves. */
    public Path logFile() {
        return logsDir().resolve("broker.log");
    }

    private Path logsDir() {
        return dataDir.resolve("logs");
    }

    private Path logDirs() {
        return dataDir.resolve("data");
    }

    private Path writeServerProperties() throws IOException {
        Path file = dataDir.resolve("server.properties");
        Properties properties = KafkaServerProperties.quorumNode(quorum.nodeId(), port, controllerPort(), quorum.voters(),
                quorum.replication(), logDirs());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "KRaft node " + quorum.nodeId() + " (written at each start)");
        }
        return file;
    }

    private void formatStorageOnce(List<String> jvmOptions, Path serverProperties, Consumer<String> progress)
            throws IOException, InterruptedException {
        if (Files.exists(logDirs().resolve("meta.properties"))) {
            return;
        }
        progress.accept("Formatting Kafka storage in " + logDirs() + " (first start only)");
        JavaCommand format = new JavaCommand(JavaCommand.currentJavaHome(), jvmOptions, classpath,
                "kafka.tools.StorageTool", List.of("format", "-t", quorum.clusterId(), "-c", serverProperties.toString()));
        ServiceProcess.runToEnd("Formatting the Kafka storage", format.argv(), dataDir,
                logsDir().resolve("storage-format.log"), FORMAT_TIMEOUT);
    }

    private void awaitAnswer() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        // Wait for the listener first: an admin client polling a closed port only logs noise.
        while (!LoopbackPorts.accepts(port)) {
            failIfGone(deadline);
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                failIfGone(deadline);
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(6, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                }
            }
        }
    }

    private void failIfGone(Instant deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.exitDescription() + " while starting; see " + logFile()
                    + " and " + process.consoleLog());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("Kafka broker did not answer on " + bootstrapServers() + " within "
                    + START_TIMEOUT.toSeconds() + " s; see " + logFile());
        }
    }
}
