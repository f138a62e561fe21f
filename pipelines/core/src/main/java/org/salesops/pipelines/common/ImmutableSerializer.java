package org.salesops.pipelines.common;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serialises like its delegate; a copy of an immutable value is the value itself, as Flink's own serializers of
 * strings, numbers and instants do it. See {@link ImmutableTypeInfo}.
 */
public final class ImmutableSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> delegate;

    public ImmutableSerializer(TypeSerializer<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<T> duplicate = delegate.duplicate();
        return duplicate == delegate ? this : new ImmutableSerializer<>(duplicate);
    }

    @Override
    public T createInstance() {
        return delegate.createInstance();
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return delegate.getLength();
    }

    @Override
    public void serialize(T value, DataOutputView target) throws IOException {
        delegate.serialize(value, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return delegate.deserialize(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return delegate.deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        delegate.copy(source, target);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof ImmutableSerializer<?> other && delegate.equals(other.delegate));
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** What a checkpoint records about the serializer: the delegate's own snapshot. */
    public static final class Snapshot<T> extends CompositeTypeSerializerSnapshot<T, ImmutableSerializer<T>> {

        private static final int VERSION = 1;

        /** For reading a snapshot back. */
        public Snapshot() {
        }

        Snapshot(ImmutableSerializer<T> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(ImmutableSerializer<T> outer) {
            return new TypeSerializer<?>[] {outer.delegate};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ImmutableSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new ImmutableSerializer<>((TypeSerializer<T>) nested[0]);
        }
    }
}
