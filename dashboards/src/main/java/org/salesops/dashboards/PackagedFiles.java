package org.salesops.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder packaged in this module's jar (superset/, cookbook/), as a {@link Path} whether the classes run
 * from a jar or from target/classes, so the bundle and the cookbook are read the same way in both cases.
 */
final class PackagedFiles {

    private PackagedFiles() {
    }

    static Path directory(String resource) {
        URL url = PackagedFiles.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no " + resource + " on the classpath (dashboards module)");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            try {
                return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                return FileSystems.getFileSystem(uri).provider().getPath(uri);
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable resource URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
