package org.salesops.pipelines.common;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The Flink type of values that nobody changes once they are made: serialised as {@code delegate} serialises them,
 * but handed to each chained operator as they are instead of deep-copied ({@link ImmutableSerializer}). Flink copies
 * a value for every operator chained after the one that emits it (object reuse is off); a parsed CRM change feeds
 * about twenty such operators, and copying its two maps of values through Kryo twenty times was a quarter of the
 * CRM task's CPU. Only for types nobody changes once made: immutable ones, or plain records that every reader treats
 * as read-only ({@link KafkaRecord}, whose bytes only the parsers read).
 */
public final class ImmutableTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> delegate;

    public ImmutableTypeInfo(TypeInformation<T> delegate) {
        this.delegate = Objects.requireNonNull(delegate);
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
        return delegate.getArity();
    }

    @Override
    public int getTotalFields() {
        return delegate.getTotalFields();
    }

    @Override
    public Class<T> getTypeClass() {
        return delegate.getTypeClass();
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new ImmutableSerializer<>(delegate.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Immutable<" + delegate + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImmutableTypeInfo<?> other && other.canEqual(this) && delegate.equals(other.delegate);
    }

    @Override
    public int hashCode() {
        return 31 * delegate.hashCode() + 2;
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof ImmutableTypeInfo;
    }
}
