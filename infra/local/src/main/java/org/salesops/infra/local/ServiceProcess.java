package org.salesops.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A child process that must not outlive the JVM that started it: stopped by {@link #stop()} or,
 * failing that, by a shutdown hook. Its console output goes to a file, for failures that happen
 * before the service's own logging starts.
 */
final class ServiceProcess {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path pidFile;
    private final Path consoleLog;
    private final Duration stopGrace;
    private final Thread shutdownHook;

    private ServiceProcess(String name, Process process, Path pidFile, Path consoleLog, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
        this.consoleLog = consoleLog;
        this.stopGrace = stopGrace;
        this.shutdownHook = new Thread(this::terminate, name + "-shutdown");
    }

    /**
     * Starts the command in {@code workDir}, recording its pid in {@code workDir/<pidFileName>} for
     * {@link #endLeftover}.
     */
    static ServiceProcess start(String name, List<String> command, Path workDir, String pidFileName,
                                Path consoleLog, Duration stopGrace) throws IOException {
        return start(name, command, environment -> { }, workDir, pidFileName, consoleLog, stopGrace);
    }

    /** The same, with {@code environment} changing the inherited environment before the start. */
    static ServiceProcess start(String name, List<String> command, Consumer<Map<String, String>> environment,
                                Path workDir, String pidFileName, Path consoleLog, Duration stopGrace)
            throws IOException {
        Process process = launch(command, environment, workDir, consoleLog);
        Path pidFile = workDir.resolve(pidFileName);
        Files.writeString(pidFile, Long.toString(process.pid()));
        ServiceProcess service = new ServiceProcess(name, process, pidFile, consoleLog, stopGrace);
        Runtime.getRuntime().addShutdownHook(service.shutdownHook);
        return service;
    }

    /** Runs a command to its end, failing with the log's path unless it exits with 0 in time. */
    static void runToEnd(String what, List<String> command, Path workDir, Path consoleLog, Duration timeout)
            throws IOException, InterruptedException {
        Process process = launch(command, environment -> { }, workDir, consoleLog);
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        if (!finished) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " s; see " + consoleLog);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + "; see " + consoleLog);
        }
    }

    /**
     * Ends the process an earlier JVM started on {@code workDir} and could not stop (it was killed):
     * that process would hold the ports and files of the new one.
     */
    static void endLeftover(String name, Path workDir, String pidFileName, Duration grace, Consumer<String> progress)
            throws IOException {
        Path pidFile = workDir.resolve(pidFileName);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = parsePid(Files.readString(pidFile).trim())
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                // A reused pid belongs to some other program: only ours names this directory.
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(workDir.toString())).orElse(false));
        if (leftover.isPresent()) {
            ProcessHandle handle = leftover.get();
            progress.accept("Stopping a " + name + " left running by an earlier run (pid " + handle.pid() + ")");
            handle.destroy();
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Files.delete(pidFile);
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Process launch(List<String> command, Consumer<Map<String, String>> environment, Path workDir,
                                  Path consoleLog) throws IOException {
        Files.createDirectories(consoleLog.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        environment.accept(builder.environment());
        Process process = builder.start();
        // Nothing is ever typed into a service: end of input right away.
        process.getOutputStream().close();
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path consoleLog() {
        return consoleLog;
    }

    /** Why the process is gone, for failure messages. */
    String exitDescription() {
        return process.isAlive() ? name + " is still running" : name + " exited with code " + process.exitValue();
    }

    /** Ends the process: politely first, so the service can close its files, then forcibly. */
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is already running or about to: terminating here as well is harmless.
        }
        terminate();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is harmless: endLeftover checks the process before acting on it.
        }
    }

    /** Ends the process at once, without letting it close anything: a crash, for failure tests. */
    void kill() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is already running: it ends the process as well.
        }
        try {
            process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void terminate() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
