package org.salesops.pipelines.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system for the {@code file:} scheme, which Iceberg writes a local warehouse through. Chosen
 * for every Hadoop configuration in the process by {@code core-site.xml} beside this class. It differs from the
 * stock one in two ways, both measured in a replay (BENCHMARKS.md):
 * <ul>
 *   <li>Permissions are set with java.nio. Without Hadoop's native library, which Maven Central does not carry, the
 *       stock one forks {@code chmod} for every file and directory it creates: hundreds of processes a replay, each
 *       a fork of the job's JVM on the thread that commits.</li>
 *   <li>No {@code .crc} file is written beside each file, as on an object store: Iceberg's metadata and Parquet files
 *       are written once and never changed, and Trino reads them without the checksums. A {@code .crc} file written
 *       before is still checked on read and deleted with its file.</li>
 * </ul>
 * Still a {@link LocalFileSystem}, so Hadoop code that asks for the local file system by that type keeps working.
 */
public final class NioLocalFileSystem extends LocalFileSystem {

    public NioLocalFileSystem() {
        super(new NioPermissions());
        setWriteChecksum(false);
    }

    /** The raw layer underneath, where permissions are set. */
    static final class NioPermissions extends RawLocalFileSystem {

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            String symbolic = permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
                    + permission.getOtherAction().SYMBOL;
            Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(symbolic));
        }
    }
}
