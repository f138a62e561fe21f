package org.salesops.pipelines.matching;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.FlinkRuntimeException;

/** The engine's stores as keyed MapState of the current key (the currency). */
final class FlinkStores implements Stores {

    private final RuntimeContext context;

    FlinkStores(RuntimeContext context) {
        this.context = context;
    }

    @Override
    public <K, V> Store<K, V> map(String name, TypeInformation<K> key, TypeInformation<V> value) {
        MapState<K, V> state = context.getMapState(new MapStateDescriptor<>(name, key, value));
        return new Store<>() {
            @Override
            public V get(K k) {
                try {
                    return state.get(k);
                } catch (Exception e) {
                    throw new FlinkRuntimeException("cannot read state " + name, e);
                }
            }

            @Override
            public void put(K k, V v) {
                try {
                    state.put(k, v);
                } catch (Exception e) {
                    throw new FlinkRuntimeException("cannot write state " + name, e);
                }
            }

            @Override
            public void remove(K k) {
                try {
                    state.remove(k);
                } catch (Exception e) {
                    throw new FlinkRuntimeException("cannot write state " + name, e);
                }
            }
        };
    }
}
