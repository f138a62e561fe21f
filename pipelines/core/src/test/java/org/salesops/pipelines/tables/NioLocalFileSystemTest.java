package org.salesops.pipelines.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void everyNewHadoopConfigurationUsesItForLocalFiles() throws Exception {
        FileSystem fs = new Path(dir.toUri()).getFileSystem(new Configuration());

        assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
        // Hadoop code asking for the local file system by its type (FileSystem.getLocal casts) still gets one.
        assertThat(FileSystem.getLocal(new Configuration())).isInstanceOf(NioLocalFileSystem.class);
    }

    @Test
    void aChecksumWrittenBeforeIsStillHiddenAndDeletedWithItsFile() throws Exception {
        FileSystem fs = new Path(dir.toUri()).getFileSystem(new Configuration());
        Path old = new Path(dir.toUri().toString(), "old.parquet");
        try (LocalFileSystem stock = new LocalFileSystem()) {
            stock.initialize(dir.toUri(), new Configuration());
            try (FSDataOutputStream out = stock.create(old, false)) {
                out.write(new byte[] {1, 2, 3});
            }
        }
        assertThat(Files.exists(dir.resolve(".old.parquet.crc"))).isTrue();

        assertThat(fs.listStatus(new Path(dir.toUri()))).extracting(s -> s.getPath().getName())
                .containsExactly("old.parquet");
        try (var in = fs.open(old)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(fs.delete(old, false)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void setsTheRequestedPermissionsOnFilesAndDirectories() throws Exception {
        FileSystem fs = new Path(dir.toUri()).getFileSystem(new Configuration());
        Path nested = new Path(dir.toUri().toString(), "a/b");

        assertThat(fs.mkdirs(nested, new FsPermission((short) 0750))).isTrue();
        try (FSDataOutputStream out = fs.create(new Path(nested, "secret"), new FsPermission((short) 0600), false,
                4096, (short) 1, 1 << 20, null)) {
            out.write(1);
        }
        fs.setPermission(new Path(nested, "secret"), new FsPermission((short) 0640));

        assertThat(Files.getPosixFilePermissions(dir.resolve("a/b")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("a/b/secret")))
                .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void icebergWritesAndReadsBackThroughIt() throws Exception {
        HadoopFileIO io = new HadoopFileIO(new Configuration());
        String location = dir.resolve("metadata/v1.json").toUri().toString();

        OutputFile file = io.newOutputFile(location);
        try (PositionOutputStream out = file.create()) {
            out.write("{\"format-version\":2}".getBytes(StandardCharsets.UTF_8));
        }
        InputFile back = io.newInputFile(location);

        assertThat(back.getLength()).isEqualTo(20);
        try (var in = back.newStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"format-version\":2}");
        }
        // The default umask leaves the owner's read and write, as the stock file system would; no checksum beside it.
        assertThat(Files.getPosixFilePermissions(dir.resolve("metadata/v1.json")))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (var files = Files.list(dir.resolve("metadata"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("v1.json");
        }
    }
}
