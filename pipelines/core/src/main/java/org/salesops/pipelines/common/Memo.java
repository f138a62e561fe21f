package org.salesops.pipelines.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a costly pure function gave for each input it saw: input values that come again and again (a lead's
 * phone number with every change of the lead, a table's schema with every record, a row's timestamps before and
 * after each update) are worked out once. Bounded: it empties itself when full, so hostile input cannot grow it
 * without end. Shared by the threads of a JVM; not Flink state, and nothing depends on what it holds. The function
 * must not return null; what it throws is not remembered.
 */
public final class Memo<K, V> implements Function<K, V> {

    private final Map<K, V> results = new ConcurrentHashMap<>();
    private final int capacity;
    private final Function<K, V> function;

    public Memo(int capacity, Function<K, V> function) {
        this.capacity = capacity;
        this.function = function;
    }

    @Override
    public V apply(K input) {
        V result = results.get(input);
        if (result == null) {
            if (results.size() >= capacity) {
                results.clear();
            }
            result = function.apply(input);
            results.put(input, result);
        }
        return result;
    }
}
