package org.salesops.infra.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The third-party sample files in {@code shared/samples}, beside the project. */
final class SharedSamples {

    private SharedSamples() {
    }

    /** Walks up from the working directory (Maven uses the module's) until {@code shared/samples} is beside it. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("No shared/samples above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }
}
