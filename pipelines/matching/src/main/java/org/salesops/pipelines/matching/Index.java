package org.salesops.pipelines.matching;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A many-valued lookup on a {@link Store}: each key holds a set of distinct values, in insertion order. A set, not a
 * list: a common wake key or piece of a name holds tens of thousands of values, and a list's membership test made
 * each add (a credit parked, a customer loaded) linear, the whole load quadratic — most of the payment-matching
 * task's time in a profile of the live job. Sets are changed in place and written back, so a large one is not
 * copied on every change.
 */
final class Index<K, V> {

    private final Store<K, LinkedHashSet<V>> store;

    Index(Stores stores, String name, TypeInformation<K> key, TypeInformation<V> value) {
        this.store = stores.map(name, key, new OrderedSetTypeInfo<>(value));
    }

    /** The values in insertion order, read-only; valid until the index changes. */
    Collection<V> get(K key) {
        Set<V> values = key == null ? null : store.get(key);
        return values == null ? Set.of() : Collections.unmodifiableSet(values);
    }

    void add(K key, V value) {
        LinkedHashSet<V> values = store.get(key);
        if (values == null) {
            values = new LinkedHashSet<>();
        }
        if (values.add(value)) {
            store.put(key, values);
        }
    }

    void remove(K key, V value) {
        LinkedHashSet<V> values = store.get(key);
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
