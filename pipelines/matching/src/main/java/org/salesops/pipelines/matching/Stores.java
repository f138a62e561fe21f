package org.salesops.pipelines.matching;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Creates the engine's named stores; the types let Flink serialise them. */
@FunctionalInterface
public interface Stores {

    <K, V> Store<K, V> map(String name, TypeInformation<K> key, TypeInformation<V> value);
}
