package org.salesops.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacking rules, on small archives shaped like Trino's (one top folder, hard-linked jars, an
 * executable launcher); the real 540 MB archives go through {@link LocalStackTest}.
 */
class TrinoInstallationTest {

    @TempDir
    Path work;

    Path serverArchive;
    Path pluginArchive;
    Path sqliteJar;
    Path cacheDir;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void shapedLikeTrino() throws IOException {
        serverArchive = work.resolve("trino-server-core-9.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(serverArchive)))) {
            directory(tar, "trino-server-core-9/");
            file(tar, "trino-server-core-9/bin/launcher", "#!/bin/sh", 0755);
            file(tar, "trino-server-core-9/lib/shared.jar", "shared classes", 0644);
            hardLink(tar, "trino-server-core-9/plugin/geospatial/shared.jar", "trino-server-core-9/lib/shared.jar");
        }
        pluginArchive = work.resolve("trino-iceberg-9.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pluginArchive))) {
            zip.putNextEntry(new ZipEntry("trino-iceberg-9/"));
            zip.putNextEntry(new ZipEntry("trino-iceberg-9/trino-iceberg-9.jar"));
            zip.write("iceberg plugin".getBytes(StandardCharsets.UTF_8));
        }
        sqliteJar = Files.writeString(work.resolve("sqlite-jdbc-3.50.3.0.jar"), "driver");
        cacheDir = work.resolve("cache");
    }

    @Test
    void unpacksServerAndPlugin_dropsTheDriverIn_andKeepsLinksAndLauncherBits() throws IOException {
        Path home = installation().ensureUnpacked(progress::add);

        assertThat(home).isEqualTo(cacheDir.resolve("trino-9"));
        assertThat(home.resolve("lib/shared.jar")).hasContent("shared classes");
        assertThat(home.resolve("plugin/geospatial/shared.jar")).hasContent("shared classes");
        assertThat(Files.isSameFile(home.resolve("lib/shared.jar"), home.resolve("plugin/geospatial/shared.jar")))
                .as("hard link kept").isTrue();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/launcher")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(home.resolve("plugin/iceberg/trino-iceberg-9.jar")).hasContent("iceberg plugin");
        assertThat(home.resolve("plugin/iceberg/sqlite-jdbc-3.50.3.0.jar")).hasContent("driver");
        assertThat(progress).singleElement().asString().startsWith("Unpacking Trino into " + home);
    }

    @Test
    void aSecondStartReusesTheUnpackedServer() throws IOException {
        Path home = installation().ensureUnpacked(progress::add);
        Path markerOfFirstUnpack = Files.writeString(home.resolve("lib/unpacked-once"), "");

        installation().ensureUnpacked(progress::add);

        assertThat(markerOfFirstUnpack).exists();
        assertThat(progress).hasSize(1);
    }

    @Test
    void anInterruptedUnpackIsNotTakenForAFinishedOne() throws IOException {
        Path partial = Files.createDirectories(cacheDir.resolve("trino-9.partial/lib"));
        Files.writeString(partial.resolve("half-written.jar"), "trunc");

        Path home = installation().ensureUnpacked(progress::add);

        assertThat(progress).hasSize(1);
        assertThat(home.resolve("lib/shared.jar")).hasContent("shared classes");
        assertThat(home.resolve("lib/half-written.jar")).doesNotExist();
        assertThat(cacheDir.resolve("trino-9.partial")).doesNotExist();
    }

    @Test
    void aNewerSqliteDriverReplacesTheOldOne() throws IOException {
        Path home = installation().ensureUnpacked(progress::add);
        sqliteJar = Files.writeString(work.resolve("sqlite-jdbc-3.51.0.0.jar"), "newer driver");

        installation().ensureUnpacked(progress::add);

        assertThat(home.resolve("plugin/iceberg/sqlite-jdbc-3.51.0.0.jar")).hasContent("newer driver");
        assertThat(home.resolve("plugin/iceberg/sqlite-jdbc-3.50.3.0.jar")).doesNotExist();
        assertThat(progress).hasSize(1);
    }

    private TrinoInstallation installation() {
        return new TrinoInstallation(cacheDir, "9", serverArchive, pluginArchive, sqliteJar);
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        ((OutputStream) tar).write(bytes);
        tar.closeArchiveEntry();
    }

    private static void hardLink(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
