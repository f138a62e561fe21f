package org.salesops.pipelines.alerts;

import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.common.EventTimeBuffer;

/**
 * One alert rule's deadlines for one subject (key {@code rule:subjectId}), in event time.
 *
 * <p>A WATCH starts an episode of silence; if no TOUCH or STOP comes before its deadline (or before
 * the subject became known, when that was later) the alert opens, and if still unanswered it
 * escalates at the escalation time. A TOUCH resolves the alert and, for dwell rules, restarts the
 * silence from the action; a STOP resolves it and forgets the subject. A WATCH with another silence
 * start is a new episode and resolves the previous alert (changing the record is an action).
 *
 * <p>Events are applied in event-time order, not arrival order: each waits for the watermark to
 * pass its timestamp, so a STOP committed after a deadline still lets the alert open first, and a
 * STOP committed before it prevents the alert however late it arrives. Events at the same instant
 * as a deadline are applied before it: an action at the deadline is in time.
 */
public class SilenceAlertFunction extends KeyedProcessFunction<String, SilenceEvent, Alert> {

    private static final long serialVersionUID = 1L;

    /**
     * Events of one instant (a snapshot, one transaction) in a fixed order, whatever their arrival: the subject
     * first, then the actions on it by time, then its end.
     */
    private static final Comparator<SilenceEvent> APPLY_ORDER = Comparator.comparingInt(SilenceAlertFunction::applyOrder)
            .thenComparingLong(e -> SilenceEvent.TOUCH.equals(e.kind) ? e.at : e.silenceStart);

    private final WorkingCalendar calendar;
    private transient ValueState<SilenceEpisode> episode;
    private transient EventTimeBuffer<SilenceEvent> pending;

    public SilenceAlertFunction(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void open(OpenContext context) {
        episode = getRuntimeContext().getState(new ValueStateDescriptor<>("episode", SilenceEpisode.class));
        pending = new EventTimeBuffer<>(getRuntimeContext().getMapState(
                EventTimeBuffer.state("pending", SilenceEvent.class)), APPLY_ORDER);
    }

    @Override
    public void processElement(SilenceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        pending.hold(event, ctx.timestamp(), ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        for (SilenceEvent event : pending.release(time)) {
            apply(event, time, ctx, out);
        }
        SilenceEpisode current = episode.value();
        if (current == null) {
            return;
        }
        boolean changed = false;
        if (!current.alerting() && current.opensAt <= time) {
            out.collect(current.opened());
            current.alertStatus = Alert.OPEN;
            changed = true;
        }
        if (Alert.OPEN.equals(current.alertStatus) && current.escalatesAt <= time) {
            current.alertStatus = Alert.ESCALATED;
            out.collect(current.alert());
            changed = true;
        }
        if (changed) {
            episode.update(current);
        }
    }

    private static int applyOrder(SilenceEvent event) {
        return switch (event.kind) {
            case SilenceEvent.WATCH -> 0;
            case SilenceEvent.TOUCH -> 1;
            default -> 2;
        };
    }

    private void apply(SilenceEvent event, long at, Context ctx, Collector<Alert> out) throws Exception {
        SilenceEpisode current = episode.value();
        switch (event.kind) {
            case SilenceEvent.WATCH -> {
                if (current != null && event.silenceStart <= current.silenceStart) {
                    return; // the same episode again, or an older one
                }
                end(current, at, ctx, out);
                begin(SilenceEpisode.of(event, at), ctx);
            }
            case SilenceEvent.TOUCH -> {
                if (current == null || event.at <= current.silenceStart) {
                    return; // nothing awaited, or the action predates this silence
                }
                end(current, at, ctx, out);
                if (current.threshold == null) {
                    episode.clear();
                } else {
                    begin(current.restartedAt(event.at, at, calendar), ctx);
                }
            }
            case SilenceEvent.STOP -> {
                end(current, at, ctx, out);
                episode.clear();
            }
            default -> throw new IllegalArgumentException("unknown silence event " + event);
        }
    }

    private void begin(SilenceEpisode next, Context ctx) throws Exception {
        episode.update(next);
        ctx.timerService().registerEventTimeTimer(next.opensAt);
        ctx.timerService().registerEventTimeTimer(next.escalatesAt);
    }

    /** Resolves the episode's alert if it is up, and drops the episode's timers. */
    private void end(SilenceEpisode current, long at, Context ctx, Collector<Alert> out) throws Exception {
        if (current == null) {
            return;
        }
        if (current.alerting()) {
            out.collect(current.alert().resolved(at));
        }
        dropTimer(current.opensAt, ctx);
        dropTimer(current.escalatesAt, ctx);
    }

    /** A timer at the same instant may also wake pending events: keep it then. */
    private void dropTimer(long time, Context ctx) throws Exception {
        if (!pending.holdsInputsFor(time)) {
            ctx.timerService().deleteEventTimeTimer(time);
        }
    }
}
