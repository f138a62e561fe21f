package org.salesops.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Files under a table's location that nothing references any more: not a metadata file in its log,
 * not a manifest list, manifest, data, delete or statistics file of any snapshot still kept. They are
 * left behind by failed or abandoned writes. Only files older than a cut-off count, since a file a
 * writer has just written is unreferenced until its commit.
 */
final class OrphanFiles {

    private OrphanFiles() {
    }

    /** The locations of the table's orphans last modified before {@code olderThanMillis}. */
    static List<String> find(Table table, long olderThanMillis) {
        if (!(table.io() instanceof SupportsPrefixOperations listing)) {
            throw new IllegalStateException("the table's FileIO " + table.io().getClass().getSimpleName()
                    + " cannot list files, so orphans cannot be told apart");
        }
        Set<String> reachable = reachable(table);
        List<String> orphans = new ArrayList<>();
        for (FileInfo file : listing.listPrefix(table.location())) {
            if (file.createdAtMillis() < olderThanMillis && !reachable.contains(normalised(file.location()))) {
                orphans.add(file.location());
            }
        }
        return orphans;
    }

    private static Set<String> reachable(Table table) {
        Set<String> locations = new HashSet<>();
        locations.addAll(ReachableFileUtil.metadataFileLocations(table, true));
        locations.add(ReachableFileUtil.versionHintLocation(table));
        locations.addAll(ReachableFileUtil.manifestListLocations(table));
        locations.addAll(ReachableFileUtil.statisticsFilesLocations(table));
        Set<String> manifests = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            for (ManifestFile manifest : snapshot.allManifests(table.io())) {
                if (manifests.add(manifest.path())) {
                    locations.addAll(filesListedIn(manifest, table));
                }
            }
        }
        locations.addAll(manifests);
        Set<String> normalised = new HashSet<>();
        locations.forEach(l -> normalised.add(normalised(l)));
        return normalised;
    }

    /**
     * The data or delete files a manifest lists. Upsert tables have delete manifests, which the data-file
     * reader refuses; missing them would make live equality-delete files look like orphans.
     */
    private static List<String> filesListedIn(ManifestFile manifest, Table table) {
        List<String> files = new ArrayList<>();
        try {
            if (manifest.content() == ManifestContent.DELETES) {
                try (ManifestReader<DeleteFile> deletes = ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
                    deletes.forEach(file -> files.add(file.location()));
                }
            } else {
                try (CloseableIterable<String> data = ManifestFiles.readPaths(manifest, table.io(), table.specs())) {
                    data.forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** file:/x, file:///x and /x name one file; other schemes keep their authority (bucket). */
    static String normalised(String location) {
        URI uri = URI.create(location.replace(" ", "%20")).normalize();
        if (uri.getScheme() == null || uri.getScheme().equals("file")) {
            return uri.getPath();
        }
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }
}
