package org.salesops.infra.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks the release archives Maven downloads. Each has one top-level folder
 * ({@code trino-server-core-476/}, {@code trino-iceberg-476/}), which is dropped: its content goes
 * straight into the target directory.
 */
final class Archives {

    private static final int BUFFER = 1 << 16;

    private Archives() {
    }

    /** Unpacks a {@code .tar.gz}, keeping executable bits and hard links (Trino links shared jars). */
    static void untarGz(Path archive, Path target) throws IOException {
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new GZIPInputStream(new BufferedInputStream(file, BUFFER), BUFFER))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = inside(target, entry.getName());
                if (destination == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isLink()) {
                    Path linked = inside(target, entry.getLinkName());
                    if (linked == null) {
                        throw new IOException("Hard link outside the archive's folder: " + entry.getLinkName());
                    }
                    Files.createDirectories(destination.getParent());
                    linkOrCopy(linked, destination);
                } else if (entry.isSymbolicLink()) {
                    throw new IOException("Unexpected symbolic link in " + archive + ": " + entry.getName());
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        makeExecutable(destination);
                    }
                }
            }
        }
    }

    /** Unpacks a {@code .zip}. */
    static void unzip(Path archive, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = inside(target, entry.getName());
                if (destination == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /**
     * Where an entry goes once its top-level folder is dropped; null for the folder itself. Entries
     * that would land outside the target are refused.
     */
    private static Path inside(Path target, String entryName) throws IOException {
        String name = entryName.replace('\\', '/');
        int slash = name.indexOf('/');
        String rest = slash < 0 ? "" : name.substring(slash + 1);
        if (rest.isEmpty()) {
            return null;
        }
        Path destination = target.resolve(rest).normalize();
        if (!destination.startsWith(target)) {
            throw new IOException("Archive entry escapes the target directory: " + entryName);
        }
        return destination;
    }

    private static void linkOrCopy(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = new HashSet<>(Files.getPosixFilePermissions(file));
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Nothing to keep on such a file system; the Java launcher does not need the bit anyway.
        }
    }
}
