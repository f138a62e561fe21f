package org.salesops.pipelines.alerts;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.common.EventTimeBuffer;

/**
 * Rule receivable_step_dwell, keyed by contract: the seed's 静默预警 on the receivable path. The step
 * awaited is the first one not completed, in path order; it is silent from the last action on the
 * path (the contract's signing, or any change of one of its step rows: a completion, evidence added)
 * and alerts the contract's owner when silent for the threshold (default 48 h), escalating at twice
 * it. Its completion ends the watch and the next step is awaited from then; a closed (completed,
 * terminated) or deleted contract awaits nothing.
 *
 * <p>Deciding which step is awaited needs the contract and all its step rows together, and they come
 * from two tables through parallel tasks: changes wait for the watermark and are applied in event-time
 * order (the contract first at the same instant). The result is WATCH / STOP events for
 * {@link SilenceAlertFunction}, one subject per step row, carrying the time of the change they follow.
 */
public class ReceivablePathWatch extends KeyedProcessFunction<Long, ReceivableChange, SilenceEvent> {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "receivable_step_dwell";
    public static final String SUBJECT = "receivable_step";
    private static final Map<String, String> STEP_NAMES = Map.of("contract_archived", "合同归档",
            "invoice_sent", "发票寄出", "customer_signed", "客户签收", "finance_booked", "财务入账");

    /** Changes of one instant: the contract first, then its step rows by update time. */
    private static final Comparator<ReceivableChange> APPLY_ORDER =
            Comparator.comparing((ReceivableChange c) -> !c.contract).thenComparingLong(c -> c.updatedAt);

    private final Threshold threshold;
    private final WorkingCalendar calendar;
    private transient ValueState<ReceivablePathState> path;
    private transient EventTimeBuffer<ReceivableChange> pending;

    public ReceivablePathWatch(Threshold threshold, WorkingCalendar calendar) {
        this.threshold = threshold;
        this.calendar = calendar;
    }

    @Override
    public void open(OpenContext context) {
        path = getRuntimeContext().getState(new ValueStateDescriptor<>("receivable-path", ReceivablePathState.class));
        pending = new EventTimeBuffer<>(getRuntimeContext().getMapState(
                EventTimeBuffer.state("receivable-pending", ReceivableChange.class)), APPLY_ORDER);
    }

    @Override
    public void processElement(ReceivableChange change, Context ctx, Collector<SilenceEvent> out) throws Exception {
        long at = ctx.timestamp();
        if (at <= ctx.timerService().currentWatermark()) {
            // Late: its moment has passed, apply it now rather than wait for a timer that may never fire.
            applyInOrder(List.of(change), out);
            return;
        }
        pending.hold(change, at, ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<SilenceEvent> out) throws Exception {
        applyInOrder(pending.release(time), out);
    }

    /** Applies the changes of one instant, given in {@link #APPLY_ORDER}. */
    private void applyInOrder(List<ReceivableChange> changes, Collector<SilenceEvent> out) throws Exception {
        ReceivablePathState state = path.value();
        for (ReceivableChange change : changes) {
            state = apply(state, change);
        }
        if (state == null) {
            return;
        }
        emitChanges(state, out);
        if (state.finished()) {
            path.clear();
        } else {
            path.update(state);
        }
    }

    private static ReceivablePathState apply(ReceivablePathState state, ReceivableChange change) {
        if (state == null) {
            // A completed step of a path already finished (and forgotten) reopens nothing.
            if (!change.contract && (change.completed || change.removed)) {
                return null;
            }
            state = new ReceivablePathState();
        }
        if (change.contract) {
            state.ownerId = change.ownerId;
            state.contractNo = change.contractNo;
            state.signedAt = change.signedAt;
            state.closed = change.removed;
        } else {
            // Updated in place: the step keeps the silence start it is watched from.
            ReceivablePathState.Step step = state.steps.computeIfAbsent(change.step, s -> new ReceivablePathState.Step());
            step.stepId = change.stepId;
            step.completed = change.completed;
            step.updatedAt = change.updatedAt;
            step.removed = change.removed;
        }
        return state;
    }

    /** Tells the silence function what changed: the awaited step and its silence start, or the end of a watch. */
    private void emitChanges(ReceivablePathState state, Collector<SilenceEvent> out) {
        String awaited = state.closed || state.ownerId == null ? null : state.awaitedStep();
        long start = state.lastAction();
        for (String name : ReceivableChange.STEPS) {
            ReceivablePathState.Step step = state.steps.get(name);
            if (step == null) {
                continue;
            }
            boolean watch = name.equals(awaited);
            if (watch && step.watchedFrom != start) {
                step.watchedFrom = start;
                String message = "回款环节【" + STEP_NAMES.get(name) + "】停留超过" + threshold.inChinese()
                        + "无操作,请确认卡点 Receivable step " + name + " silent for " + threshold
                        + ": contract " + state.contractNo;
                out.collect(SilenceEvent.watch(RULE, SUBJECT, step.stepId, state.ownerId, start,
                        threshold.after(start, calendar), threshold.twice().after(start, calendar), message, null));
            } else if (!watch && step.watchedFrom != ReceivablePathState.Step.NOT_WATCHED) {
                step.watchedFrom = ReceivablePathState.Step.NOT_WATCHED;
                out.collect(SilenceEvent.stop(RULE, step.stepId));
            }
            if (step.removed) {
                state.steps.remove(name);
            }
        }
    }

    /** The path of one contract as known so far. A POJO for Flink state. */
    public static class ReceivablePathState {
        public Long ownerId;
        public String contractNo;
        public long signedAt = Long.MIN_VALUE;
        public boolean closed;
        public Map<String, Step> steps = new HashMap<>();

        public ReceivablePathState() {
        }

        /** The first step in path order not completed, once all four rows are known; null when none. */
        String awaitedStep() {
            if (steps.size() < ReceivableChange.STEPS.size() || steps.values().stream().anyMatch(s -> s.removed)) {
                return null;
            }
            return ReceivableChange.STEPS.stream().filter(s -> !steps.get(s).completed).findFirst().orElse(null);
        }

        long lastAction() {
            long last = signedAt;
            for (Step step : steps.values()) {
                last = Math.max(last, step.updatedAt);
            }
            return last;
        }

        boolean finished() {
            boolean allDone = steps.size() == ReceivableChange.STEPS.size()
                    && steps.values().stream().allMatch(s -> s.completed);
            return closed || allDone;
        }

        /** One step row and the silence start it is watched from (NOT_WATCHED when it is not awaited). */
        public static class Step {
            static final long NOT_WATCHED = Long.MIN_VALUE;
            public long stepId;
            public boolean completed;
            public long updatedAt;
            public boolean removed;
            public long watchedFrom = NOT_WATCHED;

            public Step() {
            }
        }
    }
}
