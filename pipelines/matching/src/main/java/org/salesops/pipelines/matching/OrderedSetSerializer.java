package org.salesops.pipelines.matching;

import java.io.IOException;
import java.util.LinkedHashSet;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serialises a set that keeps its insertion order, so an {@link Index}'s values come back from a checkpoint, a
 * copy-on-write copy or RocksDB in the order they were added (Flink's own set serializer gives a HashSet, whose order
 * would change which credit or customer comes first). Written as a count and the elements in order.
 */
final class OrderedSetSerializer<T> extends TypeSerializer<LinkedHashSet<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> elementSerializer;

    OrderedSetSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = elementSerializer;
    }

    TypeSerializer<T> elementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<LinkedHashSet<T>> duplicate() {
        TypeSerializer<T> element = elementSerializer.duplicate();
        return element == elementSerializer ? this : new OrderedSetSerializer<>(element);
    }

    @Override
    public LinkedHashSet<T> createInstance() {
        return new LinkedHashSet<>();
    }

    @Override
    public LinkedHashSet<T> copy(LinkedHashSet<T> from) {
        if (elementSerializer.isImmutableType()) {
            return new LinkedHashSet<>(from);
        }
        LinkedHashSet<T> copy = new LinkedHashSet<>(Math.max(16, from.size() * 4 / 3 + 1));
        for (T element : from) {
            copy.add(elementSerializer.copy(element));
        }
        return copy;
    }

    @Override
    public LinkedHashSet<T> copy(LinkedHashSet<T> from, LinkedHashSet<T> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(LinkedHashSet<T> set, DataOutputView target) throws IOException {
        target.writeInt(set.size());
        for (T element : set) {
            elementSerializer.serialize(element, target);
        }
    }

    @Override
    public LinkedHashSet<T> deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        LinkedHashSet<T> set = new LinkedHashSet<>(Math.max(16, size * 4 / 3 + 1));
        for (int i = 0; i < size; i++) {
            set.add(elementSerializer.deserialize(source));
        }
        return set;
    }

    @Override
    public LinkedHashSet<T> deserialize(LinkedHashSet<T> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = source.readInt();
        target.writeInt(size);
        for (int i = 0; i < size; i++) {
            elementSerializer.copy(source, target);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof OrderedSetSerializer<?> other && elementSerializer.equals(other.elementSerializer));
    }

    @Override
    public int hashCode() {
        return elementSerializer.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<LinkedHashSet<T>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** What a checkpoint records about the serializer: the element serializer's own snapshot. */
    public static final class Snapshot<T> extends CompositeTypeSerializerSnapshot<LinkedHashSet<T>, OrderedSetSerializer<T>> {

        private static final int VERSION = 1;

        /** For reading a snapshot back. */
        public Snapshot() {
        }

        Snapshot(OrderedSetSerializer<T> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return VERSION;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(OrderedSetSerializer<T> outer) {
            return new TypeSerializer<?>[] {outer.elementSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected OrderedSetSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new OrderedSetSerializer<>((TypeSerializer<T>) nested[0]);
        }
    }
}
