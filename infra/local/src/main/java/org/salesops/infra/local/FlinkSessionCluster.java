package org.salesops.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Flink standalone session cluster on loopback: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each a JVM
 * of its own started from the Maven Central jars a distribution's lib/ holds (infra-flink-cluster),
 * with a generated {@code conf/config.yaml}. Jobs go in through the cluster's own client
 * ({@code CliFrontend run -d}, i.e. {@code flink run}); their state is read from the REST API.
 *
 * <p>The cluster restarts a failed job from its last checkpoint (fixed delay), keeps checkpoints in
 * {@code <dir>/checkpoints} which every TaskManager sees, and spreads a job's slots over the
 * TaskManagers, so losing one costs a restart on the others.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    private static final String RESOURCE = "flink-cluster.properties";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");

    private final Path dir;
    private final int rpcPort;
    private final int restPort;
    private final int taskManagers;
    private final int slotsPerTaskManager;
    private final String classpath;
    private final List<String> jvmOpens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServiceProcess jobManager;
    private final List<ServiceProcess> taskManagerProcesses = new ArrayList<>();

    private FlinkSessionCluster(Path dir, int rpcPort, int restPort, int taskManagers, int slotsPerTaskManager) {
        this.dir = dir.toAbsolutePath().normalize();
        this.rpcPort = rpcPort;
        this.restPort = restPort;
        this.taskManagers = taskManagers;
        this.slotsPerTaskManager = slotsPerTaskManager;
        Properties resolved = resolvedAtBuild();
        this.classpath = resolved.getProperty("flink.cluster.classpath");
        this.jvmOpens = Arrays.stream(resolved.getProperty("flink.jvm.opens").trim().split("\\s+")).toList();
    }

    /** A cluster under {@code dir} on ports free now. */
    public static FlinkSessionCluster onFreePorts(Path dir, int taskManagers, int slotsPerTaskManager) {
        return new FlinkSessionCluster(dir, LoopbackPorts.free(), LoopbackPorts.free(), taskManagers, slotsPerTaskManager);
    }

    /** Starts the JobManager and the TaskManagers; returns once every TaskManager has registered. */
    public void start(Consumer<String> progress) throws IOException, InterruptedException {
        writeConfiguration();
        progress.accept("Starting a Flink JobManager (REST " + restUrl() + ") and " + taskManagers + " TaskManagers");
        jobManager = launch("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                resourceParameters("GET_JM_RESOURCE_PARAMS"));
        ResourceParameters taskManager = resourceParameters("GET_TM_RESOURCE_PARAMS");
        for (int i = 0; i < taskManagers; i++) {
            taskManagerProcesses.add(launch("taskmanager-" + i, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                    taskManager));
        }
        awaitTaskManagers(taskManagers);
    }

    /**
     * Submits a job jar with {@code flink run -d}: the jar's main runs in a client JVM with only
     * Flink's jars and the job jar, then the job runs detached on the cluster.
     *
     * @return the job's id
     */
    public String submit(Path jobJar, List<String> programArguments) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("run", "-d", jobJar.toAbsolutePath().toString()));
        arguments.addAll(programArguments);
        JavaCommand client = new JavaCommand(JavaCommand.currentJavaHome(), jvmOptions("client", List.of("-Xmx768m")), classpath,
                "org.apache.flink.client.cli.CliFrontend", arguments);
        Path log = dir.resolve("log").resolve("client-console.log");
        Files.deleteIfExists(log);
        // The client finds conf/ beside its working directory, as bin/flink does.
        ServiceProcess.runToEnd("flink run", client.argv(), dir, log, SUBMIT_TIMEOUT);
        Matcher id = JOB_ID.matcher(Files.readString(log));
        if (!id.find()) {
            throw new IllegalStateException("flink run printed no job id; see " + log);
        }
        return id.group(1);
    }

    /** The job's state as the REST API reports it (RUNNING, RESTARTING, FINISHED, FAILED, ...). */
    public String jobState(String jobId) throws IOException, InterruptedException {
        return field(get("/jobs/" + jobId), "state");
    }

    /** Completed checkpoints of the job so far. */
    public long completedCheckpoints(String jobId) throws IOException, InterruptedException {
        String statistics;
        try {
            statistics = get("/jobs/" + jobId + "/checkpoints");
        } catch (IOException notYet) {
            // A job still being scheduled has no checkpoint statistics yet.
            return 0;
        }
        Matcher m = Pattern.compile("\"completed\"\\s*:\\s*(\\d+)").matcher(statistics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** How often the job has been restarted after a failure (the job's numRestarts metric). */
    public long restarts(String jobId) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"")
                .matcher(get("/jobs/" + jobId + "/metrics?get=numRestarts"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Waits until the job reaches a terminal state and returns it; fails with the logs' place after {@code timeout}. */
    public String awaitTerminal(String jobId, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String state = jobState(jobId);
            if (List.of("FINISHED", "FAILED", "CANCELED").contains(state)) {
                return state;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Job " + jobId + " still " + state + " after " + timeout.toSeconds()
                        + " s; see " + dir.resolve("log"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Kills a TaskManager's JVM outright, as a crashed machine would go. */
    public void killTaskManager(int index) {
        taskManagerProcesses.get(index).kill();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    public Path logDir() {
        return dir.resolve("log");
    }

    @Override
    public void close() {
        taskManagerProcesses.forEach(ServiceProcess::stop);
        if (jobManager != null) {
            jobManager.stop();
        }
    }

    /** conf/config.yaml: Flink 2 reads standard YAML, one flat key per line. */
    private void writeConfiguration() throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "127.0.0.1");
        conf.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        conf.put("jobmanager.bind-host", "127.0.0.1");
        conf.put("jobmanager.memory.process.size", "1024m");
        conf.put("rest.address", "127.0.0.1");
        conf.put("rest.bind-address", "127.0.0.1");
        conf.put("rest.port", String.valueOf(restPort));
        conf.put("taskmanager.host", "127.0.0.1");
        conf.put("taskmanager.bind-host", "127.0.0.1");
        conf.put("taskmanager.numberOfTaskSlots", String.valueOf(slotsPerTaskManager));
        conf.put("taskmanager.memory.process.size", "1800m");
        // State lives on the heap (hashmap backend): little managed memory is needed.
        conf.put("taskmanager.memory.managed.fraction", "0.05");
        // A job's slots go to the least used TaskManager, so a job at parallelism <= TaskManagers runs on all.
        conf.put("taskmanager.load-balance.mode", "SLOTS");
        conf.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
        conf.put("restart-strategy.type", "fixed-delay");
        conf.put("restart-strategy.fixed-delay.attempts", "30");
        conf.put("restart-strategy.fixed-delay.delay", "2 s");
        // A killed TaskManager is noticed within seconds, not the default 50.
        conf.put("heartbeat.interval", "2000");
        conf.put("heartbeat.timeout", "10000");
        conf.put("env.java.opts.all", String.join(" ", jvmOpens));
        Files.createDirectories(confDir());
        Files.createDirectories(logDir());
        Files.writeString(confDir().resolve("config.yaml"), conf.entrySet().stream()
                .map(e -> e.getKey() + ": " + yamlScalar(e.getValue())).collect(Collectors.joining("\n", "", "\n")));
        try (InputStream template = FlinkSessionCluster.class.getResourceAsStream("flink-log4j2.properties")) {
            Files.copy(template, confDir().resolve("log4j.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String yamlScalar(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * The JVM sizes and the derived memory settings of a JobManager or TaskManager, computed from
     * config.yaml by Flink's own BashJavaUtils, as bin/jobmanager.sh and bin/taskmanager.sh do.
     *
     * @param dynamicProperties {@code -D key=value} arguments for the entry point
     */
    private record ResourceParameters(List<String> jvmOptions, List<String> dynamicProperties) {
    }

    private ResourceParameters resourceParameters(String command) throws IOException, InterruptedException {
        String prefix = "BASH_JAVA_UTILS_EXEC_RESULT:";
        Path log = logDir().resolve("resource-params-" + command + ".log");
        Files.deleteIfExists(log);
        JavaCommand utils = new JavaCommand(JavaCommand.currentJavaHome(), List.of("-Xmx128m"), classpath,
                "org.apache.flink.runtime.util.bash.BashJavaUtils", List.of(command, "--configDir", confDir().toString()));
        ServiceProcess.runToEnd("Flink's " + command, utils.argv(), dir, log, SUBMIT_TIMEOUT);
        List<String> results = Files.readAllLines(log).stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim()).toList();
        if (results.size() < 2) {
            throw new IllegalStateException("Flink's " + command + " gave no JVM and dynamic parameters; see " + log);
        }
        return new ResourceParameters(Arrays.asList(results.get(0).split("\\s+")),
                Arrays.asList(results.get(results.size() - 1).split("\\s+")));
    }

    private ServiceProcess launch(String name, String mainClass, ResourceParameters resources) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir().toString()));
        arguments.addAll(resources.dynamicProperties());
        JavaCommand command = new JavaCommand(JavaCommand.currentJavaHome(), jvmOptions(name, resources.jvmOptions()),
                classpath, mainClass, arguments);
        return ServiceProcess.start("Flink " + name, command.argv(), dir, name + ".pid",
                logDir().resolve(name + "-console.log"), STOP_GRACE);
    }

    private List<String> jvmOptions(String name, List<String> sizes) {
        List<String> options = new ArrayList<>(jvmOpens);
        options.addAll(sizes);
        options.addAll(List.of("-XX:+UseG1GC", "-Dlog.file=" + logDir().resolve(name + ".log"),
                "-Dlog4j.configurationFile=" + confDir().resolve("log4j.properties")));
        return options;
    }

    private Path confDir() {
        return dir.resolve("conf");
    }

    private void awaitTaskManagers(int expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!jobManager.isAlive()) {
                throw new IllegalStateException(jobManager.exitDescription() + " while starting; see " + logDir());
            }
            for (ServiceProcess tm : taskManagerProcesses) {
                if (!tm.isAlive()) {
                    throw new IllegalStateException(tm.exitDescription() + " while starting; see " + logDir());
                }
            }
            try {
                Matcher m = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)").matcher(get("/overview"));
                if (m.find() && Integer.parseInt(m.group(1)) >= expected) {
                    return;
                }
            } catch (IOException notYet) {
                // the REST endpoint is not up yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Flink cluster without " + expected + " TaskManagers after "
                        + START_TIMEOUT.toSeconds() + " s; see " + logDir());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private static Properties resolvedAtBuild() {
        try (InputStream in = FlinkSessionCluster.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing: build infra/flink-cluster "
                        + "(mvn -pl infra/local -am package)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
