package org.salesops.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reading parsed YAML: documents of a file, values at a path of keys, and every node of a tree. */
final class Yamls {

    private Yamls() {
    }

    /** Every document of a file; empty documents (a leading comment before ---) are left out. */
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(strict()).loadAll(read(file))) {
            if (document != null) {
                documents.add(map(document, file.toString()));
            }
        }
        return documents;
    }

    /** A file of exactly one document. */
    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, expected one");
        }
        return documents.get(0);
    }

    /** A YAML text held inside another file (a ConfigMap's data, a Helm value). */
    static Map<String, Object> parse(String text, String where) {
        return map(new Yaml(strict()).load(text), where);
    }

    /** A key given twice is an error, as for kubectl's strict decoding (SnakeYAML would keep the last). */
    private static LoaderOptions strict() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a path of map keys, or null where the path ends early. */
    static Object at(Object root, String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** The text at a path; fails naming the path when it is missing. */
    static String text(Object root, String... keys) {
        Object value = at(root, keys);
        if (value == null) {
            throw new AssertionError("missing " + String.join(".", keys));
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map)) {
            throw new AssertionError(where + ": expected a map, found " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String where) {
        if (!(node instanceof List)) {
            throw new AssertionError(where + ": expected a list, found " + node);
        }
        return (List<Object>) node;
    }

    /** Visits every map of a tree, the root included, depth first. */
    static void eachMap(Object node, Consumer<Map<String, Object>> visitor) {
        if (node instanceof Map<?, ?> map) {
            visitor.accept(map(map, "node"));
            map.values().forEach(child -> eachMap(child, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> eachMap(child, visitor));
        }
    }

    /** Visits every scalar text of a tree (keys excluded). */
    static void eachText(Object node, Consumer<String> visitor) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(child -> eachText(child, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> eachText(child, visitor));
        } else if (node != null) {
            visitor.accept(Objects.toString(node));
        }
    }
}
