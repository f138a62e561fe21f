package org.salesops.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Trino server unpacked once into a cache directory outside any build folder, then reused.
 *
 * <p>Layout: {@code <cache>/trino-<version>/} holds the server-core tarball's content, the Iceberg
 * plugin under {@code plugin/iceberg/} and the SQLite driver dropped into it. Unpacking goes to a
 * {@code .partial} sibling that is renamed when complete, so an interrupted unpack is never taken
 * for a finished one; a file lock keeps two processes from unpacking at once.
 */
public final class TrinoInstallation {

    private static final Object IN_PROCESS_LOCK = new Object();

    private final Path home;
    private final Path serverArchive;
    private final Path icebergPluginArchive;
    private final Path sqliteJdbcJar;

    TrinoInstallation(Path cacheDir, String version, Path serverArchive, Path icebergPluginArchive, Path sqliteJdbcJar) {
        this.home = cacheDir.toAbsolutePath().normalize().resolve("trino-" + version);
        this.serverArchive = serverArchive;
        this.icebergPluginArchive = icebergPluginArchive;
        this.sqliteJdbcJar = sqliteJdbcJar;
    }

    /** The installation of the Trino version this module was built with, in {@code cacheDir}. */
    public static TrinoInstallation of(Path cacheDir, StackArtifacts artifacts) {
        return new TrinoInstallation(cacheDir, artifacts.trinoVersion(), artifacts.trinoServerArchive(),
                artifacts.trinoIcebergPluginArchive(), artifacts.sqliteJdbcJar());
    }

    /** {@code $XDG_CACHE_HOME/salesops-lakehouse}, else {@code ~/.cache/salesops-lakehouse}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("salesops-lakehouse");
    }

    /** The installation directory (Trino's {@code lib/}, {@code plugin/} ...). */
    public Path home() {
        return home;
    }

    /** Unpacks the server unless a complete unpack is already there; returns the home directory. */
    public Path ensureUnpacked(Consumer<String> progress) {
        synchronized (IN_PROCESS_LOCK) {
            try {
                Files.createDirectories(home.getParent());
                Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (!Files.isDirectory(home)) {
                        unpack(progress);
                    }
                    ensureSqliteDriver();
                }
                return home;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the Trino installation in " + home, e);
            }
        }
    }

    private void unpack(Consumer<String> progress) throws IOException {
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        // Left over by an unpack that was interrupted: it cannot be trusted.
        deleteRecursively(partial);
        progress.accept("Unpacking Trino into " + home + " (once; later starts reuse it)");
        Archives.untarGz(serverArchive, partial);
        Archives.unzip(icebergPluginArchive, partial.resolve("plugin").resolve("iceberg"));
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Trino bundles no SQLite driver; the Iceberg plugin loads it from its own folder. */
    private void ensureSqliteDriver() throws IOException {
        Path pluginDir = home.resolve("plugin").resolve("iceberg");
        Path driver = pluginDir.resolve(sqliteJdbcJar.getFileName());
        if (Files.isRegularFile(driver)) {
            return;
        }
        // Another driver version from an earlier build would shadow or clash with this one.
        try (DirectoryStream<Path> older = Files.newDirectoryStream(pluginDir, "sqlite-jdbc-*.jar")) {
            for (Path jar : older) {
                Files.delete(jar);
            }
        }
        Path copying = pluginDir.resolve(driver.getFileName() + ".copying");
        Files.copy(sqliteJdbcJar, copying, StandardCopyOption.REPLACE_EXISTING);
        Files.move(copying, driver, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
