package org.salesops.pipelines.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shared third-party samples ({@code shared/samples} beside the project), found from any module. */
final class Samples {

    private Samples() {
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sample with the first occurrence of {@code from} replaced, to break one thing in an
     * otherwise real document.
     */
    static byte[] edited(String relative, String from, String to) {
        String text = new String(read(relative), StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException(relative + " does not contain " + from);
        }
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** Every XML file under the given sample folders, as paths relative to the samples root. */
    static Stream<String> xmlFiles(String... folders) {
        return Stream.of(folders).flatMap(Samples::files).filter(file -> file.endsWith(".xml"));
    }

    /**
     * Every sample under the folder, as paths relative to the samples root, sorted; without the
     * licence texts and SOURCES.md kept beside them.
     */
    static Stream<String> files(String folder) {
        try (Stream<Path> files = Files.walk(root().resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().matches("LICENSE.*|COPYING.*|SOURCES\\.md"))
                    .map(f -> root().relativize(f).toString())
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
