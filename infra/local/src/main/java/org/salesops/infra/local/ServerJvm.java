package org.salesops.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * A server for tests in a JVM of its own (the caller's Java), started from jars its module's build recorded in a
 * properties resource, so that they never reach the caller's classpath, and ready once it answers HTTP on
 * loopback. Stopped by {@link #close()} or, failing that, when the JVM that started it exits.
 */
public final class ServerJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String PID_FILE = "server.pid";

    private final String name;
    private final ServiceProcess process;

    private ServerJvm(String name, ServiceProcess process) {
        this.name = name;
        this.process = process;
    }

    /**
     * The classpath a module's build wrote into {@code resource} next to {@code owner} as {@code classpath=...}
     * (maven-dependency-plugin build-classpath into a filtered resource).
     */
    public static String recordedClasspath(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " beside " + owner.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            String classpath = properties.getProperty("classpath", "");
            if (classpath.isBlank() || classpath.contains("${")) {
                throw new IllegalStateException("The classpath in " + resource + " was not resolved by the build;"
                        + " build the module of " + owner.getName() + " with Maven");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code mainClass} in {@code dir} with its console in {@code log} and waits until {@code probe} answers
     * with a status {@code ready} accepts.
     *
     * @param environment changes the inherited environment before the start
     */
    public static ServerJvm start(String name, String classpath, List<String> jvmOptions, String mainClass,
                                  List<String> arguments, Consumer<Map<String, String>> environment, Path dir,
                                  Path log, URI probe, IntPredicate ready) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> command = new JavaCommand(JavaCommand.currentJavaHome(), jvmOptions, classpath, mainClass,
                arguments).argv();
        ServerJvm server = new ServerJvm(name, ServiceProcess.start(name, command, environment, dir, PID_FILE, log,
                STOP_GRACE));
        try {
            server.awaitReady(probe, ready);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public Path logFile() {
        return process.consoleLog();
    }

    @Override
    public void close() {
        process.stop();
    }

    private void awaitReady(URI probe, IntPredicate ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.exitDescription() + "; see " + logFile());
            }
            if (ready.test(status(probe))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The " + name + " did not answer within " + START_TIMEOUT + "; see " + logFile());
    }

    /** The HTTP status of a GET, or -1 while nothing answers. */
    private static int status(URI probe) {
        try {
            HttpURLConnection connection = (HttpURLConnection) probe.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }
}
