package org.salesops.pipelines.matching;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.common.EventTimeBuffer;

/**
 * The matching engine as a Flink operator, keyed by currency.
 *
 * <p>Why currency: whose money a credit is, is what matching finds out, so it cannot be keyed by
 * customer; a credit can pay any open invoice in its currency (no exchange-rate matching), and a
 * currency's task holds all of them, with the customers and what finance taught. The price is one
 * task per currency: parallelism is the number of currencies, and each task's state is indexed so a
 * credit touches only the invoices its reference, payer or amount point to.
 *
 * <p>Events wait in state until the watermark passes their timestamp and are then applied in
 * event-time order (at one instant: CRM facts, then decisions, then bank transactions), so the
 * result does not depend on the order the inputs arrived in. Match results go to the main output,
 * invoice balances and commission entries to {@link #BALANCES} and {@link #COMMISSION}.
 */
public class PaymentMatchingFunction extends KeyedProcessFunction<String, MatchingEvent, PaymentMatch> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<InvoiceBalance> BALANCES =
            new OutputTag<>("invoice-balances", TypeInformation.of(InvoiceBalance.class));
    public static final OutputTag<CommissionEntry> COMMISSION =
            new OutputTag<>("commission-ledger", TypeInformation.of(CommissionEntry.class));

    private final MatchingSettings settings;
    private transient EventTimeBuffer<MatchingEvent> pending;
    private transient PaymentMatcher matcher;

    public PaymentMatchingFunction(MatchingSettings settings) {
        this.settings = settings;
    }

    /** Events waiting for the watermark, by timestamp. */
    static MapStateDescriptor<Long, List<MatchingEvent>> pendingState() {
        return EventTimeBuffer.state("pending", MatchingEvent.class);
    }

    @Override
    public void open(OpenContext context) {
        pending = new EventTimeBuffer<>(getRuntimeContext().getMapState(pendingState()));
        matcher = new PaymentMatcher(new FlinkStores(getRuntimeContext()), settings);
    }

    @Override
    public void processElement(MatchingEvent event, Context ctx, Collector<PaymentMatch> out) throws Exception {
        pending.hold(event, ctx.timestamp() != null ? ctx.timestamp() : event.time(), ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<PaymentMatch> out) throws Exception {
        List<MatchingEvent> due = pending.release(time);
        if (due.isEmpty()) {
            return;
        }
        matcher.apply(due, time, new MatchingOutput() {
            @Override
            public void match(PaymentMatch match) {
                out.collect(match);
            }

            @Override
            public void balance(InvoiceBalance balance) {
                ctx.output(BALANCES, balance);
            }

            @Override
            public void commission(CommissionEntry entry) {
                ctx.output(COMMISSION, entry);
            }
        });
    }
}
