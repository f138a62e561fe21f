package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.matching.Company.SHUNDA;
import static org.salesops.pipelines.matching.Company.contract;
import static org.salesops.pipelines.matching.Company.credit;
import static org.salesops.pipelines.matching.Company.invoice;
import static org.salesops.pipelines.matching.Company.shunda;

import java.util.LinkedHashSet;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the operator keeps in state and sends between tasks is a Flink POJO and survives serialisation (RocksDB, checkpoints). */
class StateTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {MatchingEvent.class, Payment.class, InvoiceChange.class, ContractChange.class,
            CustomerChange.class, DecisionChange.class, InvoiceState.class, ContractState.class, PaymentMatch.class,
            Allocation.class, InvoiceBalance.class, CommissionEntry.class})
    void isAPojo(Class<?> type) {
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void aMatchWithItsPaymentAndAllocationsRoundTrips() throws Exception {
        Engine engine = new Engine().send(shunda(0), contract(840001L, SHUNDA, "HT-2026-00123", "100000.00", "0.0500", 0),
                invoice(850001L, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 1));
        PaymentMatch m = engine.pay(credit("B1", "29990.00", 10).memo("INV-2026-004512").documents("INV-2026-004512"));
        PaymentMatch copy = roundTrip(m, PaymentMatch.class);
        assertThat(copy.sameResult(m)).isTrue();
        assertThat(copy.payment.referredDocuments).containsExactly("INV-2026-004512");
        assertThat(copy.allocations).isEqualTo(m.allocations);
        List<MatchingEvent> events = MatchingEvents.of(shunda(0), List.of("CNY"));
        assertThat(roundTrip(events.get(0), MatchingEvent.class).customer.aliases)
                .containsExactlyElementsOf(events.get(0).customer.aliases);
    }

    @Test
    void anIndexKeepsItsValuesInInsertionOrderThroughCheckpointsAndCopies() throws Exception {
        TypeSerializer<LinkedHashSet<String>> serializer =
                new OrderedSetTypeInfo<>(Types.STRING).createSerializer(new SerializerConfigImpl());
        LinkedHashSet<String> values = new LinkedHashSet<>(List.of("cust:9", "cust:1", "acct:5", "cust:3"));
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(values, out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .containsExactly("cust:9", "cust:1", "acct:5", "cust:3");
        assertThat(serializer.copy(values)).containsExactly("cust:9", "cust:1", "acct:5", "cust:3").isNotSameAs(values);

        // A checkpoint records the serializer's snapshot; the restored serializer reads the same state as is.
        DataOutputSerializer snapshotOut = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshotOut, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<LinkedHashSet<String>> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(snapshotOut.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    }

    @Test
    void anIndexOfMutableValuesCopiesThemInOrder() {
        TypeSerializer<LinkedHashSet<DecisionChange>> serializer = new OrderedSetTypeInfo<>(
                TypeInformation.of(DecisionChange.class)).createSerializer(new SerializerConfigImpl());
        LinkedHashSet<DecisionChange> held = new LinkedHashSet<>();
        for (long id : new long[] {7, 2, 5}) {
            DecisionChange decision = new DecisionChange();
            decision.id = id;
            decision.bankReference = "B" + id;
            decision.decision = DecisionChange.CONFIRM;
            held.add(decision);
        }
        LinkedHashSet<DecisionChange> copy = serializer.copy(held);
        assertThat(copy).containsExactlyElementsOf(held);
        assertThat(copy.iterator().next()).isNotSameAs(held.iterator().next());
    }

    static <T> T roundTrip(T value, Class<T> type) throws Exception {
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
