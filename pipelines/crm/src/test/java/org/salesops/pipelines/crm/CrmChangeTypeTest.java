package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** A change is handed to every operator that reads it as it is, so nothing may change it, and it still crosses the network whole. */
class CrmChangeTypeTest {

    private static CrmChange change() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", 7L);
        before.put("status", "new");
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("status", "qualified");
        after.put("score", 42);
        after.put("amount", new BigDecimal("12000.50"));
        after.put("converted", true);
        after.put("due_on", LocalDate.parse("2026-03-31"));
        after.put("assigned_at", Instant.parse("2026-03-02T01:30:00Z"));
        after.put("notes", null);
        return new CrmChange("leads", "u", before, after, Instant.parse("2026-03-02T01:31:00Z"), 1234L, 99L);
    }

    @Test
    void itsRowsCannotBeChanged() {
        Map<String, Object> row = new HashMap<>(Map.of("id", 1L));
        CrmChange change = new CrmChange("leads", "c", null, row, Instant.EPOCH, null, null);
        assertThatThrownBy(() -> change.after().put("id", 2L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> change().before().remove("status")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new CrmChange("leads", "d", row, null, Instant.EPOCH, null, null).after()).isNull();
    }

    @Test
    void isPassedOnAsItIsAndSerialisedWhole() throws Exception {
        TypeSerializer<CrmChange> serializer = CrmChange.TYPE.createSerializer(new SerializerConfigImpl());
        CrmChange change = change();
        assertThat(serializer.copy(change)).isSameAs(change);
        assertThat(serializer.isImmutableType()).isTrue();

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(change, out);
        CrmChange read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read).isEqualTo(change);
        assertThat(read.after()).containsEntry("notes", null).containsEntry("amount", new BigDecimal("12000.50"));
        assertThatThrownBy(() -> read.after().clear()).isInstanceOf(UnsupportedOperationException.class);

        DataOutputSerializer snapshotOut = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshotOut, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<CrmChange> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(snapshotOut.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    }
}
