package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A many-valued lookup on a {@link Store}: each key holds a small list of distinct values, in
 * insertion order. Lists are changed in place and written back, so a large one (a common piece of
 * a name) is not copied on every change.
 */
final class Index<K, V> {

    private final Store<K, List<V>> store;

    Index(Stores stores, String name, TypeInformation<K> key, TypeInformation<V> value) {
        this.store = stores.map(name, key, Types.LIST(value));
    }

    /** The values, read-only; valid until the index changes. */
    List<V> get(K key) {
        List<V> values = key == null ? null : store.get(key);
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }

    void add(K key, V value) {
        List<V> values = store.get(key);
        if (values == null) {
            values = new ArrayList<>();
        } else if (values.contains(value)) {
            return;
        }
        values.add(value);
        store.put(key, values);
    }

    void remove(K key, V value) {
        List<V> values = store.get(key);
        if (values == null || !values.remove(value)) {
            return;
        }
        if (values.isEmpty()) {
            store.remove(key);
        } else {
            store.put(key, values);
        }
    }
}
