package org.salesops.pipelines.matching;

/**
 * A keyed map the matching engine keeps its state in: Flink MapState in the job (scoped to the
 * current key), a HashMap in tests. Values read may be the stored objects themselves: write back
 * with {@link #put} after changing one.
 */
public interface Store<K, V> {

    V get(K key);

    void put(K key, V value);

    void remove(K key);
}
