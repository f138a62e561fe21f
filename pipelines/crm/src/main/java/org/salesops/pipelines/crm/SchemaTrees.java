package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trees of the Connect schemas seen so far, found by their exact bytes. With the {schema, payload} wrapper every
 * record repeats its table's schema, most of its bytes: each distinct schema is read into a tree once and shared, read
 * only. Found by length, then told apart byte for byte (a vectorised compare), because copying each record's schema
 * into a String and hashing it was up to a tenth of the CRM task's time. Bounded: it empties itself when full, so
 * hostile input cannot grow it without end. Shared by the threads of a JVM; not Flink state.
 */
final class SchemaTrees {

    private record Known(byte[] text, JsonNode tree) {
    }

    /** A known schema found in a record: its tree, and how many bytes its text takes there. */
    record Found(JsonNode tree, int length) {
    }

    private final ObjectMapper mapper;
    private final int capacity;
    private final Map<Integer, List<Known>> byLength = new ConcurrentHashMap<>();

    SchemaTrees(ObjectMapper mapper, int capacity) {
        this.mapper = mapper;
        this.capacity = capacity;
    }

    /**
     * The known schema whose text the bytes hold from {@code start} on, or null. A known text is one whole JSON
     * object, so where it matches, the schema in the record ends where the text does, without reading it.
     */
    Found startingAt(byte[] bytes, int start) {
        int room = bytes.length - start;
        for (List<Known> sameLength : byLength.values()) {
            for (Known known : sameLength) {
                int length = known.text().length;
                if (length <= room && Arrays.equals(known.text(), 0, length, bytes, start, start + length)) {
                    return new Found(known.tree(), length);
                }
            }
        }
        return null;
    }

    /** The tree of the schema text {@code bytes[start, start + length)}. */
    JsonNode tree(byte[] bytes, int start, int length) throws IOException {
        int end = start + length;
        for (Known known : byLength.getOrDefault(length, List.of())) {
            if (Arrays.equals(known.text(), 0, length, bytes, start, end)) {
                return known.tree();
            }
        }
        byte[] text = Arrays.copyOfRange(bytes, start, end);
        Known known = new Known(text, mapper.readTree(text));
        if (byLength.values().stream().mapToInt(List::size).sum() >= capacity) {
            byLength.clear();
        }
        byLength.merge(length, List.of(known), (old, added) -> {
            List<Known> both = new ArrayList<>(old);
            both.addAll(added);
            return List.copyOf(both);
        });
        return known.tree();
    }
}
