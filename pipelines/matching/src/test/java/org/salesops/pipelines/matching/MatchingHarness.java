package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;

/**
 * PaymentMatchingFunction in a Flink test harness. CRM changes are stamped with their commit
 * time, bank transactions with their booking time, as the job stamps them.
 */
final class MatchingHarness implements AutoCloseable {

    private final KeyedOneInputStreamOperatorTestHarness<String, MatchingEvent, PaymentMatch> harness;

    MatchingHarness() throws Exception {
        this(Engine.SETTINGS);
    }

    MatchingHarness(MatchingSettings settings) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new PaymentMatchingFunction(settings),
                e -> e.currency, Types.STRING);
    }

    MatchingHarness send(CrmChange... changes) throws Exception {
        for (CrmChange change : changes) {
            for (MatchingEvent e : MatchingEvents.of(change, Engine.SETTINGS.currencies())) {
                harness.processElement(e, change.committedAt().toEpochMilli());
            }
        }
        return this;
    }

    MatchingHarness send(Company.Credit... credits) throws Exception {
        for (Company.Credit credit : credits) {
            BankTransaction t = credit.build();
            harness.processElement(MatchingEvents.of(t), t.bookedAt().toEpochMilli());
        }
        return this;
    }

    void watermark(double hours) throws Exception {
        harness.processWatermark(Company.at(hours));
    }

    void endOfInput() throws Exception {
        harness.processWatermark(Long.MAX_VALUE);
    }

    List<PaymentMatch> matches() {
        return harness.extractOutputValues();
    }

    PaymentMatch latest(String transactionKey) {
        return Recorded.latest(matches(), transactionKey);
    }

    List<InvoiceBalance> balances() {
        var balances = harness.getSideOutput(PaymentMatchingFunction.BALANCES);
        return balances == null ? List.of() : balances.stream().map(StreamRecord::getValue).toList();
    }

    InvoiceBalance balance(long invoiceId) {
        return Recorded.balance(balances(), invoiceId);
    }

    List<CommissionEntry> commission() {
        var entries = harness.getSideOutput(PaymentMatchingFunction.COMMISSION);
        return entries == null ? List.of() : entries.stream().map(StreamRecord::getValue).toList();
    }

    /** No timer left and nothing waiting for the watermark in any currency. */
    void assertNothingLeaks() throws Exception {
        assertThat(harness.numEventTimeTimers()).as("event-time timers left").isZero();
        KeyedStateBackend<Object> backend = harness.getOperator().getKeyedStateBackend();
        assertThat(backend.getKeys(PaymentMatchingFunction.pendingState().getName(), VoidNamespace.INSTANCE).count())
                .as("currencies with events still waiting").isZero();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
