package org.salesops.pipelines.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The third-party samples in {@code shared/samples} beside the project, found from any module. */
final class SampleFiles {

    private static final Path ROOT = find();

    private SampleFiles() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    /** Every file under {@code folder} whose name ends with {@code suffix}, in path order. */
    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> walk = Files.walk(path(folder))) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
    }
}
