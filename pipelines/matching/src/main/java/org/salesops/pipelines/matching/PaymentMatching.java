package org.salesops.pipelines.matching;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Wires payment matching over the CRM changes and the bank transactions, both carrying event
 * timestamps (a CRM change its commit time, a bank transaction its notification time) with
 * watermarks: one {@link PaymentMatchingFunction} task per currency (see there why).
 */
public final class PaymentMatching {

    private PaymentMatching() {
    }

    /**
     * One stream per gold table; each element's {@code toRow()} is a row of it (the sinks upsert):
     * gold.payment_matches, gold.payment_allocations, gold.invoice_balances, gold.commission_ledger.
     */
    public record Streams(
            DataStream<PaymentMatch> matches,
            DataStream<PaymentAllocation> allocations,
            DataStream<InvoiceBalance> balances,
            DataStream<CommissionEntry> commission) {
    }

    public static Streams compute(DataStream<CrmChange> crm, DataStream<BankTransaction> bank, MatchingSettings settings) {
        DataStream<MatchingEvent> crmFacts = crm
                .flatMap((CrmChange c, Collector<MatchingEvent> out) ->
                        MatchingEvents.of(c, settings.currencies()).forEach(out::collect))
                .returns(MatchingEvent.class).name("matching: CRM facts").uid("matching-crm-facts");
        DataStream<MatchingEvent> transactions = bank
                .map(MatchingEvents::of).returns(MatchingEvent.class)
                .name("matching: bank transactions").uid("matching-bank-transactions");
        SingleOutputStreamOperator<PaymentMatch> matches = crmFacts.union(transactions)
                .keyBy(e -> e.currency, Types.STRING)
                .process(new PaymentMatchingFunction(settings)).returns(PaymentMatch.class)
                .name("payment matching").uid("payment-matching");
        DataStream<PaymentAllocation> allocations = matches
                .flatMap((PaymentMatch m, Collector<PaymentAllocation> out) -> m.allocationRows().forEach(out::collect))
                .returns(TypeInformation.of(PaymentAllocation.class))
                .name("payment allocations").uid("payment-allocations");
        return new Streams(matches, allocations, matches.getSideOutput(PaymentMatchingFunction.BALANCES),
                matches.getSideOutput(PaymentMatchingFunction.COMMISSION));
    }
}
