package org.salesops.pipelines.matching;

import java.util.LinkedHashSet;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The Flink type of a set that keeps insertion order ({@link OrderedSetSerializer}), the values of an {@link Index}. */
final class OrderedSetTypeInfo<T> extends TypeInformation<LinkedHashSet<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementType;

    OrderedSetTypeInfo(TypeInformation<T> elementType) {
        this.elementType = Objects.requireNonNull(elementType);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<LinkedHashSet<T>> getTypeClass() {
        return (Class<LinkedHashSet<T>>) (Class<?>) LinkedHashSet.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<LinkedHashSet<T>> createSerializer(SerializerConfig config) {
        return new OrderedSetSerializer<>(elementType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "OrderedSet<" + elementType + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderedSetTypeInfo<?> other && other.canEqual(this) && elementType.equals(other.elementType);
    }

    @Override
    public int hashCode() {
        return 31 * elementType.hashCode() + 1;
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof OrderedSetTypeInfo;
    }
}
