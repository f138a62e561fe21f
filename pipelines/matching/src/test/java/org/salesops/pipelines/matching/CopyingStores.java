package org.salesops.pipelines.matching;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The engine's stores as maps that hand out and keep copies, as RocksDB does: a value changed
 * without being written back is lost, and one read before a change is stale after it.
 */
final class CopyingStores implements Stores {

    @Override
    public <K, V> Store<K, V> map(String name, TypeInformation<K> key, TypeInformation<V> value) {
        TypeSerializer<V> serializer = value.createSerializer(new SerializerConfigImpl());
        Map<K, V> map = new HashMap<>();
        return new Store<>() {
            @Override
            public V get(K k) {
                V v = map.get(k);
                return v == null ? null : serializer.copy(v);
            }

            @Override
            public void put(K k, V v) {
                map.put(k, serializer.copy(v));
            }

            @Override
            public void remove(K k) {
                map.remove(k);
            }
        };
    }
}
