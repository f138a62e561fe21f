package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Superset asset bundle as kept in git (dashboards/superset): metadata.yaml and the YAML of every database,
 * dataset, chart and dashboard, each file's bytes kept as written so the ZIP carries exactly what was reviewed.
 */
public final class Bundle {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String METADATA = "metadata.yaml";

    private final Map<String, byte[]> files;
    private final Map<String, JsonNode> parsed;

    Bundle(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        Map<String, JsonNode> yaml = new TreeMap<>();
        this.files.forEach((path, bytes) -> yaml.put(path, parse(path, bytes)));
        this.parsed = Collections.unmodifiableMap(yaml);
    }

    /** The bundle packaged with this module (the files of dashboards/superset). */
    public static Bundle packaged() {
        return load(PackagedFiles.directory("/dashboards/superset"));
    }

    /** Every .yaml file under the folder, by its path relative to it ('/'-separated, as in the ZIP). */
    public static Bundle load(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle in " + folder, e);
        }
        return new Bundle(files);
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public Optional<JsonNode> metadata() {
        return Optional.ofNullable(parsed.get(METADATA));
    }

    public List<Asset> assets(AssetKind kind) {
        List<Asset> assets = new ArrayList<>();
        parsed.forEach((path, content) -> {
            if (AssetKind.of(path) == kind) {
                assets.add(new Asset(path, kind, content));
            }
        });
        return assets;
    }

    public Optional<Asset> byUuid(AssetKind kind, String uuid) {
        return assets(kind).stream().filter(a -> uuid != null && uuid.equals(a.uuid())).findFirst();
    }

    /** The dataset a chart draws from. */
    public Asset datasetOf(Asset chart) {
        return byUuid(AssetKind.DATASET, chart.text("dataset_uuid"))
                .orElseThrow(() -> new IllegalStateException(chart.path() + ": no dataset " + chart.text("dataset_uuid")));
    }

    private static JsonNode parse(String path, byte[] bytes) {
        try {
            JsonNode node = YAML.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(path + " is not a YAML mapping");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(path + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
