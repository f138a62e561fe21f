package org.salesops.jobs.generator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared third-party samples (shared/samples beside the project) from any module's working directory. */
final class Samples {

    private Samples() {
    }

    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return folder().resolve(relative);
    }
}
