package org.salesops.pipelines.crm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The third-party sample files in shared/samples, beside the project; never copied into it. */
final class Samples {

    private Samples() {
    }

    /** shared/samples, found by walking up from the working directory (Maven runs tests in the module). */
    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path samples = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("no shared/samples above " + Path.of("").toAbsolutePath());
    }

    /** One JSON document of a sample file, as its exact original text. */
    record Event(String file, int index, String json) {
        byte[] bytes() {
            return json.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    /** The Debezium sample files (.json, .txt; not licences), relative to samples/debezium, sorted. */
    static List<String> debeziumFiles() {
        Path root = folder().resolve("debezium");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every JSON document of every Debezium sample file: one per line, or one pretty-printed per file. */
    static List<Event> debeziumEvents() {
        List<Event> events = new ArrayList<>();
        for (String file : debeziumFiles()) {
            events.addAll(events(file));
        }
        return events;
    }

    /** The JSON documents of one file, skipping the licence comment some files start with. */
    static List<Event> events(String file) {
        String text;
        try {
            text = Files.readString(folder().resolve("debezium").resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = text.stripLeading().startsWith("/*") ? text.substring(text.indexOf("*/") + 2) : text;
        int bodyStart = text.length() - body.length();
        List<Event> events = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getCharOffset();
                events.add(new Event(file, events.size(), text.substring(bodyStart + start, bodyStart + end)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        return events;
    }
}
